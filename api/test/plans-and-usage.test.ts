import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity.js';
import { Customer } from '../src/modules/customers/customer.entity.js';
import { UsageCharge } from '../src/modules/plans/usage-charge.entity.js';
import { UsageService, type UsageItem } from '../src/modules/plans/usage.service.js';
import { standardCast } from './support/factories.js';
import { insertReadyImageRows } from './support/ready-image-rows.js';
import { errorCode, startTestServer, type TestServer } from './support/test-server.js';

let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;
const em = () => server.services.orm.em.fork();
const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => em().getConnection().execute<T[]>(query, params);
const usage = () => server.services.usage;

const SET_PLAN = 'mutation($c: ID!, $p: ID!, $reason: String) { setCustomerPlan(customerId: $c, planId: $p, reason: $reason) { id plan { key } } }';
const GRANT = 'mutation($c: ID!, $units: Int!, $reason: String) { grantEnhancementCredits(customerId: $c, units: $units, reason: $reason) { id creditBalance } }';
const USAGE = 'query($c: ID) { usage(customerId: $c) { plan { key } creditBalance day { used limit remaining resetAt } month { used limit remaining resetAt } } }';

interface PlanLimits {
  daily: number;
  monthly: number;
  maxUpscale?: 2 | 4 | 8;
  faceEnhance?: boolean;
  creditsAllowed?: boolean;
}

/** Plans are data: tests add their own, with exactly the caps they reason about. */
async function makePlan(limits: PlanLimits): Promise<string> {
  const [row] = await sql<{ id: string }>(
    'INSERT INTO plans (key, name, daily_units, monthly_units, max_upscale, face_enhance, credits_allowed) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id',
    [`test-${randomBytes(4).toString('hex')}`, 'Test', limits.daily, limits.monthly, limits.maxUpscale ?? 4, limits.faceEnhance ?? true, limits.creditsAllowed ?? false],
  );
  return row!.id;
}

async function customerOn(limits: PlanLimits): Promise<Customer> {
  const customer = await cast.make.customer();
  return server.services.plans.setCustomerPlan(em(), { user: cast.staff }, customer.id, await makePlan(limits), null);
}

const planId = async (key: string) => (await server.services.plans.byKey(em(), key)).id;

/** Charges and reports default to this instant, so no test depends on when it runs (say, near midnight). */
const NOON = new Date('2026-06-15T10:00:00Z');

/**
 * Task rows for charges to point at (every charge needs its task): queued tasks on one image of a
 * job of the customer, made once per customer.
 */
const taskImages = new Map<string, Promise<{ imageId: string; jobId: string }>>();
async function tasks(customerId: string, count: number): Promise<string[]> {
  let image = taskImages.get(customerId);
  if (!image) {
    image = (async () => {
      const job = await cast.make.job(await em().findOneOrFail(Customer, { id: customerId }));
      await insertReadyImageRows(em(), { customerId, jobId: job.id, count: 1 });
      const [row] = await sql<{ id: string }>('SELECT id FROM images WHERE job_id = ?', [job.id]);
      return { imageId: row!.id, jobId: job.id };
    })();
    taskImages.set(customerId, image);
  }
  const { imageId, jobId } = await image;
  const ids = Array.from({ length: count }, () => randomUUID());
  for (const id of ids) {
    await sql("INSERT INTO enhancements (id, image_id, job_id, customer_id, model_id, provider, params) VALUES (?, ?, ?, ?, 'restore-basic', 'local', '{}')", [id, imageId, jobId, customerId]);
  }
  return ids;
}

/** One batch charged in its own transaction on its own connection, as the enhancement service will. */
async function charge(customerId: string, units: number[], options: { at?: Date; upscaleFactor?: number; faceEnhance?: boolean } = {}): Promise<UsageItem[]> {
  const ids = await tasks(customerId, units.length);
  const items = units.map((cost, index) => ({ enhancementId: ids[index]!, units: cost }));
  await em().transactional((tx) =>
    usage().charge(tx, { customerId, items, upscaleFactor: options.upscaleFactor ?? null, faceEnhance: options.faceEnhance ?? false, at: options.at ?? NOON }),
  );
  return items;
}

const refund = (enhancementId: string, reason: 'CANCELED' | 'PROVIDER_FAILURE' = 'CANCELED') => em().transactional((tx) => usage().refund(tx, enhancementId, reason));
const report = (customerId: string, at = NOON) => usage().report(em(), customerId, at);
const charges = (customerId: string) => em().find(UsageCharge, { customer: customerId }, { orderBy: { chargedAt: 'asc' } });
const balance = async (customerId: string) => (await em().findOneOrFail(Customer, { id: customerId })).creditBalance;
const customerTrail = (customerId: string) => em().find(AuditEntry, { customerId }, { orderBy: { sequence: 'asc' } });

beforeAll(async () => {
  server = await startTestServer();
  cast = await standardCast(server);
});
afterAll(() => server?.close());

describe('plans', () => {
  it('every customer starts on the free plan with no credits, and anyone signed in may compare the plans', async () => {
    const created = await server.gql('mutation { createCustomer(input: { name: "New Agency" }) { plan { key } creditBalance } }', {}, cast.staffToken);
    expect(created.data!.createCustomer).toEqual({ plan: { key: 'free' }, creditBalance: 0 });
    // Also a customer written by plain SQL, bypassing the API: the database default applies.
    const [row] = await sql<{ key: string; credit_balance: number }>(
      "WITH c AS (INSERT INTO customers (name) VALUES ('Raw') RETURNING plan_id, credit_balance) SELECT p.key, c.credit_balance FROM c JOIN plans p ON p.id = c.plan_id",
    );
    expect(row).toEqual({ key: 'free', credit_balance: 0 });

    const listed = await server.gql('{ plans { key dailyUnits monthlyUnits maxUpscale faceEnhance creditsAllowed } }', {}, cast.customerToken);
    expect(listed.data!.plans.slice(0, 3)).toEqual([
      { key: 'free', dailyUnits: 5, monthlyUnits: 20, maxUpscale: 2, faceEnhance: false, creditsAllowed: false },
      { key: 'standard', dailyUnits: 50, monthlyUnits: 500, maxUpscale: 4, faceEnhance: true, creditsAllowed: true },
      { key: 'studio', dailyUnits: 200, monthlyUnits: 3000, maxUpscale: 8, faceEnhance: true, creditsAllowed: true },
    ]);
    expect(errorCode(await server.gql('{ plans { key } }'))).toBe('UNAUTHENTICATED');
  });

  it('a customer’s plan and credits are visible to staff and the customer’s own users only', async () => {
    const own = await server.gql('query($id: ID!) { customer(id: $id) { plan { key } creditBalance } }', { id: cast.customer.id }, cast.customerToken);
    expect(own.data!.customer).toEqual({ plan: { key: 'free' }, creditBalance: 0 });
    const viaMe = await server.gql('{ me { customer { plan { key } creditBalance } } }', {}, cast.customerToken);
    expect(viaMe.data!.me.customer.plan.key).toBe('free');
    const staff = await server.gql('{ customers(first: 100) { nodes { id plan { key } creditBalance } } }', {}, cast.staffToken);
    expect(staff.errors).toBeUndefined();
    expect(staff.data!.customers.nodes.find((node: any) => node.id === cast.customer.id)).toMatchObject({ plan: { key: 'free' }, creditBalance: 0 });
    const other = await server.gql('query($id: ID!) { customer(id: $id) { plan { key } } }', { id: cast.otherCustomer.id }, cast.customerToken);
    expect(errorCode(other)).toBe('FORBIDDEN');
  });
});

describe('setCustomerPlan', () => {
  it('changes the plan and writes exactly one audit row with the customer as subject; the same plan again writes nothing', async () => {
    const customer = await cast.make.customer();
    const standard = await planId('standard');
    const changed = await server.gql(SET_PLAN, { c: customer.id, p: standard, reason: 'Upgrade ordered by phone' }, cast.staffToken);
    expect(changed.data!.setCustomerPlan).toEqual({ id: customer.id, plan: { key: 'standard' } });
    await server.gql(SET_PLAN, { c: customer.id, p: standard }, cast.staffToken);
    const rows = await customerTrail(customer.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ subject: 'CUSTOMER', field: 'plan', oldValue: 'free', newValue: 'standard', reason: 'Upgrade ordered by phone', actorName: cast.staff.name, actorRole: 'STAFF', jobId: null, imageId: null });
    expect(rows[0]!.requestId).toMatch(/.{8,}/);
    const listed = await server.gql('{ auditEntries(filter: { field: "plan" }) { nodes { subject newValue } } }', {}, cast.staffToken);
    expect(listed.data!.auditEntries.nodes).toContainEqual({ subject: 'CUSTOMER', newValue: 'standard' });
  });

  it('staff find a customer’s plan and credit changes by customer, also on the customer itself; customers do not', async () => {
    const customer = await cast.make.customer();
    await server.gql(SET_PLAN, { c: customer.id, p: await planId('studio'), reason: 'Annual contract' }, cast.staffToken);
    await server.gql('mutation($c: ID!) { grantEnhancementCredits(customerId: $c, units: 7, reason: "Goodwill") { id } }', { c: customer.id }, cast.staffToken);
    const entry = 'field oldValue newValue reason customer { id }';
    const byFilter = await server.gql(`query($c: ID!) { auditEntries(filter: { customerId: $c }) { nodes { ${entry} } } }`, { c: customer.id }, cast.staffToken);
    const expected = [
      { field: 'creditBalance', oldValue: '0', newValue: '7', reason: 'Goodwill', customer: { id: customer.id } },
      { field: 'plan', oldValue: 'free', newValue: 'studio', reason: 'Annual contract', customer: { id: customer.id } },
    ];
    expect(byFilter.data!.auditEntries.nodes).toEqual(expected);
    const onCustomer = await server.gql(`query($c: ID!) { customer(id: $c) { auditTrail { nodes { ${entry} } } } }`, { c: customer.id }, cast.staffToken);
    expect(onCustomer.data!.customer.auditTrail.nodes).toEqual(expected);

    const own = await server.gql('query($c: ID!) { customer(id: $c) { auditTrail { nodes { field } } } }', { c: cast.customer.id }, cast.customerToken);
    expect(errorCode(own)).toBe('FORBIDDEN');
    expect(own.data?.customer?.auditTrail ?? null).toBeNull();
  });

  it('answers unknown customers and plans with NOT_FOUND for staff', async () => {
    expect(errorCode(await server.gql(SET_PLAN, { c: randomUUID(), p: await planId('studio') }, cast.staffToken))).toBe('NOT_FOUND');
    expect(errorCode(await server.gql(SET_PLAN, { c: cast.customer.id, p: randomUUID() }, cast.staffToken))).toBe('NOT_FOUND');
    expect(errorCode(await server.gql(SET_PLAN, { c: cast.customer.id, p: 'not-a-uuid' }, cast.staffToken))).toBe('NOT_FOUND');
  });

  it('cannot go through the generic updateCustomer', async () => {
    const customer = await cast.make.customer();
    const response = await server.gql('mutation($id: ID!, $p: ID!) { updateCustomer(id: $id, input: { planId: $p }) { id } }', { id: customer.id, p: await planId('studio') }, cast.staffToken);
    expect(errorCode(response)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await report(customer.id)).plan.key).toBe('free');
  });
});

describe('grantEnhancementCredits', () => {
  it('adds and takes back units, never below 0, with an audit row per change', async () => {
    const customer = await cast.make.customer();
    expect((await server.gql(GRANT, { c: customer.id, units: 10, reason: 'Kulanz' }, cast.staffToken)).data!.grantEnhancementCredits.creditBalance).toBe(10);
    expect((await server.gql(GRANT, { c: customer.id, units: -4 }, cast.adminToken)).data!.grantEnhancementCredits.creditBalance).toBe(6);
    const tooMuch = await server.gql(GRANT, { c: customer.id, units: -7 }, cast.staffToken);
    expect(tooMuch.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'units', reason: 'BELOW_ZERO', creditBalance: 6 });
    expect(tooMuch.errors![0]!.message).toMatch(/balance is 6/);
    expect((await server.gql(GRANT, { c: customer.id, units: 0 }, cast.staffToken)).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OUT_OF_RANGE' });
    expect(await balance(customer.id)).toBe(6);
    expect((await customerTrail(customer.id)).map((row) => [row.field, row.oldValue, row.newValue, row.reason, row.actorRole])).toEqual([
      ['creditBalance', '0', '10', 'Kulanz', 'STAFF'],
      ['creditBalance', '10', '6', null, 'ADMIN'],
    ]);
  });

  it('the database itself refuses a negative balance', async () => {
    const customer = await cast.make.customer();
    await expect(sql('UPDATE customers SET credit_balance = -1 WHERE id = ?', [customer.id])).rejects.toThrow(/customers_credit_balance_check/);
  });
});

describe('entitlement changes and their audit rows are one transaction', () => {
  it('rolls the change back when the audit row cannot be written (injected failure)', async () => {
    const customer = await cast.make.customer();
    await sql(`CREATE FUNCTION fail_marked_plan_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.reason = 'inject-failure' THEN RAISE EXCEPTION 'injected audit failure'; END IF; RETURN NEW; END $$`);
    await sql('CREATE TRIGGER fail_marked_plan_audit BEFORE INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION fail_marked_plan_audit()');
    try {
      const plan = await server.gql(SET_PLAN, { c: customer.id, p: await planId('studio'), reason: 'inject-failure' }, cast.staffToken);
      expect(errorCode(plan)).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(plan)).not.toMatch(/injected|audit_entries|plpgsql/);
      expect(errorCode(await server.gql(GRANT, { c: customer.id, units: 5, reason: 'inject-failure' }, cast.staffToken))).toBe('INTERNAL_SERVER_ERROR');
      const stored = await report(customer.id);
      expect([stored.plan.key, stored.creditBalance]).toEqual(['free', 0]);
      expect(await customerTrail(customer.id)).toEqual([]);
    } finally {
      await sql('DROP TRIGGER fail_marked_plan_audit ON audit_entries');
      await sql('DROP FUNCTION fail_marked_plan_audit()');
    }
  });
});

describe('who may do what', () => {
  it('customers get FORBIDDEN on setCustomerPlan and grantEnhancementCredits, for their own customer too', async () => {
    const studio = await planId('studio');
    for (const [query, variables] of [
      [SET_PLAN, { c: cast.customer.id, p: studio }],
      [GRANT, { c: cast.customer.id, units: 100 }],
      [GRANT, { c: cast.otherCustomer.id, units: 100 }],
    ] as const) {
      expect(errorCode(await server.gql(query, variables, cast.customerToken)), query).toBe('FORBIDDEN');
    }
    const stored = await report(cast.customer.id);
    expect([stored.plan.key, stored.creditBalance]).toEqual(['free', 0]);
    expect(errorCode(await server.gql(GRANT, { c: cast.customer.id, units: 1 }))).toBe('UNAUTHENTICATED');
  });

  it('usage: a customer user sees their own (with or without the id); another customer’s id looks exactly like an unknown one', async () => {
    const own = await server.gql(USAGE, {}, cast.customerToken);
    expect(own.data!.usage).toMatchObject({ plan: { key: 'free' }, creditBalance: 0, day: { used: 0, limit: 5, remaining: 5 }, month: { used: 0, limit: 20, remaining: 20 } });
    expect((await server.gql(USAGE, { c: cast.customer.id }, cast.customerToken)).data!.usage).toEqual(own.data!.usage);

    const other = await server.gql(USAGE, { c: cast.otherCustomer.id }, cast.customerToken);
    const unknown = await server.gql(USAGE, { c: randomUUID() }, cast.customerToken);
    expect(errorCode(other)).toBe('FORBIDDEN');
    expect(other.errors![0]!.message).toBe(unknown.errors![0]!.message);
    expect(other.errors![0]!.extensions).toEqual(unknown.errors![0]!.extensions);

    expect((await server.gql(USAGE, { c: cast.otherCustomer.id }, cast.staffToken)).data!.usage.plan.key).toBe('free');
    expect(errorCode(await server.gql(USAGE, { c: randomUUID() }, cast.staffToken))).toBe('NOT_FOUND');
    expect((await server.gql(USAGE, {}, cast.staffToken)).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'customerId' });
    expect(errorCode(await server.gql(USAGE, {}))).toBe('UNAUTHENTICATED');
  });
});

describe('charging usage', () => {
  it('the quota race: 20 parallel charges on separate connections against a daily cap of 5 → exactly 5 succeed', async () => {
    const customer = await customerOn({ daily: 5, monthly: 100 });
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => charge(customer.id, [1])));
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(5);
    expect(refused).toHaveLength(15);
    for (const { reason } of refused) expect(reason).toMatchObject({ code: 'QUOTA_EXCEEDED', details: { period: 'DAY', limit: 5, used: 5, requested: 1 } });
    expect((await charges(customer.id)).length).toBe(5);
  });

  it('QUOTA_EXCEEDED carries resetAt = the next local midnight in Europe/Berlin, on a 25-hour day (DST ends 2026-10-25)', async () => {
    const customer = await customerOn({ daily: 5, monthly: 100 });
    // 00:00 CEST on 25 October is 22:00 UTC the day before; 00:00 CET on the 26th is 23:00 UTC.
    await charge(customer.id, [2], { at: new Date('2026-10-24T22:00:00Z') });
    await charge(customer.id, [3], { at: new Date('2026-10-25T22:59:59Z') });
    const refusal = charge(customer.id, [1], { at: new Date('2026-10-25T10:00:00Z') });
    await expect(refusal).rejects.toMatchObject({
      message: expect.stringMatching(/daily limit of 5 units/),
      code: 'QUOTA_EXCEEDED', details: { period: 'DAY', limit: 5, used: 5, requested: 1, resetAt: '2026-10-25T23:00:00.000Z' },
    });
    await charge(customer.id, [1], { at: new Date('2026-10-25T23:00:00Z') });
    // The day before ended at 22:00 UTC (a 24-hour CEST day).
    await charge(customer.id, [5], { at: new Date('2026-10-24T21:59:59Z') });
    const onTheLongDay = await report(customer.id, new Date('2026-10-25T12:00:00Z'));
    expect(onTheLongDay.day).toEqual({ used: 5, limit: 5, remaining: 0, resetAt: new Date('2026-10-25T23:00:00Z') });
    // And the 23-hour day when DST starts: 29 March 2026 runs from 23:00 UTC to 22:00 UTC.
    expect((await report(customer.id, new Date('2026-03-29T12:00:00Z'))).day.resetAt).toEqual(new Date('2026-03-29T22:00:00Z'));
  });

  it('the month runs from the 1st local midnight; a spent month stops even a fresh day, until the month ends', async () => {
    const customer = await customerOn({ daily: 100, monthly: 8 });
    await charge(customer.id, [8], { at: new Date('2026-01-31T22:30:00Z') }); // 23:30 on 31 January in Berlin
    await expect(charge(customer.id, [1], { at: new Date('2026-01-31T22:59:59Z') })).rejects.toMatchObject({
      code: 'QUOTA_EXCEEDED', details: { period: 'MONTH', limit: 8, used: 8, requested: 1, resetAt: '2026-01-31T23:00:00.000Z' },
    });
    await charge(customer.id, [1], { at: new Date('2026-01-31T23:00:00Z') }); // 00:00 on 1 February
    expect((await report(customer.id, new Date('2026-02-10T12:00:00Z'))).month).toEqual({ used: 1, limit: 8, remaining: 7, resetAt: new Date('2026-02-28T23:00:00Z') });
    expect((await report(customer.id, new Date('2026-01-15T12:00:00Z'))).month).toMatchObject({ used: 8, remaining: 0 });
    // March ends in summer time: its last local midnight is 22:00 UTC.
    expect((await report(customer.id, new Date('2026-03-15T12:00:00Z'))).month.resetAt).toEqual(new Date('2026-03-31T22:00:00Z'));
  });

  it('the database refuses a charge whose task does not exist, at commit, and keeps nothing of its batch', async () => {
    const customer = await customerOn({ daily: 10, monthly: 10 });
    const [task] = await tasks(customer.id, 1);
    const items = [{ enhancementId: task!, units: 1 }, { enhancementId: randomUUID(), units: 1 }];
    await expect(em().transactional((tx) => usage().charge(tx, { customerId: customer.id, items, upscaleFactor: null, faceEnhance: false, at: NOON }))).rejects.toThrow(
      /usage_charges_enhancement_id_foreign/,
    );
    expect(await charges(customer.id)).toEqual([]);
  });

  it('a batch is all or nothing: nothing is written when it does not fit as a whole', async () => {
    const customer = await customerOn({ daily: 5, monthly: 100 });
    await charge(customer.id, [3]);
    await expect(charge(customer.id, [1, 1, 1])).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED', details: { used: 3, requested: 3 } });
    expect((await charges(customer.id)).map((row) => row.units)).toEqual([3]);
    await charge(customer.id, [1, 1]);
    expect((await report(customer.id)).day).toMatchObject({ used: 5, remaining: 0 });
  });

  it('refunds give the units back, once, and are recorded', async () => {
    const customer = await customerOn({ daily: 5, monthly: 100 });
    const [first, second] = await charge(customer.id, [2, 3]);
    await expect(charge(customer.id, [1])).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED' });
    await refund(first!.enhancementId, 'PROVIDER_FAILURE');
    await refund(first!.enhancementId, 'CANCELED');
    await Promise.all([refund(second!.enhancementId), refund(second!.enhancementId)]);
    await refund(randomUUID());
    expect((await report(customer.id)).day).toMatchObject({ used: 0, remaining: 5 });
    expect((await charges(customer.id)).map((row) => [row.units, row.refundReason, row.refundedAt instanceof Date])).toEqual([
      [2, 'PROVIDER_FAILURE', true],
      [3, 'CANCELED', true],
    ]);
    await charge(customer.id, [5]);
  });

  it('credits pay what the plan cannot, when the plan allows them, and return on refund', async () => {
    const customer = await customerOn({ daily: 2, monthly: 100, creditsAllowed: true });
    await server.gql(GRANT, { c: customer.id, units: 3 }, cast.staffToken);
    const items = await charge(customer.id, [1, 1, 1, 1]);
    expect((await charges(customer.id)).map((row) => [row.enhancementId, row.source])).toEqual(
      items.map((item, index) => [item.enhancementId, index < 2 ? 'PLAN' : 'CREDITS']),
    );
    expect(await balance(customer.id)).toBe(1);
    await expect(charge(customer.id, [2])).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED', details: { period: 'DAY', used: 2, requested: 2 } });
    expect(await balance(customer.id)).toBe(1);
    await refund(items[3]!.enhancementId);
    expect(await balance(customer.id)).toBe(2);
    expect(await report(customer.id)).toMatchObject({ creditBalance: 2, day: { used: 2, limit: 2, remaining: 0 } });
    expect((await server.gql(USAGE, { c: customer.id }, cast.staffToken)).data!.usage.creditBalance).toBe(2);
    await charge(customer.id, [2]);
    expect(await balance(customer.id)).toBe(0);
  });

  it('a plan without credits refuses at the cap, whatever the balance', async () => {
    const customer = await customerOn({ daily: 1, monthly: 100, creditsAllowed: false });
    await server.gql(GRANT, { c: customer.id, units: 50 }, cast.staffToken);
    await charge(customer.id, [1]);
    await expect(charge(customer.id, [1])).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED' });
    expect(await balance(customer.id)).toBe(50);
  });

  it('refuses features the plan lacks, writing nothing', async () => {
    const customer = await cast.make.customer(); // the free plan: up to 2×, no face enhancement
    await expect(charge(customer.id, [1], { upscaleFactor: 4 })).rejects.toMatchObject({
      code: 'FORBIDDEN', details: { reason: 'PLAN_FEATURE', feature: 'upscale', plan: 'free', maxUpscale: 2 },
    });
    await expect(charge(customer.id, [1], { faceEnhance: true })).rejects.toMatchObject({
      code: 'FORBIDDEN', details: { reason: 'PLAN_FEATURE', feature: 'faceEnhance', plan: 'free' },
    });
    expect(await charges(customer.id)).toEqual([]);
    await charge(customer.id, [1], { upscaleFactor: 2 });
    expect(await charges(customer.id)).toHaveLength(1);
  });

  it('must run inside the caller’s transaction', async () => {
    await expect(usage().charge(em(), { customerId: cast.customer.id, items: [{ enhancementId: randomUUID(), units: 1 }], upscaleFactor: null, faceEnhance: false })).rejects.toThrow(/transaction/);
  });
});

describe('the time zone is configuration', () => {
  it('ENHANCEMENT_TIME_ZONE defaults to Europe/Berlin and must be an IANA zone', () => {
    expect(loadConfig({}).enhancementTimeZone).toBe('Europe/Berlin');
    expect(loadConfig({ ENHANCEMENT_TIME_ZONE: 'America/New_York' }).enhancementTimeZone).toBe('America/New_York');
    for (const wrong of ['Mars/Olympus_Mons', '+01:00', 'Europe/Berlin; DROP TABLE plans']) {
      expect(() => loadConfig({ ENHANCEMENT_TIME_ZONE: wrong }), wrong).toThrow(ConfigError);
      expect(() => loadConfig({ ENHANCEMENT_TIME_ZONE: wrong }), wrong).toThrow(/ENHANCEMENT_TIME_ZONE must be an IANA time zone/);
    }
  });

  it('periods follow the configured zone', async () => {
    const tokyo = new UsageService('Asia/Tokyo');
    const at = new Date('2026-10-25T10:00:00Z');
    const reported = await tokyo.report(em(), cast.customer.id, at);
    expect([reported.day.resetAt, reported.month.resetAt]).toEqual([new Date('2026-10-25T15:00:00Z'), new Date('2026-10-31T15:00:00Z')]);
  });
});
