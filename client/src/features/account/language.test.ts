import { describe, expect, it } from 'vitest';
import { chooseLanguageBeforeSignIn, languageOnSignIn, takeChoiceBeforeSignIn } from './language';

describe('the language after signing in', () => {
  it('is the account’s when it differs from the page’s, and nothing changes when they agree', () => {
    expect(languageOnSignIn({ page: 'en', account: 'DE', chosen: null })).toEqual({ switchTo: 'de', save: null });
    expect(languageOnSignIn({ page: 'de', account: 'EN', chosen: null })).toEqual({ switchTo: 'en', save: null });
    expect(languageOnSignIn({ page: 'de', account: 'DE', chosen: null })).toEqual({ switchTo: null, save: null });
  });

  it('is the one just chosen on the sign-in page, saved to the account when the account says otherwise', () => {
    expect(languageOnSignIn({ page: 'en', account: 'DE', chosen: 'en' })).toEqual({ switchTo: null, save: 'EN' });
    expect(languageOnSignIn({ page: 'en', account: 'EN', chosen: 'en' })).toEqual({ switchTo: null, save: null });
  });

  it('takes the sign-in page’s choice once', () => {
    chooseLanguageBeforeSignIn('de');
    expect(takeChoiceBeforeSignIn()).toBe('de');
    expect(takeChoiceBeforeSignIn()).toBeNull();
  });
});
