import { useQuery } from 'urql';
import { Loading } from '../../app/StatusPages';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n/i18n';
import { LanguageSetting } from './LanguageSetting';
import { accountMessages } from './messages';
import { NotificationSwitches } from './NotificationSwitches';
import { PasswordChange } from './PasswordChange';
import { Sessions } from './Sessions';

const AccountQuery = graphql(`
  query ClientAccount {
    me {
      id
      name
      email
      hasPassword
      ...NotificationSwitches
    }
  }
`);

/** Language, notification mails, password and sessions of the signed-in customer. */
export function AccountPage() {
  const t = useMessages(accountMessages);
  const [{ data }] = useQuery({ query: AccountQuery });
  if (!data) return <Loading />;
  return (
    <section className="page account-page">
      <h1>{t.title}</h1>
      <section className="card">
        <h2>{t.profile}</h2>
        <p>
          {data.me.name} · {data.me.email}
        </p>
      </section>
      <LanguageSetting />
      <NotificationSwitches user={data.me} />
      <PasswordChange email={data.me.email} hasPassword={data.me.hasPassword} />
      <Sessions />
    </section>
  );
}
