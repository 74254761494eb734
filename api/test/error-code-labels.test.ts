import { describe, expect, it } from 'vitest';
import { HTTP_STATUS } from '../src/http/http-errors.js';
import { ERROR_CODES } from '../src/shared/errors.js';

/**
 * The web apps name every error code the API sends, in both languages, and map it to the status the
 * API's own routes answer with (labels/src/errors.ts; its type makes a label per code
 * compulsory). They cannot import the API, so this test keeps the two lists the same.
 * Imported by URL so the API's type check does not walk into the front end's sources.
 */
const labels = (await import(new URL('../../labels/src/errors.ts', import.meta.url).href)) as {
  ERROR_CODES: readonly string[];
  HTTP_STATUS_OF: Record<string, number>;
  errorCodeLabels: Record<string, Record<string, string>>;
};

describe('the web apps’ error labels', () => {
  it('know exactly the API’s error codes', () => {
    expect([...labels.ERROR_CODES].sort()).toEqual([...ERROR_CODES].sort());
  });

  it('map each code to the status the API answers with', () => {
    expect(labels.HTTP_STATUS_OF).toEqual(HTTP_STATUS);
  });

  it('name every code in German and English', () => {
    for (const locale of ['de', 'en']) expect(Object.keys(labels.errorCodeLabels[locale]!).sort()).toEqual([...ERROR_CODES].sort());
  });
});

const enums = (await import(new URL('../../labels/src/enums.ts', import.meta.url).href)) as {
  AUDITED_FIELDS: readonly string[];
};

describe('the web apps’ audit field labels', () => {
  it('name every field user administration audits (a missing one shows as its raw name)', async () => {
    const { USER_AUDIT_FIELD } = await import('../src/modules/users/user-audit.js');
    expect(enums.AUDITED_FIELDS).toEqual(expect.arrayContaining(Object.values(USER_AUDIT_FIELD)));
  });
});
