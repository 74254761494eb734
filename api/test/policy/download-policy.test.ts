import { describe, expect, it } from 'vitest';
import {
  RELEASED_STATES,
  canSeeImageFacts,
  canSeeJobFacts,
  downloadDenial,
  factsOf,
  isKept,
  isReleased,
  lockTargetOf,
  locksTakenBy,
  mayHaveRendition,
  renditionVariant,
} from '../../src/policy/download-policy.js';
import { ImageStatus, SelectionState } from '../../src/shared/domain/image-enums.js';
import { JobStatus } from '../../src/shared/domain/job-status.js';
import { admin, customer, derived, facts, inactiveCustomer, inactiveStaff, otherCustomer, staff } from './fixtures.js';

/** The download policy's pure rules (PRODUCT.md rules 1, 2, 4 and 5), decision by decision. */

const { NONE, INCLUDED, EXTRA_PENDING, EXTRA_PAID, EXTRA_FREE, BLOCKED } = SelectionState;
const ALL_STATES = Object.values(SelectionState);

describe('isReleased (rule 1)', () => {
  it('releases a READY original in exactly the released states', () => {
    expect(new Set(RELEASED_STATES)).toEqual(new Set([INCLUDED, EXTRA_PAID, EXTRA_FREE]));
    for (const selectionState of ALL_STATES) expect(isReleased(facts({ selectionState })), selectionState).toBe(RELEASED_STATES.has(selectionState));
  });

  it('releases every state but BLOCKED when the job includes all images', () => {
    for (const selectionState of ALL_STATES) expect(isReleased(facts({ selectionState, allImagesIncluded: true })), selectionState).toBe(selectionState !== BLOCKED);
  });

  it('never releases an image that is not READY', () => {
    for (const imageStatus of [ImageStatus.PENDING, ImageStatus.FAILED]) {
      expect(isReleased(facts({ imageStatus, selectionState: INCLUDED, allImagesIncluded: true }))).toBe(false);
    }
  });

  it('releases a derived image when its source is released, whatever its own (unblocked) state', () => {
    expect(isReleased(derived({ selectionState: INCLUDED }))).toBe(true);
    expect(isReleased(derived({ selectionState: EXTRA_FREE }, { selectionState: EXTRA_PENDING }))).toBe(true);
    expect(isReleased(derived({ selectionState: NONE }))).toBe(false);
    expect(isReleased(derived({ selectionState: EXTRA_PENDING }, { selectionState: INCLUDED }))).toBe(false);
    expect(isReleased(derived({ selectionState: NONE }, { allImagesIncluded: true }))).toBe(true);
  });

  it('refuses a derived image that staff blocked, or whose source is blocked or not READY, or which is not READY itself', () => {
    expect(isReleased(derived({ selectionState: INCLUDED }, { selectionState: BLOCKED }))).toBe(false);
    expect(isReleased(derived({ selectionState: BLOCKED }, { allImagesIncluded: true }))).toBe(false);
    expect(isReleased(derived({ selectionState: INCLUDED, imageStatus: ImageStatus.FAILED }))).toBe(false);
    expect(isReleased(derived({ selectionState: INCLUDED }, { imageStatus: ImageStatus.PENDING }))).toBe(false);
  });
});

describe('who sees a job and an image (rule 2)', () => {
  it('shows staff and admins every job', () => {
    for (const viewer of [staff, admin]) {
      expect(canSeeJobFacts(viewer, { customerId: 'c2', jobStatus: JobStatus.IN_PROGRESS })).toBe(true);
    }
  });

  it('shows a customer user only their own customer’s delivered jobs, and only while active', () => {
    expect(canSeeJobFacts(customer, { customerId: 'c1', jobStatus: JobStatus.DELIVERED })).toBe(true);
    expect(canSeeJobFacts(customer, { customerId: 'c1', jobStatus: JobStatus.IN_PROGRESS })).toBe(false);
    expect(canSeeJobFacts(customer, { customerId: 'c1', jobStatus: JobStatus.ARCHIVED })).toBe(false);
    expect(canSeeJobFacts(otherCustomer, { customerId: 'c1', jobStatus: JobStatus.DELIVERED })).toBe(false);
    expect(canSeeJobFacts(inactiveCustomer, { customerId: 'c1', jobStatus: JobStatus.DELIVERED })).toBe(false);
    expect(canSeeJobFacts({ ...customer, customer: null }, { customerId: 'c1', jobStatus: JobStatus.DELIVERED })).toBe(false);
  });

  it('shows a customer user only READY images of a visible job; staff every image', () => {
    expect(canSeeImageFacts(customer, facts())).toBe(true);
    expect(canSeeImageFacts(customer, facts({ imageStatus: ImageStatus.PENDING }))).toBe(false);
    expect(canSeeImageFacts(customer, facts({ jobStatus: JobStatus.IN_PROGRESS }))).toBe(false);
    expect(canSeeImageFacts(staff, facts({ imageStatus: ImageStatus.PENDING, customerId: 'c2', jobStatus: JobStatus.IN_PROGRESS }))).toBe(true);
  });
});

describe('downloadDenial (rule 1 for originals)', () => {
  it('refuses inactive users as NOT_VISIBLE, staff included', () => {
    expect(downloadDenial(inactiveCustomer, facts({ selectionState: INCLUDED }))).toBe('NOT_VISIBLE');
    expect(downloadDenial(inactiveStaff, facts({ selectionState: INCLUDED }))).toBe('NOT_VISIBLE');
  });

  it('lets staff download any READY image, released or not, and nothing else', () => {
    for (const viewer of [staff, admin]) {
      expect(downloadDenial(viewer, facts({ selectionState: BLOCKED, customerId: 'c2', jobStatus: JobStatus.IN_PROGRESS }))).toBeNull();
      expect(downloadDenial(viewer, facts({ imageStatus: ImageStatus.PENDING, selectionState: INCLUDED }))).toBe('NOT_RELEASED');
    }
  });

  it('tells a customer NOT_VISIBLE for what they cannot see, NOT_RELEASED for what they see but may not have', () => {
    expect(downloadDenial(otherCustomer, facts({ selectionState: INCLUDED }))).toBe('NOT_VISIBLE');
    expect(downloadDenial(customer, facts({ selectionState: INCLUDED, jobStatus: JobStatus.IN_PROGRESS }))).toBe('NOT_VISIBLE');
    expect(downloadDenial(customer, facts({ selectionState: INCLUDED, imageStatus: ImageStatus.PENDING }))).toBe('NOT_VISIBLE');
    expect(downloadDenial(customer, facts({ selectionState: EXTRA_PENDING }))).toBe('NOT_RELEASED');
    expect(downloadDenial(customer, facts({ selectionState: BLOCKED, allImagesIncluded: true }))).toBe('NOT_RELEASED');
    expect(downloadDenial(customer, facts({ selectionState: INCLUDED }))).toBeNull();
    expect(downloadDenial(customer, derived({ selectionState: EXTRA_PAID }))).toBeNull();
  });
});

describe('isKept (rule 4)', () => {
  it('keeps a released image that is locked, a granted extra, or in an all-included job', () => {
    expect(isKept(facts({ selectionState: INCLUDED, locked: true }))).toBe(true);
    expect(isKept(facts({ selectionState: EXTRA_PAID }))).toBe(true);
    expect(isKept(facts({ selectionState: EXTRA_FREE }))).toBe(true);
    expect(isKept(facts({ selectionState: NONE, allImagesIncluded: true }))).toBe(true);
  });

  it('does not keep an INCLUDED image that could still be deselected, nor anything unreleased', () => {
    expect(isKept(facts({ selectionState: INCLUDED }))).toBe(false);
    expect(isKept(facts({ selectionState: EXTRA_PENDING, locked: true }))).toBe(false);
    expect(isKept(facts({ selectionState: BLOCKED, allImagesIncluded: true, locked: true }))).toBe(false);
  });

  it('judges a derived image by its source’s entitlement and lock', () => {
    expect(isKept(derived({ selectionState: EXTRA_PAID }))).toBe(true);
    expect(isKept(derived({ selectionState: INCLUDED }, { locked: true }))).toBe(true);
    // Its own state is no entitlement: the source is what uses package room.
    expect(isKept(derived({ selectionState: INCLUDED }, { selectionState: EXTRA_FREE }))).toBe(false);
  });
});

describe('renditionVariant and mayHaveRendition (rule 4)', () => {
  it('gives staff clean renditions of READY images, watermarked otherwise', () => {
    expect(renditionVariant(staff, facts({ selectionState: BLOCKED, customerId: 'c2' }))).toBe('clean');
    expect(renditionVariant(staff, facts({ imageStatus: ImageStatus.PENDING }))).toBe('watermarked');
  });

  it('gives a customer clean renditions only of images they keep', () => {
    expect(renditionVariant(customer, facts({ selectionState: EXTRA_FREE }))).toBe('clean');
    expect(renditionVariant(customer, facts({ selectionState: INCLUDED }))).toBe('watermarked');
    expect(renditionVariant(customer, facts({ selectionState: NONE }))).toBe('watermarked');
    expect(renditionVariant(otherCustomer, facts({ selectionState: EXTRA_FREE }))).toBe('watermarked');
    expect(renditionVariant(inactiveCustomer, facts({ selectionState: EXTRA_FREE }))).toBe('watermarked');
  });

  it('allows a watermarked rendition of any image the viewer sees, a clean one only where the variant is clean', () => {
    const unkept = facts({ selectionState: INCLUDED });
    expect(mayHaveRendition(customer, unkept, 'preview_watermarked')).toBe(true);
    expect(mayHaveRendition(customer, unkept, 'thumbnail_watermarked')).toBe(true);
    expect(mayHaveRendition(customer, unkept, 'preview')).toBe(false);
    expect(mayHaveRendition(customer, unkept, 'watermarked_preview')).toBe(false);
    expect(mayHaveRendition(customer, facts({ selectionState: INCLUDED, locked: true }), 'preview')).toBe(true);
  });

  it('allows no rendition at all of an image the viewer cannot see', () => {
    expect(mayHaveRendition(otherCustomer, facts({ selectionState: EXTRA_FREE }), 'preview_watermarked')).toBe(false);
    expect(mayHaveRendition(customer, facts({ imageStatus: ImageStatus.PENDING }), 'thumbnail_watermarked')).toBe(false);
  });

  it('allows staff a watermarked rendition of an image not READY, not a clean one', () => {
    const pending = facts({ imageStatus: ImageStatus.PENDING });
    expect(mayHaveRendition(staff, pending, 'preview_watermarked')).toBe(true);
    expect(mayHaveRendition(staff, pending, 'preview')).toBe(false);
    expect(mayHaveRendition(staff, facts(), 'preview')).toBe(true);
  });
});

describe('locksTakenBy and lockTargetOf (rule 5)', () => {
  it('locks, for a customer, the unlocked originals — a derived image’s source — once each, in order', () => {
    const allowed = [facts({ imageId: 'a' }), facts({ imageId: 'b', locked: true }), derived({ selectionState: INCLUDED }, { imageId: 'd' }), facts({ imageId: 'i0' }), facts({ imageId: 'c' })];
    expect(locksTakenBy(customer, allowed)).toEqual(['a', 'i0', 'c']);
    expect(locksTakenBy(customer, [])).toEqual([]);
  });

  it('locks nothing for staff', () => {
    expect(locksTakenBy(staff, [facts()])).toEqual([]);
    expect(locksTakenBy(admin, [facts()])).toEqual([]);
  });

  it('names the original whose lock stands for an image', () => {
    expect(lockTargetOf(facts({ imageId: 'a' }))).toBe('a');
    expect(lockTargetOf(derived({ imageId: 'src' }))).toBe('src');
  });
});

describe('factsOf', () => {
  it('builds the policy’s facts from rows already loaded', () => {
    const job = { id: 'j9', status: JobStatus.ARCHIVED, allImagesIncluded: true, customer: { id: 'c9' } };
    expect(factsOf({ id: 'x', status: ImageStatus.READY, selectionState: EXTRA_PAID }, job, null, true)).toEqual({
      imageId: 'x',
      imageStatus: ImageStatus.READY,
      selectionState: EXTRA_PAID,
      jobId: 'j9',
      jobStatus: JobStatus.ARCHIVED,
      allImagesIncluded: true,
      customerId: 'c9',
      locked: true,
      source: null,
    });
    const withSource = factsOf({ id: 'y', status: ImageStatus.PENDING, selectionState: NONE }, job, { id: 's', status: ImageStatus.READY, selectionState: INCLUDED }, false);
    expect(withSource.source).toEqual({ imageId: 's', imageStatus: ImageStatus.READY, selectionState: INCLUDED });
    expect(withSource.locked).toBe(false);
  });
});
