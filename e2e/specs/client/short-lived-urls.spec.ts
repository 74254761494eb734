import type { Response } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ClientGalleryPage, ClientSignInPage, clientText } from '../../pages/client-pages.ts';
import { accessTokenOf, gql } from '../../support/api-client.ts';
import { startApiServer, type ApiServer } from '../../support/api-server.ts';
import { openBrowser, type Browser } from '../../support/browser.ts';
import { createJobWithImages } from '../../support/image-job.ts';

/**
 * Image URLs that live 5 seconds (a server of its own: SIGNED_URL_TTL_SECONDS is the API's whole
 * configuration): after 10 seconds in the gallery every visible photo has loaded, the page asked
 * for fresh URLs in time, and no image request was refused. The server starts without demo data
 * (rendering it would take most of a minute); an admin makes what the test needs through the API.
 */
const ADMIN = { email: 'admin@short-lived.test', password: 'short-lived-urls-admin' };
const CUSTOMER = { email: 'customer@short-lived.test', password: 'short-lived-urls-customer' };
const text = clientText('en-US');
let server: ApiServer;
let browser: Browser;

beforeAll(async () => {
  server = await startApiServer({ demoData: false, env: { SIGNED_URL_TTL_SECONDS: '5', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
  browser = await openBrowser('en-US');
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

it('keeps every visible photo loaded past its URLs’ lifetime, without a single refused request', async () => {
  const { page } = browser;
  const admin = await accessTokenOf(server.url, ADMIN.email, ADMIN.password);
  const { createCustomer } = await gql<{ createCustomer: { id: string } }>(server.url, 'mutation { createCustomer(input: { name: "Short-lived Estates" }) { id } }', {}, admin);
  await gql(server.url, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input: { email: CUSTOMER.email, name: 'Sam Short', role: 'CUSTOMER', customerId: createCustomer.id, password: CUSTOMER.password } }, admin);
  const { jobId } = await createJobWithImages(server.url, admin, { customerName: 'Short-lived Estates', title: 'Five-second links', includedImages: 2, photos: ['Hall', 'Kitchen', 'Garden', 'Loft', 'Porch', 'Cellar'] });
  const refused: string[] = [];
  const mediaUrls = new Set<string>();
  page.on('response', (response: Response) => {
    if (response.status() === 403) refused.push(`${response.status()} ${new URL(response.url()).pathname.slice(0, 40)}`);
    if (response.url().includes('/media/')) mediaUrls.add(response.url());
  });
  const signIn = new ClientSignInPage(page, server.url, text);
  await signIn.open(`/jobs/${jobId}`);
  await signIn.signInWithPassword(CUSTOMER.email, CUSTOMER.password);
  const gallery = new ClientGalleryPage(page, server.url, text);
  await gallery.summary.waitFor();
  const tiles = page.locator('figure.tile img');
  await expect.poll(() => tiles.count()).toBeGreaterThan(0);
  const shown = await tiles.count();

  await page.waitForTimeout(10_000);

  // Every photo on screen has its bytes (a refresh may have just swapped a URL: give it a moment).
  await expect
    .poll(() => tiles.evaluateAll((images: HTMLImageElement[]) => images.filter((image) => !(image.complete && image.naturalWidth > 0)).length), { timeout: 4_000 })
    .toBe(0);
  expect(await tiles.count()).toBe(shown);
  // The page asked for fresh URLs while it sat there: more distinct links were fetched than photos shown.
  expect(mediaUrls.size).toBeGreaterThan(shown);
  expect(refused).toEqual([]);
  expect(await browser.cspViolations()).toEqual([]);
}, 90_000);
