import { Link } from 'react-router';
import type { CombinedError } from 'urql';
import { describeError, problemOf } from '../graphql/errors';
import { useLocale, useMessages } from '../i18n/i18n';
import { appMessages } from './messages';

export function NotFoundPage() {
  const t = useMessages(appMessages).notFound;
  return (
    <section className="status-page">
      <h1>{t.title}</h1>
      <p>{t.text}</p>
      <Link to="/">{t.back}</Link>
    </section>
  );
}

/** What a customer sees for a job that is not theirs (or does not exist: the API tells neither apart). */
export function ForbiddenPage() {
  const t = useMessages(appMessages).forbidden;
  return (
    <section className="status-page" data-testid="forbidden">
      <h1>{t.title}</h1>
      <p>{t.text}</p>
      <Link to="/">{t.back}</Link>
    </section>
  );
}

export function Loading() {
  const t = useMessages(appMessages);
  return (
    <p className="loading" role="status">
      {t.loading}
    </p>
  );
}

/** A query that failed: forbidden ids get the forbidden page, anything else its explanation and a retry. */
export function QueryFailed({ error, retry }: { error: CombinedError; retry(): void }) {
  const t = useMessages(appMessages).failed;
  const { locale } = useLocale();
  const problem = problemOf(error);
  if (problem?.code === 'FORBIDDEN' || problem?.code === 'NOT_FOUND') return <ForbiddenPage />;
  return (
    <section className="status-page" role="alert">
      <h1>{t.title}</h1>
      <p>{describeError(error, locale)}</p>
      <button type="button" onClick={retry}>
        {t.retry}
      </button>
    </section>
  );
}
