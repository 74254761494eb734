import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Image } from '../src/modules/images/image.entity.js';
import { MailOutboxMessage } from '../src/modules/mail/mail-outbox-message.entity.js';
import { DigestKind } from '../src/modules/notifications/notification-digest.entity.js';
import { User } from '../src/modules/users/user.entity.js';
import { SelectionState } from '../src/shared/domain/image-enums.js';
import { JobStatus } from '../src/shared/domain/job-status.js';
import { Language } from '../src/shared/domain/language.js';
import { UserRole } from '../src/shared/domain/user-role.js';
import { signIn, standardCast } from './support/factories.js';
import { insertReadyImageRows } from './support/ready-image-rows.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/**
 * Issue 15, item 8: mails through the outbox — customers when a job is delivered and when their
 * requests are decided, staff when extras are asked for (once per job per 15 minutes, 5 minutes after
 * the last request) — each switchable, in the user's language, with links that carry no credentials.
 * Digests are run with a `now` of the test's choosing instead of waiting minutes.
 */
let server: TestServer;
let cast: Awaited<ReturnType<typeof standardCast>>;
const em = () => server.services.orm.em.fork();
const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);

beforeAll(async () => {
  server = await startTestServer();
  cast = await standardCast(server);
});
afterAll(() => server?.close());

const mailsTo = (email: string) => em().find(MailOutboxMessage, { to: email }, { orderBy: { createdAt: 'asc' } });

/** The mails to `email` once `count` have arrived through the mail queue (polled); fails after 20 s. */
async function awaitMails(email: string, count: number): Promise<MailOutboxMessage[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const mails = await mailsTo(email);
    if (mails.length >= count) return mails;
    if (Date.now() > deadline) throw new Error(`${mails.length} of ${count} mails to ${email} after 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Lets the queues settle, then the mails `email` got: for asserting that none came. */
async function mailsAfterQuiet(email: string): Promise<MailOutboxMessage[]> {
  await new Promise((resolve) => setTimeout(resolve, 4_000));
  return mailsTo(email);
}

/** No sign-in token, code, session or signed URL in a mail: links name a page, nothing more. */
function expectNoCredentials(mail: MailOutboxMessage) {
  for (const url of mail.text.match(/https?:\/\/\S+/g) ?? []) {
    expect(url).not.toMatch(/[?#]|token|media|download|session|code/i);
  }
  expect(mail.text).not.toMatch(/\b\d{6}\b|eyJ[A-Za-z0-9_-]{10,}/);
}

async function customerUser(settings: Partial<Pick<User, 'language' | 'notifyJobDelivered' | 'notifyExtraDecided'>> = {}) {
  const user = await cast.make.user(UserRole.CUSTOMER, cast.customer);
  if (Object.keys(settings).length > 0) await em().nativeUpdate(User, { id: user.id }, settings);
  return user;
}

async function jobWithImages(count: number, includedImages = 1) {
  const job = await cast.make.job(cast.customer, { includedImages });
  await insertReadyImageRows(em(), { customerId: cast.customer.id, jobId: job.id, count });
  await em().nativeUpdate(Image, { job: job.id }, { selectionState: SelectionState.NONE });
  const ids = (await em().find(Image, { job: job.id }, { orderBy: { filename: 'asc' } })).map((image) => image.id);
  return { job, ids };
}

const SELECT = 'mutation($id: ID!, $note: String) { selectImage(imageId: $id, extraNote: $note) { selectionState } }';
const DECIDE = 'mutation($id: ID!, $decision: ExtraDecision!, $note: String) { decideExtraRequest(id: $id, decision: $decision, note: $note) { id } }';
const REQUESTS = 'query($id: ID!) { job(id: $id) { extraRequests { id image { id } } } }';

describe('a delivered job', () => {
  it('is mailed to the customer’s users who want it, in their language, with a plain link — and to nobody else', async () => {
    const english = await customerUser({ language: Language.EN });
    const german = await customerUser();
    const silent = await customerUser({ notifyJobDelivered: false });
    const job = await cast.make.job(cast.customer, { status: JobStatus.IN_PROGRESS, title: 'Altbau Lindenstraße' });
    const delivered = await server.gql('mutation($id: ID!) { updateJob(id: $id, input: { status: DELIVERED, reason: "fertig" }) { status } }', { id: job.id }, cast.staffToken);
    expect(delivered.data!.updateJob.status).toBe('DELIVERED');

    const [mail] = await awaitMails(english.email, 1);
    expect(mail!.subject).toContain('your photos of “Altbau Lindenstraße” are ready');
    expect(mail!.text).toContain(`/jobs/${job.id}`);
    expectNoCredentials(mail!);
    const [german0] = await awaitMails(german.email, 1);
    expect(german0!.subject).toContain('Ihre Bilder zu „Altbau Lindenstraße“ sind da');
    expect(await mailsAfterQuiet(silent.email)).toEqual([]);
    expect(await mailsTo(cast.otherCustomerUser.email)).toEqual([]);
    expect(await mailsTo(cast.staff.email)).toEqual([]);
  });
});

describe('requests for extras, to staff', () => {
  it('wait five minutes after the last request, gather the job’s requests into one mail, and keep 15 minutes between mails', async () => {
    const quietStaff = await cast.make.user(UserRole.STAFF);
    await em().nativeUpdate(User, { id: quietStaff.id }, { notifyExtrasRequested: false });
    const { job, ids } = await jobWithImages(5);
    await server.gql(SELECT, { id: ids[0] }, cast.customerToken);
    for (const id of ids.slice(1, 4)) expect((await server.gql(SELECT, { id, note: 'bitte' }, cast.customerToken)).data!.selectImage.selectionState).toBe('EXTRA_PENDING');
    const before = (await mailsTo(cast.staff.email)).length;

    await server.services.notifications.runDigest(job.id, DigestKind.EXTRAS_REQUESTED, minutesFromNow(4));
    expect(await mailsAfterQuiet(cast.staff.email)).toHaveLength(before);

    await server.services.notifications.runDigest(job.id, DigestKind.EXTRAS_REQUESTED, minutesFromNow(6));
    const mails = await awaitMails(cast.staff.email, before + 1);
    const mail = mails.at(-1)!;
    expect(mail.subject).toContain('3 zusätzliche Bilder');
    expect(mail.text).toContain('/admin/extraRequests');
    expectNoCredentials(mail);
    // The same digest run again sends nothing more.
    await server.services.notifications.runDigest(job.id, DigestKind.EXTRAS_REQUESTED, minutesFromNow(7));

    // One more request right after: its mail waits for 15 minutes after the first one, and names only it.
    await server.gql(SELECT, { id: ids[4] }, cast.customerToken);
    await server.services.notifications.runDigest(job.id, DigestKind.EXTRAS_REQUESTED, minutesFromNow(12));
    expect(await mailsAfterQuiet(cast.staff.email)).toHaveLength(before + 1);
    await server.services.notifications.runDigest(job.id, DigestKind.EXTRAS_REQUESTED, minutesFromNow(22));
    const next = (await awaitMails(cast.staff.email, before + 2)).at(-1)!;
    expect(next.subject).toContain('ein zusätzliches Bild');
    expect(await mailsTo(quietStaff.email)).toEqual([]);
    // The customer who asked hears nothing of it (they had only the delivery of the first test).
    expect((await mailsTo(cast.customerUser.email)).filter((sent) => /zusätzlich|extra/i.test(sent.subject))).toEqual([]);
  }, 60_000);
});

describe('decisions, to the customer', () => {
  it('come as one mail listing each outcome with the studio’s note, to the users who want them', async () => {
    const english = await customerUser({ language: Language.EN });
    const silent = await customerUser({ notifyExtraDecided: false });
    const token = await signIn(server, english.email);
    const { job, ids } = await jobWithImages(3);
    await server.gql(SELECT, { id: ids[0] }, token);
    await server.gql(SELECT, { id: ids[1] }, token);
    await server.gql(SELECT, { id: ids[2] }, token);
    const requests = (await server.gql(REQUESTS, { id: job.id }, cast.staffToken)).data!.job.extraRequests as { id: string; image: { id: string } }[];
    const requestOf = (imageId: string) => requests.find((request) => request.image.id === imageId)!.id;
    await server.gql(DECIDE, { id: requestOf(ids[1]!), decision: 'PAID', note: 'Invoice follows' }, cast.staffToken);
    await server.gql(DECIDE, { id: requestOf(ids[2]!), decision: 'DECLINED', note: 'Not this one' }, cast.staffToken);
    const filenames = await em().find(Image, { id: { $in: ids.slice(1) } }, { orderBy: { filename: 'asc' } });

    await server.services.notifications.runDigest(job.id, DigestKind.EXTRAS_DECIDED, minutesFromNow(2));
    const [mail] = await awaitMails(english.email, 1);
    expect(mail!.subject).toContain('an answer to your request');
    expect(mail!.text).toContain(`${filenames[0]!.filename}: approved (paid) — „Invoice follows“`);
    expect(mail!.text).toContain(`${filenames[1]!.filename}: declined — „Not this one“`);
    expect(mail!.text).toContain(`/jobs/${job.id}`);
    expectNoCredentials(mail!);
    expect(await mailsAfterQuiet(silent.email)).toEqual([]);
    expect(await mailsTo(cast.otherCustomerUser.email)).toEqual([]);
  }, 60_000);
});

describe('a bulk decision', () => {
  it('notes the job’s digest once, however many requests it decides', async () => {
    const { job, ids } = await jobWithImages(6);
    await server.gql(SELECT, { id: ids[0] }, cast.customerToken);
    for (const id of ids.slice(1)) await server.gql(SELECT, { id }, cast.customerToken);
    const queued = async () => {
      const [row] = await em().getConnection().execute<{ count: number }[]>(
        "SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'notifications' AND data->>'jobId' = ? AND data->>'kind' = 'EXTRAS_DECIDED'",
        [job.id],
      );
      return row!.count;
    };
    expect(await queued()).toBe(0);
    const bulk = await server.gql('mutation($ids: [ID!]!) { setImagesSelectionState(imageIds: $ids, state: EXTRA_FREE, reason: "Kulanz") { id } }', { ids: ids.slice(1) }, cast.staffToken);
    expect(bulk.data!.setImagesSelectionState).toHaveLength(5);
    expect(await queued()).toBe(1);
  });
});
