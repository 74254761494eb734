import type { GetListParams, GetManyParams, GetManyReferenceParams, GetOneParams } from 'react-admin';
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
  mutation AdminDeactivateUser($id: ID!) {
    deactivateUser(id: $id) {
      ...UserFields
    }
  }
`);

const ReactivateUser = graphql(`
  mutation AdminReactivateUser($id: ID!) {
    reactivateUser(id: $id) {
      ...UserFields
    }
  }
`);

export type UserRecord = UserFieldsFragment;

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
  deactivateUser: async (_resource: string, params: { id: string }) => ({ data: (await request(DeactivateUser, { id: params.id })).deactivateUser }),
  reactivateUser: async (_resource: string, params: { id: string }) => ({ data: (await request(ReactivateUser, { id: params.id })).reactivateUser }),
});
