import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startApiServer, type ApiServer } from './api-server.ts';
import { CHROMIUM } from './browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: ApiServer | undefined;

export async function setup(project: TestProject) {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24) throw new Error(`the e2e tests run the API, which needs Node 24 (this is ${process.version}): run them with npm run test:e2e`);
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (Debian's build; nothing is downloaded)`);
  if (!existsSync(new URL('../../admin/dist/index.html', import.meta.url))) throw new Error('the back office is not built: npm run build:admin');
  if (!existsSync(new URL('../../client/dist/index.html', import.meta.url))) throw new Error('the customer client is not built: npm run build:client');
  // E2E_BASE_URL: a server you already run (demo data, loose sign-in limits), for quick iterations.
  if (process.env.E2E_BASE_URL) return project.provide('baseUrl', process.env.E2E_BASE_URL);
  server = await startApiServer();
  project.provide('baseUrl', server.url);
}

export async function teardown() {
  await server?.stop();
}
