import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AuditLogPage, exportCsv } from '../../pages/admin-administration-pages.ts';
import { messagesFor } from '../../pages/messages.ts';
import { signedInStaff, type StaffSession } from '../../support/admin-session.ts';
import { accessTokenOf, gql } from '../../support/api-client.ts';
import { DEMO, DEMO_PASSWORD } from '../../support/demo.ts';

const text = messagesFor('en-US');
/** More than the 1,000 rows react-admin's own export stops at, and more than ten of the API's pages. */
const GRANTS = 1_005;
/** The API answers at most 20 aliases a request. */
const BATCH = 20;

let session: StaffSession;
let customerId: string;

/** Staff grant one credit `count` times (20 to a request, each its own audited change), each with a numbered reason. */
async function grantOneByOne(baseUrl: string, token: string, count: number) {
  for (let start = 1; start <= count; start += BATCH) {
    const numbers = Array.from({ length: Math.min(BATCH, count - start + 1) }, (_, index) => start + index);
    const fields = numbers.map((n) => `g${n}: grantEnhancementCredits(customerId: $customerId, units: 1, reason: "e2e grant #${n}") { id }`);
    await gql(baseUrl, `mutation($customerId: ID!) { ${fields.join(' ')} }`, { customerId }, token);
  }
}

beforeAll(async () => {
  const baseUrl = inject('baseUrl');
  const staffToken = await accessTokenOf(baseUrl, DEMO.staff, DEMO_PASSWORD);
  const adminToken = await accessTokenOf(baseUrl, DEMO.admin, DEMO_PASSWORD);
  const { createCustomer } = await gql<{ createCustomer: { id: string } }>(
    baseUrl,
    'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
    { input: { name: `Audit log e2e ${Date.now()}` } },
    staffToken,
  );
  customerId = createCustomer.id;
  await grantOneByOne(baseUrl, staffToken, GRANTS);
  // The newest entry, by someone else, about something else.
  const { plans } = await gql<{ plans: { id: string; key: string }[] }>(baseUrl, '{ plans { id key } }', {}, adminToken);
  await gql(baseUrl, 'mutation($customerId: ID!, $planId: ID!) { setCustomerPlan(customerId: $customerId, planId: $planId, reason: "e2e plan") { id } }', { customerId, planId: plans.find((plan) => plan.key === 'standard')!.id }, adminToken);
  session = await signedInStaff('en-US');
}, 180_000);
afterAll(async () => {
  await session?.finish();
});

describe('the audit log', () => {
  it('narrows to the actor, the field and the dates asked for (each filter the API’s)', async () => {
    const { page, baseUrl } = session;
    const log = new AuditLogPage(page, 'en-US');
    await log.open(baseUrl, { customerId });
    await log.waitForRows((rows) => rows.length === 25 && rows[0]!.includes('Ada Admin') && rows[1]!.includes('Stefan Staff'));

    await log.filterByActor('Ada Admin');
    const byAdmin = await log.waitForRows((rows) => rows.length === 1);
    expect(byAdmin[0]).toContain('e2e plan');
    expect(byAdmin[0]).toContain('Free → Standard');

    await log.open(baseUrl, { customerId });
    await log.filterByActor('Stefan Staff');
    await log.filterByField(text.pixgate.auditField.creditBalance);
    const grants = await log.waitForRows((rows) => rows.length === 25 && rows.every((row) => row.includes('Stefan Staff') && row.includes(text.pixgate.auditField.creditBalance)));
    expect(grants[0]).toContain(`e2e grant #${GRANTS}`);

    await log.filterByField(text.pixgate.auditField.plan);
    await log.waitForRows((rows) => rows.length === 0);
    await log.empty.waitFor();

    // The browser's day: nothing from tomorrow on, everything of today.
    const [today, tomorrow] = await page.evaluate(() => {
      const day = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
      const now = new Date();
      return [day(now), day(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1))];
    });
    await log.open(baseUrl, { customerId, from: tomorrow! });
    await log.empty.waitFor();
    await log.open(baseUrl, { customerId, from: today!, to: today! });
    await log.waitForRows((rows) => rows.length === 25);
  });

  it('exports every matching row as CSV, page after page, beyond 1,000', async () => {
    const { page, baseUrl } = session;
    const log = new AuditLogPage(page, 'en-US');
    await log.open(baseUrl, { customerId });
    await log.waitForRows((rows) => rows.length === 25);
    const csv = await exportCsv(page, text.ra.action.export);
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    const fields = text.resources.auditEntries.fields;
    expect(lines[0]!.split(',').slice(0, 3)).toEqual([fields.createdAt, fields.actorName, fields.actorRole]);
    expect(lines).toHaveLength(1 + GRANTS + 1);
    const reasons = new Set(lines.map((line) => /e2e grant #(\d+)/.exec(line)?.[1]).filter(Boolean));
    expect(reasons.size).toBe(GRANTS);
    expect(lines[1]).toContain('e2e plan');
    await page.getByText(text.pixgate.export.done.split(' |||| ')[1]!.replace('%{smart_count}', String(GRANTS + 1))).waitFor();
  });
});
