import { useQuery } from 'urql';
import { Loading, QueryFailed } from '../../app/StatusPages';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n/i18n';
import { useFreshUrls } from '../../media/useFreshUrls';
import { JobCard } from './JobCard';
import { jobsMessages } from './messages';

const JobsQuery = graphql(`
  query ClientJobs {
    jobs(first: 100, filter: { status: [DELIVERED] }, sortBy: CREATED_AT, sortDirection: DESC) {
      nodes {
        id
        images(first: 1) {
          nodes {
            id
            thumbnailUrl
            mediaUrlsExpireAt
          }
        }
        ...JobCard
      }
    }
  }
`);

export function JobsPage() {
  const t = useMessages(jobsMessages);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: JobsQuery });
  const jobs = data?.jobs.nodes ?? [];
  useFreshUrls(
    jobs.map((job) => ({ url: job.images.nodes[0]?.thumbnailUrl, expiresAt: job.images.nodes[0]?.mediaUrlsExpireAt })),
    () => reexecute({ requestPolicy: 'network-only' }),
  );
  if (error && !data) return <QueryFailed error={error} retry={() => reexecute({ requestPolicy: 'network-only' })} />;
  return (
    <section className="page">
      <h1>{t.title}</h1>
      {fetching && !data && <Loading />}
      {data && jobs.length === 0 && <p className="empty">{t.empty}</p>}
      <ul className="job-grid">
        {jobs.map((job) => (
          <li key={job.id}>
            <JobCard job={job} onCoverExpired={() => reexecute({ requestPolicy: 'network-only' })} />
          </li>
        ))}
      </ul>
    </section>
  );
}
