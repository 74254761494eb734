import { useEffect, useRef } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { useLocale } from '../../i18n/i18n';
import { languageOnSignIn, takeChoiceBeforeSignIn } from './language';
import { UpdateMySettings } from './settings-documents';

const MyLanguage = graphql(`
  query ClientMyLanguage {
    me {
      id
      language
    }
  }
`);

/**
 * Once per sign-in (and per reload of a signed-in page): the page speaks the account's language, or
 * the account takes the one just chosen on the sign-in page (see languageOnSignIn). Renders nothing.
 */
export function AccountLanguage() {
  const { locale, setLocale } = useLocale();
  const [{ data }] = useQuery({ query: MyLanguage, requestPolicy: 'network-only' });
  const [, save] = useMutation(UpdateMySettings);
  const done = useRef(false);
  useEffect(() => {
    if (!data || done.current) return;
    done.current = true;
    const { switchTo, save: language } = languageOnSignIn({ page: locale, account: data.me.language, chosen: takeChoiceBeforeSignIn() });
    if (switchTo) setLocale(switchTo);
    if (language) void save({ input: { language } });
  }, [data, locale, setLocale, save]);
  return null;
}
