import type { GetListParams } from 'react-admin';
import { graphql } from '../gql';
import type { SecurityEventFieldsFragment, SecurityEventType } from '../gql/graphql';
import { request } from '../graphql/api';
import { fetchPage, given, resourceProvider, startOfDay } from './resource-provider';

export const SecurityEventFields = graphql(`
  fragment SecurityEventFields on SecurityEvent {
    id
    createdAt
    type
    userId
    ip
    requestId
    details
  }
`);

const SecurityEventList = graphql(`
  query AdminSecurityEventList($first: Int, $offset: Int, $filter: SecurityEventFilter) {
    securityEvents(first: $first, offset: $offset, filter: $filter) {
      totalCount
      nodes {
        ...SecurityEventFields
      }
    }
  }
`);

export type SecurityEventRecord = SecurityEventFieldsFragment;

interface SecurityEventFilterValues {
  type?: SecurityEventType;
  userId?: string;
  from?: string;
  to?: string;
}

/** Newest first (the API's only order); admins only, so the menu offers it to admins alone. */
async function list(values: SecurityEventFilterValues, params: Pick<GetListParams, 'pagination'>) {
  const filter = { type: given(values.type), userId: given(values.userId), from: startOfDay(given(values.from)), to: startOfDay(given(values.to), 1) };
  return fetchPage(params.pagination, async (page) => {
    const { securityEvents } = await request(SecurityEventList, { ...page, filter });
    return { data: securityEvents.nodes, total: securityEvents.totalCount };
  });
}

export const securityEventsProvider = resourceProvider({
  getList: (_resource: string, params: GetListParams) => list(params.filter ?? {}, params),
});
