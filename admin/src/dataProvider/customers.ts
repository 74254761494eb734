import type { CreateParams, GetListParams, GetManyParams, GetOneParams, UpdateParams } from 'react-admin';
import { graphql } from '../gql';
import type { AdminCustomerUsageQuery, CustomerDetailFieldsFragment, CustomerFieldsFragment, CustomerSortField } from '../gql/graphql';
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
    plan {
      ...PlanFields
    }
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

const CustomerUsage = graphql(`
  query AdminCustomerUsage($customerId: ID!) {
    usage(customerId: $customerId) {
      creditBalance
      day {
        used
        limit
        remaining
        resetAt
      }
      month {
        used
        limit
        remaining
        resetAt
      }
    }
  }
`);

const SetCustomerPlan = graphql(`
  mutation AdminSetCustomerPlan($customerId: ID!, $planId: ID!, $reason: String) {
    setCustomerPlan(customerId: $customerId, planId: $planId, reason: $reason) {
      ...CustomerDetailFields
    }
  }
`);

const GrantEnhancementCredits = graphql(`
  mutation AdminGrantEnhancementCredits($customerId: ID!, $units: Int!, $reason: String) {
    grantEnhancementCredits(customerId: $customerId, units: $units, reason: $reason) {
      ...CustomerDetailFields
    }
  }
`);

export type CustomerRecord = CustomerFieldsFragment;
/** Usage is read like a record of its own (`customerUsage`, id = the customer's), so a refresh after a change re-reads it. */
export type CustomerUsageRecord = AdminCustomerUsageQuery['usage'] & { id: string };
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
  /** Puts the customer on another plan; audited with the reason. */
  setCustomerPlan: async (_resource: string, params: { customerId: string; planId: string; reason: string }) => ({ data: (await request(SetCustomerPlan, params)).setCustomerPlan }),
  /** Grants enhancement credits, or takes them back with a negative number (never below 0); audited with the reason. */
  grantEnhancementCredits: async (_resource: string, params: { customerId: string; units: number; reason: string }) => ({ data: (await request(GrantEnhancementCredits, params)).grantEnhancementCredits }),
});

/** AI-enhancement usage this day and month against the plan's caps, and the credit balance, of the customer whose id is asked for. */
export const customerUsageProvider = resourceProvider({
  getOne: async (_resource: string, params: GetOneParams) => {
    const customerId = String(params.id);
    return { data: { ...(await request(CustomerUsage, { customerId })).usage, id: customerId } satisfies CustomerUsageRecord };
  },
});
