import { useEffect, useId, useState } from 'react';
import { useMutation } from 'urql';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { describeError } from '../../graphql/errors';
import { useFormat, useLocale, useMessages } from '../../i18n/i18n';
import { downloadMessages } from './messages';

export const DownloadAllFacts = graphql(`
  fragment DownloadAllFacts on Job {
    id
    downloadableCount
    allImagesIncluded
  }
`);

const ArchiveTicket = graphql(`
  mutation ClientJobArchiveDownload($jobId: ID!) {
    jobArchiveDownload(jobId: $jobId) {
      url
      filename
      byteSize
      fileCount
      expiresAt
    }
  }
`);

/**
 * "Download all released photos": asks for a ticket first, so the exact size and file count show
 * before anything is fetched; the link itself is a plain attachment link for the browser's own
 * download manager (resumable there, never buffered in this page). Disabled, with the reason, while
 * nothing is released.
 */
export function DownloadAll(props: { job: FragmentType<typeof DownloadAllFacts> }) {
  const job = useFragment(DownloadAllFacts, props.job);
  const t = useMessages(downloadMessages).all;
  const format = useFormat();
  const { locale } = useLocale();
  const explanationId = useId();
  const [ticket, requestTicket] = useMutation(ArchiveTicket);
  const [problem, setProblem] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);
  const data = ticket.data?.jobArchiveDownload;

  // A ticket is for what is released when it was issued: a changed count asks for a new one.
  useEffect(() => setExpired(true), [job.downloadableCount]);
  useEffect(() => {
    if (!data) return;
    setExpired(false);
    const timer = setTimeout(() => setExpired(true), Math.max(0, Date.parse(data.expiresAt) - Date.now() - 2_000));
    return () => clearTimeout(timer);
  }, [data]);

  const nothing = job.downloadableCount === 0;
  const prepare = async () => {
    setProblem(null);
    const result = await requestTicket({ jobId: job.id });
    if (result.error) setProblem(describeError(result.error, locale));
  };

  return (
    <section className="download-all card" aria-labelledby={`${explanationId}-title`}>
      <h2 id={`${explanationId}-title`}>{t.title}</h2>
      <p id={explanationId} className="muted">
        {nothing ? t.nothing : `${t.released(job.downloadableCount)} ${job.allImagesIncluded ? '' : t.lockNote}`}
      </p>
      {data && !expired && !nothing ? (
        <>
          <a className="button primary" href={data.url} download={data.filename} data-testid="zip-link">
            {t.link(t.files(data.fileCount), format.bytes(data.byteSize))}
          </a>
          <p className="hint">
            {t.resumable} {t.expires(new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { timeStyle: 'short' }).format(new Date(data.expiresAt)))}
          </p>
        </>
      ) : (
        <button type="button" className="primary" disabled={nothing || ticket.fetching} aria-describedby={explanationId} onClick={() => void prepare()}>
          {ticket.fetching ? t.preparing : t.prepare}
        </button>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
