import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity.js';
import { ensureAdmin } from '../src/modules/users/bootstrap-admin.js';
import { User } from '../src/modules/users/user.entity.js';
import { UserRole } from '../src/shared/domain/user-role.js';
import { PASSWORD, signIn, standardCast } from './support/factories.js';
import { errorCode, startTestServer, type TestServer } from './support/test-server.js';

let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;
const em = () => server.services.orm.em.fork();
const sql = (query: string, params: unknown[] = []) => em().getConnection().execute(query, params);
/** What administrators did to the user, after the test factory created it (that creation is audited too). */
const rowsAbout = (userId: string) => em().find(AuditEntry, { userId, actorName: { $ne: 'test factory' } }, { orderBy: { sequence: 'asc' } });
const summary = (rows: AuditEntry[]) => rows.map((row) => [row.field, row.oldValue, row.newValue, row.reason]);

const CREATE = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';
const UPDATE = 'mutation($id: ID!, $input: UpdateUserInput!, $reason: String) { updateUser(id: $id, input: $input, reason: $reason) { id role } }';
const DEACTIVATE = 'mutation($id: ID!, $reason: String) { deactivateUser(id: $id, reason: $reason) { id active } }';
const REACTIVATE = 'mutation($id: ID!, $reason: String) { reactivateUser(id: $id, reason: $reason) { id active } }';
const RESET_TOTP = 'mutation($id: ID!, $reason: String) { resetUserTotp(id: $id, reason: $reason) { id totpEnabled } }';
const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';
const USER_TRAIL = 'query($id: ID!) { user(id: $id) { auditTrail(first: 10) { totalCount nodes { subject field oldValue newValue reason actorName user { id } customer { id } } } } }';
const TRAIL_BY_USER = 'query($userId: ID!) { auditEntries(filter: { userId: $userId }) { totalCount nodes { field } } }';

const customerUser = () => cast.make.user(UserRole.CUSTOMER, cast.customer);
/** A second factor in use; the seed is never read here, so any sealed-looking text does. */
const withTotp = (userId: string) => sql(`UPDATE users SET totp_secret = 'sealed-seed', totp_enabled_at = now() WHERE id = ?`, [userId]);

beforeAll(async () => {
  server = await startTestServer({}, 'proxied', { captureLogs: true });
  cast = await standardCast(server);
});
afterAll(() => server?.close());

describe('user administration writes audit rows (rule 6)', () => {
  it('deactivation and reactivation by staff: one row each with actor, reason and the customer; a repeat writes nothing', async () => {
    const user = await customerUser();
    expect((await server.gql(DEACTIVATE, { id: user.id, reason: 'Left the company' }, cast.staffToken)).data!.deactivateUser.active).toBe(false);
    expect((await server.gql(DEACTIVATE, { id: user.id, reason: 'Again' }, cast.staffToken)).data!.deactivateUser.active).toBe(false);
    expect((await server.gql(REACTIVATE, { id: user.id, reason: 'Back from leave' }, cast.staffToken)).data!.reactivateUser.active).toBe(true);
    const rows = await rowsAbout(user.id);
    expect(summary(rows)).toEqual([
      ['active', 'true', 'false', 'Left the company'],
      ['active', 'false', 'true', 'Back from leave'],
    ]);
    expect(rows.every((row) => row.subject === 'USER' && row.actorName === cast.staff.name && row.actorRole === UserRole.STAFF && row.customerId === cast.customer.id)).toBe(true);
    expect(rows.every((row) => typeof row.requestId === 'string')).toBe(true);
  });

  it('a role or customer change is audited with its reason; a change of name or password is not', async () => {
    const made = (await server.gql(CREATE, { input: { email: `promote-${Date.now()}@example.test`, name: 'To Promote', role: 'STAFF', password: PASSWORD } }, cast.adminToken)).data!.createUser;
    expect((await server.gql(UPDATE, { id: made.id, input: { name: 'Renamed', password: 'another-long-password' } }, cast.adminToken)).data!.updateUser.role).toBe('STAFF');
    expect((await server.gql(UPDATE, { id: made.id, input: { role: 'ADMIN' }, reason: 'Runs the studio now' }, cast.adminToken)).data!.updateUser.role).toBe('ADMIN');
    expect(summary(await rowsAbout(made.id))).toEqual([
      ['role', null, 'STAFF', null],
      ['role', 'STAFF', 'ADMIN', 'Runs the studio now'],
    ]);

    const moved = await customerUser();
    await server.gql(UPDATE, { id: moved.id, input: { customerId: cast.otherCustomer.id }, reason: 'Wrong customer' }, cast.staffToken);
    const rows = await rowsAbout(moved.id);
    expect(summary(rows)).toEqual([['customer', cast.customer.id, cast.otherCustomer.id, 'Wrong customer']]);
    // Shown in the trail of the customer the user was moved away from.
    expect(rows[0]!.customerId).toBe(cast.customer.id);
  });

  it('a TOTP reset writes ON → OFF with the reason; resetting a user without one writes nothing', async () => {
    const staff = await cast.make.user(UserRole.STAFF);
    await withTotp(staff.id);
    expect((await server.gql(RESET_TOTP, { id: staff.id, reason: 'Lost phone' }, cast.adminToken)).data!.resetUserTotp.totpEnabled).toBe(false);
    expect((await server.gql(RESET_TOTP, { id: staff.id }, cast.adminToken)).data!.resetUserTotp.totpEnabled).toBe(false);
    expect(summary(await rowsAbout(staff.id))).toEqual([['secondFactor', 'ON', 'OFF', 'Lost phone']]);
  });

  it('a command on the server (the first admin) is audited under its name, with no actor', async () => {
    const promoted = await customerUser();
    expect(await ensureAdmin(em(), { email: promoted.email, password: PASSWORD }, server.services.logger)).toBe('exists');
    const rows = await rowsAbout(promoted.id);
    expect(summary(rows)).toEqual([
      ['role', 'CUSTOMER', 'ADMIN', null],
      ['customer', cast.customer.id, null, null],
    ]);
    expect(rows.map((row) => [row.actor, row.actorName, row.actorRole])).toEqual([
      [null, 'create-admin', UserRole.ADMIN],
      [null, 'create-admin', UserRole.ADMIN],
    ]);
    // Run again (every start with ADMIN_EMAIL set): nothing changed, nothing written.
    await ensureAdmin(em(), { email: promoted.email, password: PASSWORD }, server.services.logger);
    expect(await rowsAbout(promoted.id)).toHaveLength(2);
  });

  it('staff read a user’s trail and filter by user; customers get FORBIDDEN', async () => {
    const user = await customerUser();
    await server.gql(DEACTIVATE, { id: user.id, reason: 'Checking' }, cast.staffToken);
    const trail = (await server.gql(USER_TRAIL, { id: user.id }, cast.staffToken)).data!.user.auditTrail;
    // Newest first: the deactivation, then the creation by the test factory.
    expect(trail.totalCount).toBe(2);
    expect(trail.nodes[1]).toMatchObject({ field: 'role', oldValue: null, newValue: 'CUSTOMER', actorName: 'test factory' });
    expect(trail.nodes[0]).toEqual({ subject: 'USER', field: 'active', oldValue: 'true', newValue: 'false', reason: 'Checking', actorName: cast.staff.name, user: { id: user.id }, customer: { id: cast.customer.id } });
    expect((await server.gql(TRAIL_BY_USER, { userId: user.id }, cast.adminToken)).data!.auditEntries.totalCount).toBe(2);
    expect(errorCode(await server.gql(TRAIL_BY_USER, { userId: user.id }, cast.customerToken))).toBe('FORBIDDEN');
    // A forged id matches nothing instead of failing.
    expect((await server.gql(TRAIL_BY_USER, { userId: 'not-a-uuid' }, cast.staffToken)).data!.auditEntries.totalCount).toBe(0);
  });

  it('a reason over 500 characters is BAD_USER_INPUT and changes nothing', async () => {
    const user = await customerUser();
    expect(errorCode(await server.gql(DEACTIVATE, { id: user.id, reason: 'x'.repeat(501) }, cast.staffToken))).toBe('BAD_USER_INPUT');
    expect((await em().findOneOrFail(User, { id: user.id })).active).toBe(true);
    expect(await rowsAbout(user.id)).toEqual([]);
  });
});

describe('the change and its audit row are one transaction', () => {
  it('when the row cannot be written, nobody is deactivated, promoted or stripped of their second factor', async () => {
    const user = await customerUser();
    const staff = await cast.make.user(UserRole.STAFF);
    await withTotp(staff.id);
    const token = await signIn(server, user.email);
    await sql(`CREATE FUNCTION fail_marked_user_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.reason = 'inject-failure' THEN RAISE EXCEPTION 'injected audit failure'; END IF; RETURN NEW; END $$`);
    await sql('CREATE TRIGGER fail_marked_user_audit BEFORE INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION fail_marked_user_audit()');
    try {
      expect(errorCode(await server.gql(DEACTIVATE, { id: user.id, reason: 'inject-failure' }, cast.staffToken))).toBe('INTERNAL_SERVER_ERROR');
      expect(errorCode(await server.gql(UPDATE, { id: staff.id, input: { role: 'ADMIN' }, reason: 'inject-failure' }, cast.adminToken))).toBe('INTERNAL_SERVER_ERROR');
      expect(errorCode(await server.gql(RESET_TOTP, { id: staff.id, reason: 'inject-failure' }, cast.adminToken))).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await sql('DROP TRIGGER fail_marked_user_audit ON audit_entries');
      await sql('DROP FUNCTION fail_marked_user_audit()');
    }
    const [storedUser, storedStaff] = await Promise.all([em().findOneOrFail(User, { id: user.id }), em().findOneOrFail(User, { id: staff.id })]);
    expect([storedUser.active, storedUser.deactivatedAt]).toEqual([true, null]);
    expect([storedStaff.role, storedStaff.totpEnabledAt]).toEqual([UserRole.STAFF, expect.any(Date)]);
    // Sessions were not ended either: the rolled-back deactivation left the user's token working.
    expect((await server.gql('{ me { id } }', {}, token)).data!.me.id).toBe(user.id);
    expect((await server.gql(LOGIN, { email: user.email, password: PASSWORD })).data!.login.accessToken).toEqual(expect.any(String));
    expect([...(await rowsAbout(user.id)), ...(await rowsAbout(staff.id))]).toEqual([]);
  });
});
