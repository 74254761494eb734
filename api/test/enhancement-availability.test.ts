import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Customer } from '../src/modules/customers/customer.entity.js';
import { UserRole } from '../src/shared/domain/user-role.js';
import { signIn, standardCast } from './support/factories.js';
import { insertReadyImageRows } from './support/ready-image-rows.js';
import { errorCode, startTestServer, type TestServer } from './support/test-server.js';

/**
 * Issue 15, item 7: the client offers only the enhancement models the customer's plan allows, and
 * says why not for the others, with the units left and when they come back.
 */
let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;
const em = () => server.services.orm.em.fork();
const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => em().getConnection().execute<T[]>(query, params);

const AVAILABILITY = `query($c: ID) { enhancementAvailability(customerId: $c) {
  plan { key } unitsLeft creditBalance resetAt day { remaining resetAt } month { remaining resetAt }
  models { model { id costUnits } available reason allowedScales faceEnhanceAllowed availableAgainAt }
} }`;

interface Availability {
  plan: { key: string };
  unitsLeft: number;
  resetAt: string;
  day: { remaining: number; resetAt: string };
  month: { remaining: number; resetAt: string };
  models: { model: { id: string; costUnits: number }; available: boolean; reason: string | null; availableAgainAt: string | null }[];
}

beforeAll(async () => {
  server = await startTestServer();
  cast = await standardCast(server);
});
afterAll(() => server?.close());

const availability = async (token: string, customerId?: string) => {
  const response = await server.gql<{ enhancementAvailability: Availability }>(AVAILABILITY, { c: customerId }, token);
  return { response, data: response.data?.enhancementAvailability };
};

async function planFor(customerId: string, limits: { daily: number; monthly: number; maxUpscale: 2 | 4 | 8; faceEnhance: boolean }) {
  const [plan] = await sql<{ id: string }>(
    'INSERT INTO plans (key, name, daily_units, monthly_units, max_upscale, face_enhance, credits_allowed) VALUES (?, ?, ?, ?, ?, ?, false) RETURNING id',
    [`test-${randomBytes(4).toString('hex')}`, 'Test', limits.daily, limits.monthly, limits.maxUpscale, limits.faceEnhance],
  );
  await server.services.plans.setCustomerPlan(em(), { user: cast.staff }, customerId, plan!.id, null);
}

/** Plan units the customer used today: a charged task, as the enhancement service writes it. */
async function used(customerId: string, units: number) {
  const job = await cast.make.job(await em().findOneOrFail(Customer, { id: customerId }));
  await insertReadyImageRows(em(), { customerId, jobId: job.id, count: 1 });
  const [image] = await sql<{ id: string }>('SELECT id FROM images WHERE job_id = ?', [job.id]);
  const taskId = randomUUID();
  await sql("INSERT INTO enhancements (id, image_id, job_id, customer_id, model_id, provider, params) VALUES (?, ?, ?, ?, 'esrgan-2x', 'local', '{}')", [taskId, image!.id, job.id, customerId]);
  await sql("INSERT INTO usage_charges (customer_id, enhancement_id, units, source, charged_at) VALUES (?, ?, ?, 'PLAN', now())", [customerId, taskId, units]);
}

describe('enhancementAvailability', () => {
  it('tells a customer every offered model, in the order of enhancementModels, and which their plan allows', async () => {
    const { data } = await availability(cast.customerToken);
    const offered = (await server.gql<{ enhancementModels: { id: string }[] }>('{ enhancementModels { id } }', {}, cast.customerToken)).data!.enhancementModels;
    expect(data!.plan.key).toBe('free');
    expect(data!.models.map((entry) => entry.model.id)).toEqual(offered.map((model) => model.id));
    expect(data!.unitsLeft).toBe(Math.min(data!.day.remaining, data!.month.remaining));
    for (const entry of data!.models) expect(entry.available).toBe(entry.reason === null);
    // The free plan upscales up to 2×: the local 4× model is refused for the plan, the 2× one offered.
    const byId = Object.fromEntries(data!.models.map((entry) => [entry.model.id, entry]));
    expect(byId['esrgan-4x']).toMatchObject({ available: false, reason: 'UPSCALE_NOT_IN_PLAN', availableAgainAt: null });
    expect(byId['esrgan-2x']).toMatchObject({ available: true, reason: null });
  });

  it('says QUOTA_USED_UP with the reset once the day’s units are spent, and the same reset on the whole answer', async () => {
    const customer = await cast.make.customer();
    const user = await cast.make.user(UserRole.CUSTOMER, customer);
    await planFor(customer.id, { daily: 2, monthly: 100, maxUpscale: 8, faceEnhance: true });
    await used(customer.id, 2);
    const { data } = await availability(await signIn(server, user.email));
    expect(data!.unitsLeft).toBe(0);
    expect(data!.resetAt).toBe(data!.day.resetAt);
    for (const entry of data!.models) expect(entry).toMatchObject({ available: false, reason: 'QUOTA_USED_UP', availableAgainAt: data!.day.resetAt });
  });

  it('answers staff for the customer they name, and asks them to name one', async () => {
    const { data } = await availability(cast.staffToken, cast.customer.id);
    expect(data!.plan.key).toBe('free');
    const { response } = await availability(cast.staffToken);
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'customerId' });
  });

  it('hostile: another customer’s id and an unknown id look the same to a customer (FORBIDDEN), and nobody unsigned gets anything', async () => {
    const foreign = await availability(cast.customerToken, cast.otherCustomer.id);
    const unknown = await availability(cast.customerToken, randomUUID());
    const garbage = await availability(cast.customerToken, 'not-an-id');
    expect([errorCode(foreign.response), errorCode(unknown.response), errorCode(garbage.response)]).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(foreign.response.data).toBeNull();
    expect(errorCode((await server.gql(AVAILABILITY, {})))).toBe('UNAUTHENTICATED');
  });
});
