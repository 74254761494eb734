import { describe, expect, it } from 'vitest';
import { localeFor } from './locales';

describe('the app’s language', () => {
  it('is German for any German-speaking browser and English for all others', () => {
    for (const tag of ['de', 'de-DE', 'de-AT', 'de-CH', 'DE-de']) expect(localeFor(tag)).toBe('de');
    for (const tag of ['en-US', 'en-GB', 'fr-FR', 'nl', '', undefined]) expect(localeFor(tag)).toBe('en');
  });
});
