import { describe, expect, it } from 'vitest';
import type { SelectionState } from '../gql/graphql';
import { BULK_ACTIONS, canRetryRender, changedMeanwhile, isApplicable, planBulkChange, stepWithin, type ImageLike } from './bulk';

const image = (id: string, selectionState: SelectionState, derived = false): ImageLike => ({
  id,
  filename: `${id}.jpg`,
  selectionState,
  derivedFrom: derived ? { id: `original-of-${id}` } : null,
});
const ids = (images: ImageLike[]) => images.map((one) => one.id);

describe('planning a bulk change', () => {
  const selected = [image('a', 'NONE'), image('b', 'INCLUDED'), image('c', 'BLOCKED'), image('d', 'EXTRA_PENDING')];

  it('sends only the images whose state changes (each gets one audit row)', () => {
    const plan = planBulkChange('include', selected);
    expect(plan.state).toBe('INCLUDED');
    expect(ids(plan.toChange)).toEqual(['a', 'c', 'd']);
    expect(ids(plan.unchanged)).toEqual(['b']);
    expect(isApplicable(plan)).toBe(true);
  });

  it('unblock touches the blocked images only, exclude all that are selected in any way', () => {
    expect(ids(planBulkChange('unblock', selected).toChange)).toEqual(['c']);
    expect(planBulkChange('unblock', selected).state).toBe('NONE');
    expect(ids(planBulkChange('exclude', selected).toChange)).toEqual(['b', 'c', 'd']);
  });

  it('is not offered when nothing would change', () => {
    const blocked = [image('a', 'BLOCKED'), image('b', 'BLOCKED')];
    expect(isApplicable(planBulkChange('block', blocked))).toBe(false);
    expect(isApplicable(planBulkChange('unblock', [image('a', 'NONE')]))).toBe(false);
  });

  it('enhanced images may only be blocked or reset: other states are not offered (the API refuses them all or nothing)', () => {
    const withDerived = [image('a', 'NONE'), image('e', 'NONE', true)];
    const free = planBulkChange('extraFree', withDerived);
    expect(ids(free.notAllowed)).toEqual(['e']);
    expect(isApplicable(free)).toBe(false);
    expect(isApplicable(planBulkChange('block', withDerived))).toBe(true);
    expect(ids(planBulkChange('block', withDerived).toChange)).toEqual(['a', 'e']);
  });

  it('a removed image takes part in no change (it holds no place any more)', () => {
    const removed = { ...image('r', 'NONE'), status: 'REMOVED' as const };
    expect(ids(planBulkChange('include', [image('a', 'NONE'), removed]).notAllowed)).toEqual(['r']);
    expect(isApplicable(planBulkChange('include', [image('a', 'NONE'), removed]))).toBe(false);
    expect(ids(planBulkChange('exclude', [image('a', 'INCLUDED'), removed]).unchanged)).toEqual(['r']);
  });

  it('every action has a target state', () => {
    for (const action of BULK_ACTIONS) expect(planBulkChange(action, selected).state).toMatch(/^[A-Z_]+$/);
  });
});

describe('what changed since the page was loaded', () => {
  const shown = { jobVersion: 4, images: [image('a', 'NONE'), image('b', 'INCLUDED')] };

  it('nothing: null', () => {
    expect(changedMeanwhile(shown, { jobVersion: 4, images: [image('b', 'INCLUDED'), image('a', 'NONE')] })).toBeNull();
  });

  it('names each image whose state moved, and images that are gone', () => {
    const changed = changedMeanwhile(shown, { jobVersion: 4, images: [image('a', 'BLOCKED')] });
    expect(changed).toEqual({
      job: undefined,
      images: [
        { id: 'a', filename: 'a.jpg', shown: 'NONE', now: 'BLOCKED' },
        { id: 'b', filename: 'b.jpg', shown: 'INCLUDED', now: null },
      ],
    });
  });

  it('a job at a newer version (package, release, status changed) is a change too', () => {
    expect(changedMeanwhile(shown, { jobVersion: 5, images: shown.images })).toEqual({ job: { shown: 4, now: 5 }, images: [] });
  });
});

describe('small rules', () => {
  it('retry render only for RENDER_FAILED', () => {
    expect(canRetryRender({ status: 'FAILED', failureReason: 'RENDER_FAILED' })).toBe(true);
    expect(canRetryRender({ status: 'FAILED', failureReason: 'CORRUPT' })).toBe(false);
    expect(canRetryRender({ status: 'READY', failureReason: null })).toBe(false);
  });

  it('the lightbox stops at the first and the last image', () => {
    expect(stepWithin(0, -1, 5)).toBe(0);
    expect(stepWithin(3, 1, 5)).toBe(4);
    expect(stepWithin(4, 1, 5)).toBe(4);
    expect(stepWithin(0, 1, 0)).toBe(0);
  });
});
