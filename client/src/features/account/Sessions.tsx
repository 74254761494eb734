import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n/i18n';
import { endSession } from '../../session/session';
import { accountMessages } from './messages';

const SignOutEverywhere = graphql(`
  mutation ClientSignOutEverywhere {
    signOutEverywhere(sessionCookie: CLIENT)
  }
`);

/** Sign out here, or everywhere (every session of the account on every device). */
export function Sessions() {
  const t = useMessages(accountMessages);
  const [everywhere, signOutEverywhere] = useMutation(SignOutEverywhere);
  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t.sessions}</h2>
      <div className="row-actions start">
        <button type="button" onClick={() => void endSession()}>
          {t.signOut}
        </button>
        <button type="button" disabled={everywhere.fetching} aria-describedby="sessions-everywhere" onClick={() => void signOutEverywhere({}).then((result) => (result.error ? undefined : endSession()))}>
          {t.signOutEverywhere}
        </button>
      </div>
      <p id="sessions-everywhere" className="muted small">
        {t.signOutEverywhereHelp}
      </p>
    </section>
  );
}
