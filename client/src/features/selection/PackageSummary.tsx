import { graphql, useFragment, type FragmentType } from '../../gql';
import { useMessages } from '../../i18n/i18n';
import { selectionMessages } from './messages';

export const PackageSummaryFragment = graphql(`
  fragment PackageSummary on Job {
    id
    includedImages
    allImagesIncluded
    includedCount
    pendingExtraCount
    downloadableCount
    selectionCounts {
      extraPaid
      extraFree
    }
  }
`);

/** "7 of 10 included · 2 extras requested", or "All images included"; with `showRoom`, what is left to choose. */
export function PackageSummary(props: { job: FragmentType<typeof PackageSummaryFragment>; showRoom?: boolean }) {
  const job = useFragment(PackageSummaryFragment, props.job);
  const t = useMessages(selectionMessages);
  if (job.allImagesIncluded) {
    return (
      <span className="package-summary" data-testid="package-summary">
        {t.allIncluded}
      </span>
    );
  }
  const approved = job.selectionCounts.extraPaid + job.selectionCounts.extraFree;
  const parts = [t.counter(job.includedCount, job.includedImages)];
  if (job.pendingExtraCount > 0) parts.push(t.extrasRequested(job.pendingExtraCount));
  if (approved > 0) parts.push(t.extrasApproved(approved));
  return (
    <span className="package-summary" data-testid="package-summary">
      <span className="package-bar" aria-hidden="true">
        <span style={{ width: `${job.includedImages === 0 ? 100 : Math.min(100, (job.includedCount / job.includedImages) * 100)}%` }} />
      </span>
      <span aria-live="polite">{parts.join(' · ')}</span>
      {props.showRoom && <span className="muted room-left">{t.roomLeft(Math.max(0, job.includedImages - job.includedCount))}</span>}
    </span>
  );
}
