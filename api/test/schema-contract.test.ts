import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildPublicSchema } from '../src/graphql/schema.js';
import { parseDatedReason, utcDate } from './support/dated-deprecation.js';
import { checkContract, latestReleaseDate } from './support/schema-contract.js';

const releasedFile = (name: string) => readFile(new URL(`../../schema/released/${name}`, import.meta.url), 'utf8');

describe('the released API contract (schema/released/)', () => {
  it('the schema the code builds breaks nothing released, and every deprecation is dated (README: "API contract")', async () => {
    const [released, changelog] = await Promise.all([releasedFile('schema.graphql'), releasedFile('CHANGELOG.md')]);
    const report = checkContract({ released, current: await buildPublicSchema(), today: utcDate(new Date()), releasedOn: latestReleaseDate(changelog) });

    // Allowed, but a client may meet something new (e.g. an enum value it does not know): say so in the changelog.
    for (const change of report.dangerous) console.warn(`schema contract, dangerous change: ${change}`);
    expect(report.breaking).toEqual([]);
    expect(report.badDeprecations).toEqual([]);
  });

  it('the changelog names the date of the released baseline', async () => {
    expect(latestReleaseDate(await releasedFile('CHANGELOG.md'))).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

const DATED = 'Deprecated 2026-12-03; removal after 2027-03-03.';
const RELEASED = /* GraphQL */ `
  type Query {
    image(id: ID!, size: Int @deprecated(reason: "Ask for a rendition. ${DATED}")): Image
    legacy: Legacy @deprecated(reason: "No replacement. ${DATED}")
  }
  type Image {
    id: ID!
    name: String!
    width: Int!
    oldName: String @deprecated(reason: "Use \`name\`. ${DATED}")
    state: State!
  }
  type Legacy { id: ID! }
  type Orphan { id: ID! }
  enum State { NEW OLD @deprecated(reason: "Use NEW. ${DATED}") }
`;
const BEFORE_THE_END = '2027-03-03';
const AFTER_THE_END = '2027-03-04';

function check(current: string, today = BEFORE_THE_END, releasedOn?: string) {
  return checkContract({ released: RELEASED, current, today, releasedOn });
}

describe('checkContract', () => {
  it('passes the released schema unchanged', () => {
    expect(check(RELEASED)).toEqual({ breaking: [], badDeprecations: [], dangerous: [], ended: [] });
  });

  it('fails a removed field', () => {
    expect(check(RELEASED.replace('name: String!', '')).breaking).toEqual(['Image.name was removed.']);
  });

  it('fails a changed field type', () => {
    expect(check(RELEASED.replace('name: String!', 'name: Int!')).breaking).toEqual(['Image.name changed type from String! to Int!.']);
  });

  it('fails a removed deprecated field on the last day of its period, passes it the day after', () => {
    const current = RELEASED.replace(/oldName: String @deprecated\(reason: "[^"]*"\)/, '');
    expect(check(current, BEFORE_THE_END).breaking).toEqual(['Image.oldName was removed.']);
    const after = check(current, AFTER_THE_END);
    expect(after.breaking).toEqual([]);
    expect(after.ended).toContain('Image.oldName');
  });

  it('lets a deprecated field change its type only after the period', () => {
    const current = RELEASED.replace('oldName: String', 'oldName: Int');
    expect(check(current, BEFORE_THE_END).breaking).toEqual(['Image.oldName changed type from String to Int.']);
    expect(check(current, AFTER_THE_END).breaking).toEqual([]);
  });

  it('treats deprecated enum values and arguments like fields', () => {
    const current = RELEASED.replace(/OLD @deprecated\(reason: "[^"]*"\)/, '').replace(/, size: Int @deprecated\(reason: "[^"]*"\)/, '');
    expect(check(current, BEFORE_THE_END).breaking).toEqual(['OLD was removed from enum type State.', 'Query.image arg size was removed.']);
    expect(check(current, AFTER_THE_END).breaking).toEqual([]);
  });

  it('lets a type leave with the last deprecated field that reached it, but not an unreachable one', () => {
    const withoutLegacy = RELEASED.replace(/legacy: Legacy @deprecated\(reason: "[^"]*"\)/, '').replace('type Legacy { id: ID! }', '');
    expect(check(withoutLegacy, AFTER_THE_END).breaking).toEqual([]);
    expect(check(withoutLegacy, BEFORE_THE_END).breaking).toEqual(['Legacy was removed.', 'Query.legacy was removed.']);
    expect(check(RELEASED.replace('type Orphan { id: ID! }', ''), AFTER_THE_END).breaking).toEqual(['Orphan was removed.']);
  });

  it('passes an added field, and warns of an added enum value without failing', () => {
    expect(check(RELEASED.replace('width: Int!', 'width: Int!\n    height: Int'))).toMatchObject({ breaking: [], dangerous: [] });
    const report = check(RELEASED.replace('enum State { NEW', 'enum State { NEW ARCHIVED'));
    expect(report.breaking).toEqual([]);
    expect(report.dangerous).toEqual(['ARCHIVED was added to enum type State.']);
  });

  it('fails a deprecation without a dated reason, with a short period or with an impossible date', () => {
    const deprecate = (directive: string) => check(RELEASED.replace('name: String!', `name: String! ${directive}`)).badDeprecations;
    expect(deprecate('@deprecated')).toEqual([expect.stringMatching(/^Image\.name: reason "No longer supported" does not end with/)]);
    expect(deprecate('@deprecated(reason: "Use title. Removal after 2027-03-03.")')).toEqual([expect.stringMatching(/^Image\.name: reason/)]);
    expect(deprecate('@deprecated(reason: "Use title. Deprecated 2026-12-03; removal after 2027-03-02.")')).toEqual([
      'Image.name: removal after 2027-03-02 is 89 days after 2026-12-03; the period is at least 90 days',
    ]);
    expect(deprecate('@deprecated(reason: "Use title. Deprecated 2026-12-03; removal after 2027-02-30.")')).toEqual(['Image.name: 2027-02-30 is not a calendar date']);
    expect(deprecate(`@deprecated(reason: "Use title. ${DATED}")`)).toEqual([]);
  });

  it('fails a new deprecation dated before the released baseline, and a released one whose removal moves earlier', () => {
    const backdated = RELEASED.replace('name: String!', 'name: String! @deprecated(reason: "Use title. Deprecated 2026-11-01; removal after 2027-02-01.")');
    expect(check(backdated, BEFORE_THE_END, '2026-12-03').badDeprecations).toEqual(['Image.name: deprecated 2026-11-01, before the released baseline of 2026-12-03']);
    const sooner = RELEASED.replace(`Use \`name\`. ${DATED}`, 'Use `name`. Deprecated 2026-11-01; removal after 2027-02-01.');
    expect(sooner).not.toBe(RELEASED);
    expect(check(sooner, BEFORE_THE_END, '2026-12-03').badDeprecations).toEqual(['Image.oldName: removal after 2027-02-01 is earlier than the released 2027-03-03']);
  });
});

describe('parseDatedReason', () => {
  it('reads the advice and both dates', () => {
    expect(parseDatedReason(`Use \`name\`. ${DATED}`)).toEqual({ ok: true, deprecation: { advice: 'Use `name`.', deprecatedOn: '2026-12-03', removalAfter: '2027-03-03' } });
  });

  it('wants advice before the dates', () => {
    expect(parseDatedReason(DATED).ok).toBe(false);
  });
});

describe('latestReleaseDate', () => {
  it('skips [Unreleased] and takes the newest dated heading', () => {
    expect(latestReleaseDate('# Changelog\n\n## [Unreleased]\n\n## [1.1.0] - 2027-01-10\n\n## [1.0.0] - 2026-12-03\n')).toBe('2027-01-10');
  });
});
