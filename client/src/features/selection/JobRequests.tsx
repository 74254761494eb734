import { graphql, useFragment, type FragmentType } from '../../gql';
import { useMessages } from '../../i18n/i18n';
import { selectionMessages } from './messages';
import { RequestOutcome } from './RequestOutcome';

export const JobRequestsFragment = graphql(`
  fragment JobRequests on Job {
    id
    extraRequests {
      id
      image {
        id
        filename
      }
      ...RequestOutcome
    }
  }
`);

/** Every request for an extra in the job, newest first, with the studio's decision and note. */
export function JobRequests(props: { job: FragmentType<typeof JobRequestsFragment>; onOpen(imageId: string): void }) {
  const job = useFragment(JobRequestsFragment, props.job);
  const t = useMessages(selectionMessages);
  if (job.extraRequests.length === 0) return null;
  return (
    <details className="job-requests card" open data-testid="job-requests">
      <summary>{t.requestsTitle(job.extraRequests.length)}</summary>
      <ul>
        {job.extraRequests.map((request) => (
          <li key={request.id}>
            <button type="button" className="link-button" onClick={() => props.onOpen(request.image.id)}>
              {request.image.filename}
            </button>
            <RequestOutcome request={request} />
          </li>
        ))}
      </ul>
    </details>
  );
}
