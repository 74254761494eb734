import { Link } from 'react-router';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { useFormat, useMessages } from '../../i18n/i18n';
import { SignedImage } from '../../media/SignedImage';
import { PackageSummary } from '../selection/PackageSummary';
import { jobsMessages } from './messages';

export const JobCardFragment = graphql(`
  fragment JobCard on Job {
    id
    title
    deliveredAt
    images(first: 1) {
      totalCount
      nodes {
        id
        thumbnailUrl
      }
    }
    ...PackageSummary
  }
`);

export function JobCard(props: { job: FragmentType<typeof JobCardFragment>; onCoverExpired(): void }) {
  const job = useFragment(JobCardFragment, props.job);
  const t = useMessages(jobsMessages);
  const format = useFormat();
  const cover = job.images.nodes[0];
  return (
    <Link to={`/jobs/${job.id}`} className="card job-card">
      <span className="job-cover" aria-hidden="true">
        {cover ? <SignedImage src={cover.thumbnailUrl} alt="" onExpired={props.onCoverExpired} /> : <span className="no-cover">{t.noCover}</span>}
      </span>
      <span className="job-card-body">
        <span className="job-title">{job.title}</span>
        <span className="muted">
          {t.images(job.images.totalCount)}
          {job.deliveredAt ? ` · ${t.deliveredOn(format.date(job.deliveredAt))}` : ''}
        </span>
        <PackageSummary job={job} />
      </span>
    </Link>
  );
}
