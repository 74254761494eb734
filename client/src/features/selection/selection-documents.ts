import { graphql } from '../../gql';

/**
 * Selecting and deselecting answer with the image and its job's counters, so the normalised cache
 * updates every badge and counter on screen from the one answer.
 */
export const SelectImage = graphql(`
  mutation ClientSelectImage($imageId: ID!, $extraNote: String) {
    selectImage(imageId: $imageId, extraNote: $extraNote) {
      id
      ...SelectionFacts
      extraRequests {
        id
        status
      }
      job {
        id
        ...PackageSummary
      }
    }
  }
`);

export const DeselectImage = graphql(`
  mutation ClientDeselectImage($imageId: ID!) {
    deselectImage(imageId: $imageId) {
      id
      ...SelectionFacts
      extraRequests {
        id
        status
      }
      job {
        id
        ...PackageSummary
      }
    }
  }
`);

/** What deciding and showing a selection needs; URLs too, since a kept image's previews turn clean. */
export const SelectionFacts = graphql(`
  fragment SelectionFacts on Image {
    id
    filename
    selectionState
    locked
    downloadable
    thumbnailUrl
    previewUrl
  }
`);

/** The job facts the choice between "select" and "request an extra" needs. */
export const PackageRoom = graphql(`
  fragment PackageRoom on Job {
    id
    includedImages
    includedCount
    allImagesIncluded
  }
`);
