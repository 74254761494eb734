import { graphql, useFragment, type FragmentType } from '../../gql';
import { useFormat, useMessages } from '../../i18n/i18n';
import { selectionMessages } from './messages';

export const RequestOutcomeFragment = graphql(`
  fragment RequestOutcome on ExtraRequest {
    id
    status
    note
    decisionNote
    decidedAt
    createdAt
  }
`);

/** One request for an extra and what the studio decided, with both notes as plain text. */
export function RequestOutcome(props: { request: FragmentType<typeof RequestOutcomeFragment> }) {
  const request = useFragment(RequestOutcomeFragment, props.request);
  const t = useMessages(selectionMessages).outcome;
  const format = useFormat();
  return (
    <div className={`request-outcome outcome-${request.status.toLowerCase()}`} data-testid="request-outcome">
      <p>
        <strong>{t[request.status]}</strong> <span className="muted">{format.dateTime(request.decidedAt ?? request.createdAt)}</span>
      </p>
      {request.note && (
        <p className="note">
          {t.yourNote} {request.note}
        </p>
      )}
      {request.decisionNote && (
        <p className="note">
          {t.studioNote} {request.decisionNote}
        </p>
      )}
    </div>
  );
}
