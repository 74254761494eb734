import type { GetManyParams, GetManyReferenceParams, GetOneParams } from 'react-admin';
import { graphql } from '../gql';
import type { ImageFieldsFragment, ImageSortField, SelectionState } from '../gql/graphql';
import { request } from '../graphql/api';
import { fetchPage, found, given, resourceProvider, sortOf } from './resource-provider';

export const ImageFields = graphql(`
  fragment ImageFields on Image {
    id
    filename
    status
    selectionState
    locked
    downloadable
    thumbnailUrl
    width
    height
    byteSize
    failureReason
    createdAt
    updatedAt
    job {
      id
    }
    derivedFrom {
      id
    }
  }
`);

const JobImages = graphql(`
  query AdminJobImages($jobId: ID!, $first: Int, $offset: Int, $filter: ImageFilter, $sortBy: ImageSortField, $sortDirection: SortDirection) {
    job(id: $jobId) {
      id
      images(first: $first, offset: $offset, filter: $filter, sortBy: $sortBy, sortDirection: $sortDirection) {
        totalCount
        nodes {
          ...ImageFields
        }
      }
    }
  }
`);

const ImageDetail = graphql(`
  query AdminImage($id: ID!) {
    image(id: $id) {
      ...ImageFields
      previewUrl
    }
  }
`);

/** One request for many ids: unknown ids come back null and drop out, the others stay. */
const ImagesByIds = graphql(`
  query AdminImagesByIds($ids: [ID!]!) {
    imagesByIds(ids: $ids) {
      ...ImageFields
    }
  }
`);

const SetSelectionState = graphql(`
  mutation AdminSetImageSelectionState($imageId: ID!, $state: SelectionState!, $reason: String!) {
    setImageSelectionState(imageId: $imageId, state: $state, reason: $reason) {
      ...ImageFields
    }
  }
`);

const SetSelectionStates = graphql(`
  mutation AdminSetImagesSelectionState($imageIds: [ID!]!, $state: SelectionState!, $reason: String!) {
    setImagesSelectionState(imageIds: $imageIds, state: $state, reason: $reason) {
      ...ImageFields
    }
  }
`);

const Unlock = graphql(`
  mutation AdminUnlockImageSelection($imageId: ID!, $reason: String!) {
    unlockImageSelection(imageId: $imageId, reason: $reason) {
      ...ImageFields
    }
  }
`);

export type ImageRecord = ImageFieldsFragment & { previewUrl?: string | null };

const SORTABLE: Record<string, ImageSortField> = { createdAt: 'CREATED_AT', filename: 'FILENAME' };

/**
 * Images exist here only within their job (the API has no image list across jobs yet), so the
 * list is a reference list: `getManyReference` with target `jobId`.
 */
export const imagesProvider = resourceProvider({
  getManyReference: async (_resource: string, params: GetManyReferenceParams) => {
    if (params.target !== 'jobId') throw new Error(`images can only be listed by job, not by ${params.target}`);
    const state = given(params.filter?.selectionState as SelectionState | SelectionState[] | undefined);
    const filter = { selectionState: state === undefined ? undefined : Array.isArray(state) ? state : [state] };
    return fetchPage(params.pagination, async (page) => {
      const { job } = await request(JobImages, { jobId: String(params.id), ...page, ...sortOf(params.sort, SORTABLE), filter });
      return { data: job.images.nodes as ImageRecord[], total: job.images.totalCount };
    });
  },
  getOne: async (_resource: string, params: GetOneParams) => ({ data: (await request(ImageDetail, { id: String(params.id) })).image as ImageRecord }),
  getMany: async (_resource: string, params: GetManyParams) => {
    const { imagesByIds } = await request(ImagesByIds, { ids: params.ids.map(String) });
    return { data: found(imagesByIds) };
  },
  /** Audited, all or nothing: one state for one or many images, with the staff member's reason. */
  setSelectionState: async (_resource: string, params: { ids: string[]; state: SelectionState; reason: string }) => {
    if (params.ids.length === 1) {
      return { data: [(await request(SetSelectionState, { imageId: params.ids[0]!, state: params.state, reason: params.reason })).setImageSelectionState] };
    }
    return { data: (await request(SetSelectionStates, { imageIds: params.ids, state: params.state, reason: params.reason })).setImagesSelectionState };
  },
  /** Audited: lift the selection lock a download put on the image. */
  unlock: async (_resource: string, params: { id: string; reason: string }) => ({
    data: (await request(Unlock, { imageId: params.id, reason: params.reason })).unlockImageSelection,
  }),
});
