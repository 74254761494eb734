import { renderToStaticMarkup } from 'react-dom/server';
import { Client, Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { LocaleProvider } from '../../i18n/i18n';
import { accountMessages } from './messages';
import { PasswordChange } from './PasswordChange';

const render = (hasPassword: boolean, locale: 'en' | 'de' = 'en') =>
  renderToStaticMarkup(
    <Provider value={new Client({ url: 'http://pixgate.test/graphql', exchanges: [] })}>
      <LocaleProvider initial={locale}>
        <PasswordChange email="kim@example.test" hasPassword={hasPassword} />
      </LocaleProvider>
    </Provider>,
  );

describe('the password section of the account page', () => {
  it('offers the change of a password to an account that has one', () => {
    const html = render(true);
    // The current password, the new one and the new one again.
    expect(html.match(/type="password"/g)).toHaveLength(3);
    expect(html).toContain(accountMessages.en.changePassword);
    expect(html).not.toContain(accountMessages.en.passwordReasons.NO_PASSWORD);
  });

  it('tells an account without a password how to get one, in its language, instead of a form that cannot work', () => {
    for (const locale of ['en', 'de'] as const) {
      const html = render(false, locale);
      expect(html).toContain(accountMessages[locale].passwordReasons.NO_PASSWORD);
      expect(html).not.toContain('<input');
      expect(html).not.toContain(accountMessages[locale].changePassword);
    }
  });
});
