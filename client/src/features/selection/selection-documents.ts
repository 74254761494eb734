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
      thumbnailUrl
      mediaUrlsExpireAt
      extraRequests {
        id
        status
      }
      job {
        id
        ...PackageSummary
        ...JobRequests
      }
    }
  }
`);

export const DeselectImage = graphql(`
  mutation ClientDeselectImage($imageId: ID!) {
    deselectImage(imageId: $imageId) {
      id
      ...SelectionFacts
      thumbnailUrl
      mediaUrlsExpireAt
      extraRequests {
        id
        status
      }
      job {
        id
        ...PackageSummary
        ...JobRequests
      }
    }
  }
`);

/** What deciding and showing a selection needs (enhanced copies cannot be selected). */
export const SelectionFacts = graphql(`
  fragment SelectionFacts on Image {
    id
    filename
    selectionState
    locked
    downloadable
    derivedFrom {
      id
    }
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
