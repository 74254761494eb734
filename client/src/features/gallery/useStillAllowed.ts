import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import { graphql } from '../../gql';
import { problemOf } from '../../graphql/errors';

/** The smallest question the API answers only while the customer may see the job. */
const GalleryAccess = graphql(`
  query ClientGalleryAccess($jobId: ID!) {
    job(id: $jobId) {
      id
    }
  }
`);

/** How often an open gallery asks again (and whenever its tab comes back into view). */
export const ACCESS_CHECK_MS = 60_000;

/**
 * Whether the customer may still see this job: asked of the API (never the cache) every minute and
 * when the tab is shown again, so a job taken back by the studio gives way to the forbidden page
 * instead of staying on screen. A session that ended (signed out everywhere, a deactivated user)
 * ends here too: the API refuses the token and the client's fetch signs the page out.
 */
export function useStillAllowed(jobId: string): boolean {
  const client = useClient();
  const [allowed, setAllowed] = useState(true);
  useEffect(() => {
    let active = true;
    const check = async () => {
      const result = await client.query(GalleryAccess, { jobId }, { requestPolicy: 'network-only' }).toPromise();
      const code = problemOf(result.error)?.code;
      if (active && (code === 'FORBIDDEN' || code === 'NOT_FOUND')) setAllowed(false);
    };
    const onShown = () => {
      if (document.visibilityState === 'visible') void check();
    };
    const timer = setInterval(() => void check(), ACCESS_CHECK_MS);
    document.addEventListener('visibilitychange', onShown);
    window.addEventListener('focus', onShown);
    return () => {
      active = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onShown);
      window.removeEventListener('focus', onShown);
    };
  }, [client, jobId]);
  return allowed;
}
