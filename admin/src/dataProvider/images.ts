import type { GetManyParams, GetManyReferenceParams, GetOneParams } from 'react-admin';
import { graphql } from '../gql';
import type { AdminImageQuery, ImageFieldsFragment, ImageSortField, SelectionState } from '../gql/graphql';
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

/** The image page: the image with its job, deliveries, enhancements and extra requests (its audit trail is a list of its own). */
const ImageDetail = graphql(`
  query AdminImage($id: ID!) {
    image(id: $id) {
      ...ImageFields
      previewUrl
      contentType
      sha256
      uploadedBy {
        id
        name
      }
      job {
        id
        title
        customer {
          id
          name
        }
      }
      derivedFrom {
        id
        filename
        previewUrl
      }
      deliveries {
        id
        createdAt
        endedAt
        path
        outcome
        bytesSent
        byteSize
        user {
          id
          name
          email
          role
        }
      }
      enhancements {
        id
        status
        modelId
        model {
          name
        }
        provider
        progress
        createdAt
        finishedAt
        error {
          code
          message
        }
        requestedBy {
          id
          name
        }
        image {
          id
          filename
          previewUrl
        }
        result {
          id
          filename
          previewUrl
        }
      }
      extraRequests {
        id
        status
        note
        decisionNote
        createdAt
        decidedAt
        final
        mayAskAgainFrom
        requestedBy {
          id
          name
        }
        decidedBy {
          id
          name
        }
      }
    }
  }
`);

/** What the lightbox shows: a fresh short-lived preview URL (the list's would expire while the page stays open). */
const ImagePreview = graphql(`
  query AdminImagePreview($id: ID!) {
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

/** The job's version and the images' states as they are now, to compare with what the screen showed. */
const CurrentSelection = graphql(`
  query AdminCurrentSelection($jobId: ID!, $ids: [ID!]!) {
    job(id: $jobId) {
      id
      version
    }
    imagesByIds(ids: $ids) {
      id
      filename
      selectionState
    }
  }
`);

/** Each image's newest audit entry: after a change, the rows it wrote. */
const LatestAuditEntries = graphql(`
  query AdminLatestImageAuditEntries($ids: [ID!]!) {
    imagesByIds(ids: $ids) {
      id
      auditTrail(first: 1) {
        nodes {
          ...AuditEntryFields
        }
      }
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

const RetryRender = graphql(`
  mutation AdminRetryImageRender($imageId: ID!) {
    retryImageRender(imageId: $imageId) {
      ...ImageFields
    }
  }
`);

/** Takes a wrong upload away: deleted while untouched, else kept as REMOVED; a replacement may take over its place. */
const RemoveImage = graphql(`
  mutation AdminRemoveImage($imageId: ID!, $reason: String!, $replacementId: ID) {
    removeImage(imageId: $imageId, reason: $reason, replacementId: $replacementId) {
      deleted
      removedImageIds
      replacement {
        id
        filename
      }
    }
  }
`);

export type ImageRecord = ImageFieldsFragment & { previewUrl?: string | null };
export type ImageDetailRecord = AdminImageQuery['image'];
export type CurrentSelectionResult = { jobVersion: number; images: { id: string; filename: string; selectionState: SelectionState }[] };

const SORTABLE: Record<string, ImageSortField> = { createdAt: 'CREATED_AT', filename: 'FILENAME' };

/**
 * Images are shown within their job: the list is a reference list (`getManyReference` with target
 * `jobId`), the image page a `getOne` with every detail (with `meta.preview` only what the
 * lightbox needs).
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
  getOne: async (_resource: string, params: GetOneParams) => {
    const id = String(params.id);
    if (params.meta?.preview) return { data: (await request(ImagePreview, { id })).image as ImageRecord };
    return { data: (await request(ImageDetail, { id })).image };
  },
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
  /** Render the previews again of an image whose render failed for reasons outside the image (RENDER_FAILED). */
  retryRender: async (_resource: string, params: { id: string }) => ({
    data: (await request(RetryRender, { imageId: params.id })).retryImageRender,
  }),
  /** Audited: remove a wrong upload, optionally handing its place in the package to another upload of the job. */
  remove: async (_resource: string, params: { id: string; reason: string; replacementId?: string }) => ({
    data: (await request(RemoveImage, { imageId: params.id, reason: params.reason, replacementId: params.replacementId ?? null })).removeImage,
  }),
  /** The job's version and the images' selection states now (images the caller can no longer see drop out). */
  currentSelection: async (_resource: string, params: { jobId: string; ids: string[] }): Promise<{ data: CurrentSelectionResult }> => {
    const { job, imagesByIds } = await request(CurrentSelection, { jobId: params.jobId, ids: params.ids });
    return { data: { jobVersion: job.version, images: found(imagesByIds) } };
  },
  /** The newest audit entry of each image, in the order asked. */
  latestAuditEntries: async (_resource: string, params: { ids: string[] }) => {
    const { imagesByIds } = await request(LatestAuditEntries, { ids: params.ids });
    return { data: found(imagesByIds).flatMap((image) => image.auditTrail?.nodes.slice(0, 1) ?? []) };
  },
});
