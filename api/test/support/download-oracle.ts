import fc from 'fast-check';
import { ImageStatus, SelectionState } from '../../src/shared/domain/image-enums.js';
import { JobStatus } from '../../src/shared/domain/job-status.js';

/**
 * The download rules (PRODUCT.md rules 1, 2 and 4, and the selection lock of rule 5) restated for
 * property tests, with generators of job worlds. Written from PRODUCT.md; it never imports
 * api/src/policy, so a policy that drifts from the rules fails the tests that use it.
 */

export interface JobSetting {
  status: JobStatus;
  includedImages: number;
  allImagesIncluded: boolean;
}
export interface ImageSetting {
  status: ImageStatus;
  selectionState: SelectionState;
  /** A transfer to the customer has locked the selection (rule 5); for a derived image its source's counts. */
  locked: boolean;
  /** For a derived image (an enhancement's result): its source's setting, in the same job. */
  source?: ImageSetting;
}
/** Everything that decides downloads in one job, at one moment. */
export interface JobWorld {
  job: JobSetting;
  images: ImageSetting[];
}

/** The caller as the rules see them, for one job at one moment. */
export interface Viewer {
  staff: boolean;
  ownsJob: boolean;
  active: boolean;
}

/** Rule 1: the states that release an image on their own. */
export const RELEASING = new Set<SelectionState>([SelectionState.INCLUDED, SelectionState.EXTRA_PAID, SelectionState.EXTRA_FREE]);
/** Rule 4: extras staff granted; the customer keeps them. */
export const GRANTED = new Set<SelectionState>([SelectionState.EXTRA_PAID, SelectionState.EXTRA_FREE]);

export const oracle = {
  /**
   * Rule 1, for READY images (customers see nothing else): BLOCKED wins over allImagesIncluded. A
   * derived image is downloadable when its source is and staff have not blocked it (issue 6).
   */
  downloadable: (job: JobSetting, image: ImageSetting): boolean =>
    image.status === ImageStatus.READY &&
    image.selectionState !== SelectionState.BLOCKED &&
    (image.source ? oracle.downloadable(job, image.source) : job.allImagesIncluded || RELEASING.has(image.selectionState)),
  /** Rule 2: staff see every job; a customer user only their own customer's delivered jobs. */
  seesJob: (viewer: Viewer, job: JobSetting): boolean => viewer.active && (viewer.staff || (viewer.ownsJob && job.status === JobStatus.DELIVERED)),
  /** Rule 2: …and of those jobs, customers see READY images only. */
  seesImage: (viewer: Viewer, job: JobSetting, image: ImageSetting): boolean =>
    oracle.seesJob(viewer, job) && (viewer.staff || image.status === ImageStatus.READY),
  /** Rule 1: staff may download any READY image; a customer user a downloadable image of their own delivered job. */
  obtains: (viewer: Viewer, job: JobSetting, image: ImageSetting): boolean =>
    viewer.active &&
    (viewer.staff ? image.status === ImageStatus.READY : viewer.ownsJob && job.status === JobStatus.DELIVERED && oracle.downloadable(job, image)),
  /**
   * Rule 4: clean renditions to staff, and to a customer only of an image they may download and can
   * no longer lose: locked, a granted extra, or in a job that includes all images. A derived image
   * is judged by its source.
   */
  cleanPreview: (viewer: Viewer, job: JobSetting, image: ImageSetting): boolean => {
    if (viewer.staff) return true;
    const entitlement = image.source ?? image;
    return oracle.obtains(viewer, job, image) && (entitlement.locked || job.allImagesIncluded || GRANTED.has(entitlement.selectionState));
  },
  /** The code a refused GraphQL call carries: a deactivated user's token no longer signs anyone in. */
  refusal: (viewer: Viewer): string => (viewer.active ? 'FORBIDDEN' : 'UNAUTHENTICATED'),
};

export const weighted = <T>(...options: [T, number][]) => fc.oneof(...options.map(([value, weight]) => ({ arbitrary: fc.constant(value), weight })));

export const jobSettingArb: fc.Arbitrary<JobSetting> = fc.record({
  // Delivered most of the time: that is where customers' rights get interesting.
  status: weighted<JobStatus>([JobStatus.DELIVERED, 6], [JobStatus.IN_PROGRESS, 1], [JobStatus.ARCHIVED, 1]),
  includedImages: fc.nat({ max: 10 }),
  allImagesIncluded: fc.boolean(),
});
export const imageSettingArb: fc.Arbitrary<ImageSetting> = fc.record({
  status: weighted<ImageStatus>([ImageStatus.READY, 8], [ImageStatus.PENDING, 1], [ImageStatus.FAILED, 1]),
  selectionState: fc.constantFrom(...Object.values(SelectionState)),
  locked: fc.boolean(),
});
/** Settings for `images` images; a case uses as many as its job has. */
export const jobWorldArb = (images: number): fc.Arbitrary<JobWorld> =>
  fc.record({ job: jobSettingArb, images: fc.array(imageSettingArb, { minLength: images, maxLength: images }) });
