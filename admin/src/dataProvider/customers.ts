import type { CreateParams, GetListParams, GetManyParams, GetOneParams, UpdateParams } from 'react-admin';
import { graphql } from '../gql';
import type { CustomerDetailFieldsFragment, CustomerFieldsFragment, CustomerSortField } from '../gql/graphql';
import { request } from '../graphql/api';
import { fetchPage, found, given, resourceProvider, sortOf } from './resource-provider';

export const CustomerFields = graphql(`
  fragment CustomerFields on Customer {
    id
    name
    contactEmail
    createdAt
    updatedAt
    creditBalance
    plan {
      id
      name
    }
  }
`);

export const CustomerDetailFields = graphql(`
  fragment CustomerDetailFields on Customer {
    ...CustomerFields
    notes
    users {
      id
      name
      email
      role
      active
      lastLoginAt
    }
  }
`);

const CustomerList = graphql(`
  query AdminCustomerList($first: Int, $offset: Int, $filter: CustomerFilter, $sortBy: CustomerSortField, $sortDirection: SortDirection) {
    customers(first: $first, offset: $offset, filter: $filter, sortBy: $sortBy, sortDirection: $sortDirection) {
      totalCount
      nodes {
        ...CustomerFields
      }
    }
  }
`);

const CustomerDetail = graphql(`
  query AdminCustomer($id: ID!) {
    customer(id: $id) {
      ...CustomerDetailFields
    }
  }
`);

const CustomersByIds = graphql(`
  query AdminCustomersByIds($ids: [ID!]!) {
    customersByIds(ids: $ids) {
      ...CustomerFields
    }
  }
`);

const CreateCustomer = graphql(`
  mutation AdminCreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      ...CustomerDetailFields
    }
  }
`);

const UpdateCustomer = graphql(`
  mutation AdminUpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {
    updateCustomer(id: $id, input: $input) {
      ...CustomerDetailFields
    }
  }
`);

export type CustomerRecord = CustomerFieldsFragment;
export type CustomerDetailRecord = CustomerDetailFieldsFragment;

const SORTABLE: Record<string, CustomerSortField> = { name: 'NAME', createdAt: 'CREATED_AT' };

interface CustomerFormValues {
  name: string;
  contactEmail?: string | null;
  notes?: string | null;
}

export const customersProvider = resourceProvider({
  getList: async (_resource: string, params: GetListParams) => {
    const filter = { search: given(params.filter?.q as string | undefined) };
    return fetchPage(params.pagination, async (page) => {
      const { customers } = await request(CustomerList, { ...page, ...sortOf(params.sort, SORTABLE), filter });
      return { data: customers.nodes, total: customers.totalCount };
    });
  },
  getOne: async (_resource: string, params: GetOneParams) => ({ data: (await request(CustomerDetail, { id: String(params.id) })).customer }),
  getMany: async (_resource: string, params: GetManyParams) => ({ data: found((await request(CustomersByIds, { ids: params.ids.map(String) })).customersByIds) }),
  create: async (_resource: string, params: CreateParams<CustomerFormValues>) => {
    const { name, contactEmail, notes } = params.data;
    return { data: (await request(CreateCustomer, { input: { name: name ?? '', contactEmail: contactEmail || undefined, notes: notes || undefined } })).createCustomer };
  },
  update: async (_resource: string, params: UpdateParams<CustomerFormValues & { id: string }>) => {
    // The API clears contact email and notes with an empty string.
    const { name, contactEmail, notes } = params.data;
    return { data: (await request(UpdateCustomer, { id: String(params.id), input: { name: name || undefined, contactEmail: contactEmail ?? '', notes: notes ?? '' } })).updateCustomer };
  },
});
