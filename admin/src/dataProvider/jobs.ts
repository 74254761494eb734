import type { GetListParams, GetManyParams, GetManyReferenceParams, GetOneParams, CreateParams, UpdateParams } from 'react-admin';
import { graphql } from '../gql';
import type { JobDetailFieldsFragment, JobFieldsFragment, JobSortField, JobStatus } from '../gql/graphql';
import { request } from '../graphql/api';
import { fetchPage, found, given, resourceProvider, sortOf, startOfDay } from './resource-provider';

export const JobFields = graphql(`
  fragment JobFields on Job {
    id
    title
    status
    includedImages
    allImagesIncluded
    allowCustomerUploads
    includedCount
    pendingExtraCount
    downloadableCount
    version
    createdAt
    updatedAt
    deliveredAt
    customer {
      id
      name
    }
  }
`);

/** A job's show page: the fields of the list plus its READY images counted per selection state by the API. */
export const JobDetailFields = graphql(`
  fragment JobDetailFields on Job {
    ...JobFields
    selectionCounts {
      none
      included
      extraPending
      extraPaid
      extraFree
      blocked
    }
  }
`);

const JobList = graphql(`
  query AdminJobList($first: Int, $offset: Int, $filter: JobFilter, $sortBy: JobSortField, $sortDirection: SortDirection) {
    jobs(first: $first, offset: $offset, filter: $filter, sortBy: $sortBy, sortDirection: $sortDirection) {
      totalCount
      nodes {
        ...JobFields
      }
    }
  }
`);

const JobDetail = graphql(`
  query AdminJob($id: ID!) {
    job(id: $id) {
      ...JobDetailFields
    }
  }
`);

/** One request for many ids: unknown ids come back null and drop out, the others stay. */
const JobsByIds = graphql(`
  query AdminJobsByIds($ids: [ID!]!) {
    jobsByIds(ids: $ids) {
      ...JobFields
    }
  }
`);

const CreateJob = graphql(`
  mutation AdminCreateJob($input: CreateJobInput!) {
    createJob(input: $input) {
      ...JobDetailFields
    }
  }
`);

const UpdateJob = graphql(`
  mutation AdminUpdateJob($id: ID!, $input: UpdateJobInput!) {
    updateJob(id: $id, input: $input) {
      ...JobDetailFields
    }
  }
`);

/** The reason is required here although the API takes none: every audited change in the back office says why. */
const SetIncludedImages = graphql(`
  mutation AdminSetIncludedImages($jobId: ID!, $includedImages: Int!, $reason: String!, $expectedVersion: Int) {
    setIncludedImages(jobId: $jobId, includedImages: $includedImages, reason: $reason, expectedVersion: $expectedVersion) {
      ...JobDetailFields
    }
  }
`);

const SetAllImagesIncluded = graphql(`
  mutation AdminSetAllImagesIncluded($jobId: ID!, $value: Boolean!, $reason: String!, $expectedVersion: Int) {
    setAllImagesIncluded(jobId: $jobId, value: $value, reason: $reason, expectedVersion: $expectedVersion) {
      ...JobDetailFields
    }
  }
`);

export type JobRecord = JobFieldsFragment;
export type JobDetailRecord = JobDetailFieldsFragment;

const SORTABLE: Record<string, JobSortField> = { createdAt: 'CREATED_AT', title: 'TITLE', updatedAt: 'UPDATED_AT' };

interface JobFilterValues {
  q?: string;
  status?: JobStatus | JobStatus[];
  customerId?: string;
  hasPendingExtras?: boolean;
  /** Days from date inputs (YYYY-MM-DD), in the browser's time zone. */
  createdFrom?: string;
  createdTo?: string;
}

async function list(filterValues: JobFilterValues, params: Pick<GetListParams, 'pagination' | 'sort'>) {
  const status = given(filterValues.status);
  const filter = {
    search: given(filterValues.q),
    status: status === undefined ? undefined : Array.isArray(status) ? status : [status],
    customerId: given(filterValues.customerId),
    hasPendingExtras: given(filterValues.hasPendingExtras),
    createdFrom: startOfDay(given(filterValues.createdFrom)),
    createdBefore: startOfDay(given(filterValues.createdTo), 1),
  };
  return fetchPage(params.pagination, async (page) => {
    const { jobs } = await request(JobList, { ...page, ...sortOf(params.sort, SORTABLE), filter });
    return { data: jobs.nodes, total: jobs.totalCount };
  });
}

/** Fields of the job form; package size and release-all are not among them (they change only through the audited actions). */
interface JobFormValues {
  title: string;
  status: JobStatus;
  allowCustomerUploads: boolean;
  customerId: string;
  includedImages?: number;
  /** Why the status changes (audited); sent only with a status change. */
  reason?: string;
}

export const jobsProvider = resourceProvider({
  getList: (_resource: string, params: GetListParams) => list(params.filter ?? {}, params),
  getManyReference: (_resource: string, params: GetManyReferenceParams) => list({ ...params.filter, [params.target]: String(params.id) }, params),
  getOne: async (_resource: string, params: GetOneParams) => ({ data: (await request(JobDetail, { id: String(params.id) })).job }),
  getMany: async (_resource: string, params: GetManyParams) => ({ data: found((await request(JobsByIds, { ids: params.ids.map(String) })).jobsByIds) }),
  create: async (_resource: string, params: CreateParams<JobFormValues>) => {
    const { title, status, allowCustomerUploads, customerId, includedImages } = params.data;
    return { data: (await request(CreateJob, { input: { title: title ?? '', status, allowCustomerUploads, customerId: customerId ?? '', includedImages } })).createJob };
  },
  update: async (_resource: string, params: UpdateParams<JobFormValues & { id: string; version: number }>) => {
    // Only what the form may change, with the version it was loaded at: a stale form is a CONFLICT, not an overwrite.
    const { title, status, allowCustomerUploads, reason } = params.data;
    const statusChanges = status !== undefined && status !== params.previousData.status;
    const input = { title, status, allowCustomerUploads, reason: statusChanges ? reason : undefined, expectedVersion: params.previousData.version };
    return { data: (await request(UpdateJob, { id: String(params.id), input })).updateJob };
  },
  /** Audited: the package size, with the staff member's reason. */
  setIncludedImages: async (_resource: string, params: { job: JobRecord; includedImages: number; reason: string }) => ({
    data: (await request(SetIncludedImages, { jobId: params.job.id, includedImages: params.includedImages, reason: params.reason, expectedVersion: params.job.version })).setIncludedImages,
  }),
  /** Audited: release every image of the job (or withdraw that), with the staff member's reason. */
  setAllImagesIncluded: async (_resource: string, params: { job: JobRecord; value: boolean; reason: string }) => ({
    data: (await request(SetAllImagesIncluded, { jobId: params.job.id, value: params.value, reason: params.reason, expectedVersion: params.job.version })).setAllImagesIncluded,
  }),
});
