import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { ClientGalleryPage, ClientSignInPage, clientText } from '../../pages/client-pages.ts';
import { accessTokenOf, gql } from '../../support/api-client.ts';
import { openBrowser, type Browser } from '../../support/browser.ts';
import { DEMO, DEMO_PASSWORD } from '../../support/demo.ts';
import { createJobWithImages } from '../../support/image-job.ts';

/**
 * An open gallery asks the API again whether the customer may still see it (every minute of the
 * tab's time, and when the tab is shown again): a job the studio took back gives way to the
 * forbidden page, a deactivated user's tab to the sign-in page. The tab's clock is the test's, so a
 * minute passes without the test waiting for it.
 */
const CUSTOMER = 'Still-allowed Estates';
const PASSWORD = 'still-allowed-customer';
const en = clientText('en-US');

let baseUrl: string;
let adminToken: string;
let customerId: string;
let browser: Browser | undefined;

beforeAll(async () => {
  baseUrl = inject('baseUrl');
  adminToken = await accessTokenOf(baseUrl, DEMO.admin, DEMO_PASSWORD);
  ({ createCustomer: { id: customerId } } = await gql<{ createCustomer: { id: string } }>(baseUrl, 'mutation($name: String!) { createCustomer(input: { name: $name }) { id } }', { name: CUSTOMER }, adminToken));
}, 60_000);

afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

/** A customer user of its own and a delivered job of two photos, the gallery open in a tab whose clock the test moves. */
async function openGallery(name: string) {
  const email = `${name}-${Date.now()}@still-allowed.test`;
  const { createUser } = await gql<{ createUser: { id: string } }>(baseUrl, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input: { email, name, role: 'CUSTOMER', customerId, password: PASSWORD } }, adminToken);
  const { jobId } = await createJobWithImages(baseUrl, adminToken, { customerName: CUSTOMER, title: `Open gallery of ${name}`, includedImages: 1, photos: ['Hall', 'Kitchen'] });
  browser = await openBrowser('en-US');
  await browser.context.clock.install();
  const { page } = browser;
  const signIn = new ClientSignInPage(page, baseUrl, en);
  await signIn.open(`/jobs/${jobId}`);
  // Chosen here, English stays (the new account's language is German).
  await signIn.chooseLanguage('en');
  await signIn.signInWithPassword(email, PASSWORD);
  await new ClientGalleryPage(page, baseUrl, en).summary.waitFor();
  await page.locator('figure.tile img').first().waitFor();
  return { page, jobId, userId: createUser.id };
}

/** Moves the tab's time on in steps of 5 s (each step fires the timers that fell due) until `shown` is visible; the tab time it took. */
async function tabTimeUntil(page: Browser['page'], shown: ReturnType<Browser['page']['getByRole']>): Promise<number> {
  const tabTime = () => page.evaluate(() => Date.now());
  const from = await tabTime();
  while (!(await shown.isVisible()) && (await tabTime()) - from < 90_000) {
    await page.clock.fastForward(5_000);
    await shown.waitFor({ timeout: 1_000 }).catch(() => undefined);
  }
  await shown.waitFor({ timeout: 1_000 });
  return (await tabTime()) - from;
}

describe('an open gallery', () => {
  it('gives way to the forbidden page within a minute once the studio takes the job back, and shows none of its photos', async () => {
    const { page, jobId } = await openGallery('taken-back');
    // Still there while allowed: a minute on, the photos are on screen.
    await page.clock.fastForward(61_000);
    expect(await page.locator('figure.tile').count()).toBeGreaterThan(0);

    await gql(baseUrl, 'mutation($id: ID!) { updateJob(id: $id, input: { status: IN_PROGRESS, reason: "Reshoot of the kitchen" }) { id } }', { id: jobId }, adminToken);
    const took = await tabTimeUntil(page, page.getByRole('heading', { name: en.app.forbidden.title }));
    expect(took).toBeLessThanOrEqual(65_000);
    expect(await page.locator('figure.tile').count()).toBe(0);
  });

  it('asks again as soon as the tab is shown again', async () => {
    const { page, jobId } = await openGallery('tab-back');
    await gql(baseUrl, 'mutation($id: ID!) { updateJob(id: $id, input: { status: IN_PROGRESS, reason: "Taken back while the tab was hidden" }) { id } }', { id: jobId }, adminToken);
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.getByRole('heading', { name: en.app.forbidden.title }).waitFor({ timeout: 10_000 });
    expect(await page.locator('figure.tile').count()).toBe(0);
  });

  it('signs the tab out within a minute once the user is deactivated', async () => {
    const { page, userId } = await openGallery('deactivated');
    await gql(baseUrl, 'mutation($id: ID!) { deactivateUser(id: $id, reason: "Left the agency") { id } }', { id: userId }, adminToken);
    const took = await tabTimeUntil(page, page.getByRole('heading', { name: en.signIn.title }));
    expect(took).toBeLessThanOrEqual(65_000);
    expect(await page.getByText(en.signIn.expired).isVisible()).toBe(true);
    expect(await page.locator('figure.tile').count()).toBe(0);
  });
});
