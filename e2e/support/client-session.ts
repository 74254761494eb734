import type { Page } from 'playwright-core';
import { gql, latestSignInCode } from './api-client.ts';

/**
 * The sign-in code mailed after `request()` ran: the outbox may already hold an older code for the
 * same address (the API mails after answering), so wait for one that differs from what was there.
 */
export async function freshSignInCode(baseUrl: string, adminToken: string, email: string, request: () => Promise<void>): Promise<string> {
  const before = await codeInOutbox(baseUrl, adminToken, email);
  await request();
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const code = await latestSignInCode(baseUrl, adminToken, email);
    if (code !== before) return code;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no new sign-in code for ${email} within 15 s`);
}

/** The newest code the outbox holds for `email` right now (no waiting), or null. */
async function codeInOutbox(baseUrl: string, adminToken: string, email: string): Promise<string | null> {
  const data = await gql<{ mailOutbox: { nodes: { to: string; text: string }[] } }>(baseUrl, '{ mailOutbox(first: 20) { nodes { to text } } }', {}, adminToken);
  // Newest first; notification mails to the same address hold no code.
  return data.mailOutbox.nodes.filter((node) => node.to === email).map((node) => /\b(\d{6})\b/.exec(node.text)?.[1]).find(Boolean) ?? null;
}

/** Everything a page script can read where tokens could hide: storage, cookies, IndexedDB, caches. */
export async function scriptReadableState(page: Page) {
  return page.evaluate(async () => ({
    localStorage: JSON.stringify({ ...localStorage }),
    sessionStorage: JSON.stringify({ ...sessionStorage }),
    cookie: document.cookie,
    indexedDB: (await indexedDB.databases()).map((database) => database.name),
    caches: await caches.keys(),
  }));
}

/** The id of a job by its title, as staff see it. */
export async function jobIdByTitle(baseUrl: string, staffToken: string, title: string): Promise<string> {
  const { jobs } = await gql<{ jobs: { nodes: { id: string; title: string }[] } }>(baseUrl, 'query($search: String) { jobs(first: 20, filter: { search: $search }) { nodes { id title } } }', { search: title }, staffToken);
  const job = jobs.nodes.find((candidate) => candidate.title === title);
  if (!job) throw new Error(`no job titled ${title}`);
  return job.id;
}
