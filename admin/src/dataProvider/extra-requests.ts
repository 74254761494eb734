import type { GetListParams, GetManyReferenceParams } from 'react-admin';
import { graphql } from '../gql';
import type { ExtraDecision, ExtraRequestFieldsFragment, ExtraRequestStatus } from '../gql/graphql';
import { request } from '../graphql/api';
import { fetchPage, given, resourceProvider } from './resource-provider';

export const ExtraRequestFields = graphql(`
  fragment ExtraRequestFields on ExtraRequest {
    id
    createdAt
    status
    note
    decisionNote
    decidedAt
    final
    mayAskAgainFrom
    image {
      id
      filename
      thumbnailUrl
    }
    job {
      id
      title
      customer {
        id
        name
      }
    }
    requestedBy {
      id
      name
    }
  }
`);

const ExtraRequestList = graphql(`
  query AdminExtraRequestList($first: Int, $offset: Int, $filter: ExtraRequestFilter, $sortDirection: SortDirection) {
    extraRequests(first: $first, offset: $offset, filter: $filter, sortDirection: $sortDirection) {
      totalCount
      nodes {
        ...ExtraRequestFields
      }
    }
  }
`);

const DecideExtraRequest = graphql(`
  mutation AdminDecideExtraRequest($id: ID!, $decision: ExtraDecision!, $note: String, $mayAskAgainFrom: DateTimeISO, $final: Boolean) {
    decideExtraRequest(id: $id, decision: $decision, note: $note, mayAskAgainFrom: $mayAskAgainFrom, final: $final) {
      ...ExtraRequestFields
    }
  }
`);

export type ExtraRequestRecord = ExtraRequestFieldsFragment;

interface ExtraRequestFilterValues {
  status?: ExtraRequestStatus | '';
  jobId?: string;
  customerId?: string;
}

/** Oldest first by default (the inbox works from the oldest request); PENDING unless another status is chosen. */
async function list(values: ExtraRequestFilterValues, params: Pick<GetListParams, 'pagination' | 'sort'>) {
  const status = given(values.status);
  const filter = { status: status ? [status] : undefined, jobId: given(values.jobId), customerId: given(values.customerId) };
  const sortDirection = params.sort?.order === 'DESC' ? 'DESC' : 'ASC';
  return fetchPage(params.pagination, async (page) => {
    const { extraRequests } = await request(ExtraRequestList, { ...page, filter, sortDirection });
    return { data: extraRequests.nodes, total: extraRequests.totalCount };
  });
}

export const extraRequestsProvider = resourceProvider({
  getList: (_resource: string, params: GetListParams) => list(params.filter ?? {}, params),
  getManyReference: (_resource: string, params: GetManyReferenceParams) => list({ ...params.filter, [params.target]: String(params.id) }, params),
  /** Approve paid or free, or decline (then the customer may ask again from a date, or never: `final`). */
  decideExtraRequest: async (
    _resource: string,
    params: { id: string; decision: ExtraDecision; note: string; mayAskAgainFrom?: string; final?: boolean },
  ) => ({
    data: (
      await request(DecideExtraRequest, {
        id: params.id,
        decision: params.decision,
        note: params.note,
        mayAskAgainFrom: params.mayAskAgainFrom,
        final: params.final ?? false,
      })
    ).decideExtraRequest,
  }),
});
