import type { GetListParams, GetManyReferenceParams } from 'react-admin';
import { graphql } from '../gql';
import type { AuditEntryFieldsFragment } from '../gql/graphql';
import { request } from '../graphql/api';
import { fetchPage, given, resourceProvider, sortOf, startOfDay } from './resource-provider';

export const AuditEntryFields = graphql(`
  fragment AuditEntryFields on AuditEntry {
    id
    createdAt
    subject
    field
    oldValue
    newValue
    reason
    requestId
    actorName
    actorRole
    actor {
      id
    }
    job {
      id
      title
    }
    image {
      id
      filename
    }
    customer {
      id
      name
    }
    user {
      id
      name
    }
  }
`);

const AuditEntryList = graphql(`
  query AdminAuditEntryList($first: Int, $offset: Int, $filter: AuditFilter, $sortDirection: SortDirection) {
    auditEntries(first: $first, offset: $offset, filter: $filter, sortDirection: $sortDirection) {
      totalCount
      nodes {
        ...AuditEntryFields
      }
    }
  }
`);

export type AuditEntryRecord = AuditEntryFieldsFragment;

interface AuditFilterValues {
  jobId?: string;
  imageId?: string;
  customerId?: string;
  userId?: string;
  actorId?: string;
  field?: string;
  from?: string;
  to?: string;
}

/** The API orders the trail by when entries were written, newest first unless asked otherwise. */
const SORTABLE = { createdAt: 'CREATED_AT' } as const;

async function list(values: AuditFilterValues, params: Pick<GetListParams, 'pagination' | 'sort'>) {
  const filter = {
    jobId: given(values.jobId),
    imageId: given(values.imageId),
    customerId: given(values.customerId),
    userId: given(values.userId),
    actorId: given(values.actorId),
    field: given(values.field),
    from: startOfDay(given(values.from)),
    to: startOfDay(given(values.to), 1),
  };
  return fetchPage(params.pagination, async (page) => {
    const { auditEntries } = await request(AuditEntryList, { ...page, filter, sortDirection: sortOf(params.sort, SORTABLE).sortDirection });
    return { data: auditEntries.nodes, total: auditEntries.totalCount };
  });
}

export const auditEntriesProvider = resourceProvider({
  getList: (_resource: string, params: GetListParams) => list(params.filter ?? {}, params),
  getManyReference: (_resource: string, params: GetManyReferenceParams) => list({ ...params.filter, [params.target]: String(params.id) }, params),
});
