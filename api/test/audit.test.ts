import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity.js';
import { SelectionState } from '../src/shared/domain/image-enums.js';
import { Image } from '../src/modules/images/image.entity.js';
import { Job } from '../src/modules/jobs/job.entity.js';
import { JobStatus } from '../src/shared/domain/job-status.js';
import { User } from '../src/modules/users/user.entity.js';
import { standardCast } from './support/factories.js';
import { errorCode, startTestServer, type TestServer } from './support/test-server.js';
import { makeJpeg, uploads } from './support/uploads.js';

let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;
const em = () => server.services.orm.em.fork();
const sql = (query: string, params: unknown[] = []) => em().getConnection().execute(query, params);
const trail = (where: Record<string, unknown>) => em().find(AuditEntry, where, { orderBy: { sequence: 'asc' } });

const SET_INCLUDED = 'mutation($id: ID!, $n: Int!, $reason: String, $v: Int) { setIncludedImages(jobId: $id, includedImages: $n, reason: $reason, expectedVersion: $v) { includedImages version } }';
const SET_ALL = 'mutation($id: ID!, $value: Boolean!, $reason: String, $v: Int) { setAllImagesIncluded(jobId: $id, value: $value, reason: $reason, expectedVersion: $v) { allImagesIncluded version } }';
const SET_STATE = 'mutation($id: ID!, $state: SelectionState!, $reason: String) { setImageSelectionState(imageId: $id, state: $state, reason: $reason) { id selectionState } }';
const UPDATE_JOB = 'mutation($id: ID!, $input: UpdateJobInput!) { updateJob(id: $id, input: $input) { status title } }';
const SET_STATES = 'mutation($ids: [ID!]!, $state: SelectionState!, $reason: String) { setImagesSelectionState(imageIds: $ids, state: $state, reason: $reason) { id selectionState } }';

async function images(jobId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const { completed } = await uploads(server).upload(cast.staffToken, await makeJpeg(30, 20), { jobId });
    ids.push(completed.data!.completeImageUpload.id);
  }
  return ids;
}

beforeAll(async () => {
  server = await startTestServer({}, 'proxied', { captureLogs: true });
  cast = await standardCast(server);
});
afterAll(() => server?.close());

describe('audited staff mutations', () => {
  it('setIncludedImages writes one row with actor snapshot, old and new value, reason and request id', async () => {
    const job = await cast.make.job(cast.customer, { includedImages: 20 });
    const response = await server.gql(SET_INCLUDED, { id: job.id, n: 25, reason: 'Kulanz: 5 more', v: job.version }, cast.staffToken);
    expect(response.data!.setIncludedImages).toEqual({ includedImages: 25, version: job.version + 1 });
    const [row, ...rest] = await trail({ jobId: job.id });
    expect(rest).toEqual([]);
    expect(row).toMatchObject({ subject: 'JOB', field: 'includedImages', oldValue: '20', newValue: '25', reason: 'Kulanz: 5 more', actorName: cast.staff.name, actorRole: 'STAFF', imageId: null });
    expect(row!.actor!.id).toBe(cast.staff.id);
    expect(row!.requestId).toMatch(/.{8,}/);
  });

  it('setAllImagesIncluded and image state changes write their rows; a no-op writes nothing', async () => {
    const job = await cast.make.job(cast.customer);
    const [first, second, third] = await images(job.id, 3);
    await server.gql(SET_ALL, { id: job.id, value: true }, cast.adminToken);
    await server.gql(SET_ALL, { id: job.id, value: true }, cast.adminToken);
    await server.gql(SET_STATE, { id: first, state: 'EXTRA_FREE', reason: 'goodwill' }, cast.staffToken);
    await server.gql(SET_STATE, { id: first, state: 'EXTRA_FREE' }, cast.staffToken);
    const bulk = await server.gql(SET_STATES, { ids: [first, second, third], state: 'BLOCKED', reason: 'retouch pending' }, cast.staffToken);
    expect(bulk.data!.setImagesSelectionState.map((image: any) => image.selectionState)).toEqual(['BLOCKED', 'BLOCKED', 'BLOCKED']);
    const rows = await trail({ jobId: job.id });
    expect(rows.map((row) => [row.field, row.imageId, row.oldValue, row.newValue, row.reason])).toEqual([
      ['allImagesIncluded', null, 'false', 'true', null],
      ['selectionState', first, 'NONE', 'EXTRA_FREE', 'goodwill'],
      ['selectionState', first, 'EXTRA_FREE', 'BLOCKED', 'retouch pending'],
      ['selectionState', second, 'NONE', 'BLOCKED', 'retouch pending'],
      ['selectionState', third, 'NONE', 'BLOCKED', 'retouch pending'],
    ]);
    expect(rows[0]!.actorRole).toBe('ADMIN');
  });

  it('a job’s status change writes its row with the reason; other edits of the job write none', async () => {
    const job = await cast.make.job(cast.customer, { status: JobStatus.IN_PROGRESS });
    const delivered = await server.gql(UPDATE_JOB, { id: job.id, input: { status: 'DELIVERED', reason: 'Shooting fertig' } }, cast.staffToken);
    expect(delivered.data!.updateJob.status).toBe('DELIVERED');
    await server.gql(UPDATE_JOB, { id: job.id, input: { title: 'Neuer Titel' } }, cast.staffToken);
    await server.gql(UPDATE_JOB, { id: job.id, input: { status: 'DELIVERED' } }, cast.staffToken);
    const rows = await trail({ jobId: job.id });
    expect(rows.map((row) => [row.subject, row.field, row.oldValue, row.newValue, row.reason, row.actor?.id])).toEqual([['JOB', 'status', 'IN_PROGRESS', 'DELIVERED', 'Shooting fertig', cast.staff.id]]);
  });

  it('bulk changes are all or nothing', async () => {
    const job = await cast.make.job(cast.customer);
    const [first] = await images(job.id, 1);
    const response = await server.gql(SET_STATES, { ids: [first, '6f1c7a4e-0000-4000-8000-00000000abcd'], state: 'EXTRA_FREE' }, cast.staffToken);
    expect(errorCode(response)).toBe('NOT_FOUND');
    expect((await em().findOneOrFail(Image, { id: first! })).selectionState).toBe(SelectionState.NONE);
    expect(await trail({ imageId: first })).toEqual([]);
  });

  it('customers get FORBIDDEN on every staff mutation and on the trail', async () => {
    const job = await cast.make.job(cast.customer);
    const [image] = await images(job.id, 1);
    for (const [query, variables] of [
      [SET_INCLUDED, { id: job.id, n: 99 }],
      [SET_ALL, { id: job.id, value: true }],
      [SET_STATE, { id: image, state: 'EXTRA_FREE' }],
      [SET_STATES, { ids: [image], state: 'EXTRA_FREE' }],
      ['{ auditEntries { totalCount } }', {}],
      ['query($id: ID!) { job(id: $id) { auditTrail { totalCount } } }', { id: job.id }],
    ] as const) {
      expect(errorCode(await server.gql(query, variables, cast.customerToken)), query).toBe('FORBIDDEN');
    }
    const stored = await em().findOneOrFail(Job, { id: job.id });
    expect([stored.includedImages, stored.allImagesIncluded]).toEqual([job.includedImages, false]);
  });

  it('refuses lowering the package below the images already included, writing nothing', async () => {
    const job = await cast.make.job(cast.customer, { includedImages: 5 });
    const ids = await images(job.id, 3);
    for (const id of ids) await server.gql('mutation($id: ID!) { selectImage(imageId: $id) { id } }', { id }, cast.customerToken);
    const before = (await trail({ jobId: job.id })).length;
    const response = await server.gql(SET_INCLUDED, { id: job.id, n: 2 }, cast.staffToken);
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BELOW_INCLUDED_COUNT', includedCount: 3 });
    expect((await em().findOneOrFail(Job, { id: job.id })).includedImages).toBe(5);
    expect((await trail({ jobId: job.id })).length).toBe(before);
    expect((await server.gql(SET_INCLUDED, { id: job.id, n: 3 }, cast.staffToken)).data!.setIncludedImages.includedImages).toBe(3);
  });

  it('answers a stale expectedVersion with CONFLICT and the current version', async () => {
    const job = await cast.make.job(cast.customer, { includedImages: 1 });
    await server.gql(SET_INCLUDED, { id: job.id, n: 2, v: job.version }, cast.staffToken);
    const stale = await server.gql(SET_ALL, { id: job.id, value: true, v: job.version }, cast.staffToken);
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: job.version + 1 });
    expect((await em().findOneOrFail(Job, { id: job.id })).allImagesIncluded).toBe(false);
  });
});

describe('the change and its audit row are one transaction', () => {
  it('rolls the change back when the audit row cannot be written (injected failure)', async () => {
    const job = await cast.make.job(cast.customer, { includedImages: 4 });
    const [image] = await images(job.id, 1);
    // A failure in the audit insert itself, from inside the database.
    await sql(`CREATE FUNCTION fail_marked_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.reason = 'inject-failure' THEN RAISE EXCEPTION 'injected audit failure'; END IF; RETURN NEW; END $$`);
    await sql('CREATE TRIGGER fail_marked_audit BEFORE INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION fail_marked_audit()');
    try {
      const included = await server.gql(SET_INCLUDED, { id: job.id, n: 9, reason: 'inject-failure' }, cast.staffToken);
      expect(errorCode(included)).toBe('INTERNAL_SERVER_ERROR');
      expect(included.errors![0]!.message).toBe('Internal server error.');
      expect(JSON.stringify(included)).not.toMatch(/injected|audit_entries|plpgsql/);
      // Masked for the caller, but logged in full for the operator.
      expect(server.logs.some((line) => line.msg === 'unexpected error in a resolver' && JSON.stringify(line.err).includes('injected audit failure'))).toBe(true);
      const state = await server.gql(SET_STATE, { id: image, state: 'EXTRA_FREE', reason: 'inject-failure' }, cast.staffToken);
      expect(errorCode(state)).toBe('INTERNAL_SERVER_ERROR');
      const status = await server.gql(UPDATE_JOB, { id: job.id, input: { status: 'ARCHIVED', title: 'Renamed', reason: 'inject-failure' } }, cast.staffToken);
      expect(errorCode(status)).toBe('INTERNAL_SERVER_ERROR');
      const stored = await em().findOneOrFail(Job, { id: job.id });
      expect([stored.includedImages, stored.version, stored.status, stored.title]).toEqual([4, job.version, job.status, job.title]);
      expect((await em().findOneOrFail(Image, { id: image! })).selectionState).toBe(SelectionState.NONE);
      expect(await trail({ jobId: job.id })).toEqual([]);
    } finally {
      await sql('DROP TRIGGER fail_marked_audit ON audit_entries');
      await sql('DROP FUNCTION fail_marked_audit()');
    }
  });
});

describe('the audit table is append-only in the database', () => {
  it('refuses UPDATE, DELETE and TRUNCATE, even as the table owner', async () => {
    const job = await cast.make.job(cast.customer, { includedImages: 1 });
    await server.gql(SET_INCLUDED, { id: job.id, n: 2 }, cast.staffToken);
    await expect(sql("UPDATE audit_entries SET new_value = '999' WHERE job_id = ?", [job.id])).rejects.toThrow(/append-only/);
    await expect(sql('DELETE FROM audit_entries WHERE job_id = ?', [job.id])).rejects.toThrow(/append-only/);
    await expect(sql('TRUNCATE audit_entries')).rejects.toThrow(/append-only/);
    expect((await trail({ jobId: job.id }))[0]!.newValue).toBe('2');
  });

  it('rows outlive the deactivation of their actor and the removal of their image', async () => {
    const job = await cast.make.job(cast.customer);
    const [image] = await images(job.id, 1);
    const actor = await cast.make.user('STAFF' as never);
    const { signIn } = await import('./support/factories.js');
    await server.gql(SET_STATE, { id: image, state: 'EXTRA_PAID' }, await signIn(server, actor.email));
    await server.gql('mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id: actor.id }, cast.adminToken);
    await em().nativeUpdate(User, { id: actor.id }, { name: 'Renamed Later' });
    await sql('DELETE FROM images WHERE id = ?', [image]);
    const response = await server.gql('query($id: ID!) { auditEntries(filter: { imageId: $id }) { totalCount nodes { actorName actor { active } image { id } job { id } newValue } } }', { id: image }, cast.staffToken);
    expect(response.data!.auditEntries).toEqual({ totalCount: 1, nodes: [{ actorName: actor.name, actor: { active: false }, image: null, job: { id: job.id }, newValue: 'EXTRA_PAID' }] });
  });
});

describe('querying the trail', () => {
  it('filters, pages newest first with a total, and is reachable from jobs and images', async () => {
    const job = await cast.make.job(cast.customer, { includedImages: 0 });
    for (let n = 1; n <= 5; n++) await server.gql(SET_INCLUDED, { id: job.id, n }, cast.staffToken);
    const query = 'query($id: ID!, $after: String) { auditEntries(filter: { jobId: $id, field: "includedImages" }, first: 2, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { newValue } } }';
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await server.gql(query, { id: job.id, after }, cast.staffToken)).data!.auditEntries;
      expect(page.totalCount).toBe(5);
      seen.push(...page.nodes.map((node: any) => node.newValue));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(['5', '4', '3', '2', '1']);
    const viaJob = await server.gql('query($id: ID!) { job(id: $id) { auditTrail(first: 1) { totalCount nodes { newValue } } } }', { id: job.id }, cast.staffToken);
    expect(viaJob.data!.job.auditTrail).toEqual({ totalCount: 5, nodes: [{ newValue: '5' }] });
    const byActor = await server.gql('query($a: ID!) { auditEntries(filter: { actorId: $a }) { totalCount } }', { a: cast.staff.id }, cast.staffToken);
    expect(byActor.data!.auditEntries.totalCount).toBeGreaterThanOrEqual(5);
    const future = await server.gql('query($id: ID!) { auditEntries(filter: { jobId: $id, from: "2999-01-01T00:00:00.000Z" }) { totalCount } }', { id: job.id }, cast.staffToken);
    expect(future.data!.auditEntries.totalCount).toBe(0);
  });
});

describe('concurrency', () => {
  it('twenty parallel changes to one job over separate connections leave a trail that replays to the final state', async () => {
    const job = await cast.make.job(cast.customer, { includedImages: 3 });
    const ids = await images(job.id, 6);
    const staffChanges = Array.from({ length: 12 }, (_, index) =>
      index % 3 === 0
        ? server.gql(SET_ALL, { id: job.id, value: index % 2 === 0 }, cast.staffToken)
        : index % 3 === 1
          ? server.gql(SET_INCLUDED, { id: job.id, n: 3 + index }, cast.staffToken)
          : server.gql(SET_STATE, { id: ids[index % ids.length], state: index % 2 ? 'EXTRA_FREE' : 'BLOCKED' }, cast.staffToken),
    );
    const customerChanges = ids.slice(0, 4).flatMap((id) => [
      server.gql('mutation($id: ID!) { selectImage(imageId: $id) { id } }', { id }, cast.customerToken),
      server.gql('mutation($id: ID!) { deselectImage(imageId: $id) { id } }', { id }, cast.customerToken),
    ]);
    const results = await Promise.all([...staffChanges, ...customerChanges]);
    expect(results).toHaveLength(20);

    // Replay the trail from the initial state; it must end where the database ended.
    const state: Record<string, string> = { includedImages: '3', allImagesIncluded: 'false', ...Object.fromEntries(ids.map((id) => [id, 'NONE'])) };
    for (const row of await trail({ jobId: job.id })) {
      const key = row.imageId ?? row.field;
      expect(row.oldValue, `${key} at ${row.sequence}`).toBe(state[key]);
      state[key] = row.newValue!;
    }
    const finalJob = await em().findOneOrFail(Job, { id: job.id });
    expect(state.includedImages).toBe(String(finalJob.includedImages));
    expect(state.allImagesIncluded).toBe(String(finalJob.allImagesIncluded));
    for (const image of await em().find(Image, { id: { $in: ids } })) expect(state[image.id]).toBe(image.selectionState);
  });
});
