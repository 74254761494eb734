import type { CreateParams, GetListParams, GetManyParams, GetManyReferenceParams, GetOneParams, UpdateParams } from 'react-admin';
import { graphql } from '../gql';
import type { UserFieldsFragment, UserRole, UserSortField } from '../gql/graphql';
import { request } from '../graphql/api';
import { fetchPage, found, given, resourceProvider, sortOf } from './resource-provider';

export const UserFields = graphql(`
  fragment UserFields on User {
    id
    name
    email
    role
    active
    totpEnabled
    lastLoginAt
    deactivatedAt
    createdAt
    customer {
      id
      name
    }
  }
`);

const UserList = graphql(`
  query AdminUserList($first: Int, $offset: Int, $filter: UserFilter, $sortBy: UserSortField, $sortDirection: SortDirection) {
    users(first: $first, offset: $offset, filter: $filter, sortBy: $sortBy, sortDirection: $sortDirection) {
      totalCount
      nodes {
        ...UserFields
      }
    }
  }
`);

const UserDetail = graphql(`
  query AdminUser($id: ID!) {
    user(id: $id) {
      ...UserFields
    }
  }
`);

const UsersByIds = graphql(`
  query AdminUsersByIds($ids: [ID!]!) {
    usersByIds(ids: $ids) {
      ...UserFields
    }
  }
`);

const DeactivateUser = graphql(`
  mutation AdminDeactivateUser($id: ID!, $reason: String) {
    deactivateUser(id: $id, reason: $reason) {
      ...UserFields
    }
  }
`);

const ReactivateUser = graphql(`
  mutation AdminReactivateUser($id: ID!, $reason: String) {
    reactivateUser(id: $id, reason: $reason) {
      ...UserFields
    }
  }
`);

const CreateUser = graphql(`
  mutation AdminCreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...UserFields
    }
  }
`);

const UpdateUser = graphql(`
  mutation AdminUpdateUser($id: ID!, $input: UpdateUserInput!, $reason: String) {
    updateUser(id: $id, input: $input, reason: $reason) {
      ...UserFields
    }
  }
`);

const ResetUserTotp = graphql(`
  mutation AdminResetUserTotp($id: ID!, $reason: String!) {
    resetUserTotp(id: $id, reason: $reason) {
      ...UserFields
    }
  }
`);

export type UserRecord = UserFieldsFragment;

/** What the create and edit forms hold; an empty password leaves it as it is (or unset, for a new customer user). */
export interface UserFormValues {
  name: string;
  email: string;
  role: UserRole;
  customerId?: string | null;
  password?: string | null;
  /** Why the role or customer changes (audited); the form asks for it only then. */
  reason?: string | null;
}

/** Staff and admins belong to no customer: the API refuses a customerId for them. */
const customerOf = (values: Pick<UserFormValues, 'role' | 'customerId'>) => (values.role === 'CUSTOMER' ? values.customerId || undefined : undefined);

/**
 * updateUser's arguments from the edit form: only what changed. Role and customer go together and
 * only when one of them changed (then with the reason, for the audit entry); staff editing a customer
 * user's name send no role at all. An empty password leaves the password as it is.
 */
export function userUpdate(data: Partial<UserFormValues>, previous: Pick<UserRecord, 'name' | 'email' | 'role' | 'customer'>) {
  const changed = <K extends 'name' | 'email'>(key: K) => (data[key] !== undefined && data[key] !== previous[key] ? data[key] : undefined);
  const role = data.role ?? previous.role;
  const customerId = customerOf({ role, customerId: data.customerId === undefined ? (previous.customer?.id ?? null) : data.customerId }) ?? null;
  const roleOrCustomerChanged = role !== previous.role || (role === 'CUSTOMER' && customerId !== (previous.customer?.id ?? null));
  const input = {
    name: changed('name'),
    email: changed('email'),
    password: data.password || undefined,
    ...(roleOrCustomerChanged ? { role, customerId: customerId ?? undefined } : {}),
  };
  return { input, reason: roleOrCustomerChanged ? data.reason || undefined : undefined };
}

const SORTABLE: Record<string, UserSortField> = { name: 'NAME', email: 'EMAIL', createdAt: 'CREATED_AT' };

interface UserFilterValues {
  q?: string;
  role?: UserRole;
  active?: boolean;
  customerId?: string;
}

async function list(values: UserFilterValues, params: Pick<GetListParams, 'pagination' | 'sort'>) {
  const filter = { search: given(values.q), role: given(values.role), active: given(values.active), customerId: given(values.customerId) };
  return fetchPage(params.pagination, async (page) => {
    const { users } = await request(UserList, { ...page, ...sortOf(params.sort, SORTABLE), filter });
    return { data: users.nodes, total: users.totalCount };
  });
}

export const usersProvider = resourceProvider({
  getList: (_resource: string, params: GetListParams) => list(params.filter ?? {}, params),
  getManyReference: (_resource: string, params: GetManyReferenceParams) => list({ ...params.filter, [params.target]: String(params.id) }, params),
  getOne: async (_resource: string, params: GetOneParams) => ({ data: (await request(UserDetail, { id: String(params.id) })).user }),
  getMany: async (_resource: string, params: GetManyParams) => ({ data: found((await request(UsersByIds, { ids: params.ids.map(String) })).usersByIds) }),
  /** Blocks sign-in and ends every session of the user at once (staff: customer users; admins: anyone). */
  deactivateUser: async (_resource: string, params: { id: string; reason: string }) => ({ data: (await request(DeactivateUser, { id: params.id, reason: params.reason })).deactivateUser }),
  reactivateUser: async (_resource: string, params: { id: string; reason: string }) => ({ data: (await request(ReactivateUser, { id: params.id, reason: params.reason })).reactivateUser }),
  /** Staff create customer users; admins anyone. */
  create: async (_resource: string, params: CreateParams<UserFormValues>) => {
    const { name = '', email = '', role = 'CUSTOMER', customerId, password } = params.data;
    return { data: (await request(CreateUser, { input: { name, email, role, customerId: customerOf({ role, customerId }), password: password || undefined } })).createUser };
  },
  /** Only what changed is sent: a role or customer the caller may not assign is refused by the API, not sent by accident. */
  update: async (_resource: string, params: UpdateParams<UserFormValues & { id: string }>) => {
    const { input, reason } = userUpdate(params.data, params.previousData as unknown as UserRecord);
    return { data: (await request(UpdateUser, { id: String(params.id), input, reason })).updateUser };
  },
  /** Removes the user's second factor (admins, not their own; audited with the reason); they can enroll again. */
  resetUserTotp: async (_resource: string, params: { id: string; reason: string }) => ({ data: (await request(ResetUserTotp, params)).resetUserTotp }),
});
