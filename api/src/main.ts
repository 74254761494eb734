import 'reflect-metadata';
import path from 'node:path';
import { assertSupportedNode } from './runtime-guard.js';
import { tuneGarbageCollection } from './runtime-tuning.js';
import { loadConfigOrExit } from './config.js';
import { startInfrastructure } from './infrastructure.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';

assertSupportedNode();

const config = loadConfigOrExit();
tuneGarbageCollection(config.gcMode);
const logger = createLogger(config.logLevel);
const infrastructure = await startInfrastructure(config, logger);
let server;
try {
  server = await startServer({ config, logger, ...infrastructure });
} catch (error) {
  logger.fatal({ err: error }, 'start-up failed');
  await infrastructure.stop();
  process.exit(1);
}

const lines = [
  '',
  '  pixgate is running',
  `  Customers   ${server.url}/`,
  `  Back office ${server.url}/admin`,
  `  GraphQL     ${server.url}/graphql`,
  `  Health      ${server.url}/readyz`,
  `  Database    ${infrastructure.embedded.database ? `embedded PostgreSQL (${path.resolve(config.dataDir, 'postgres')})` : 'DATABASE_URL'}`,
  `  Storage     ${infrastructure.embedded.storage ? 'embedded S3, proxied through the API' : 'S3_ENDPOINT, presigned URLs'}`,
];
if (server.demoLogins.length > 0) {
  lines.push('', '  Demo logins (email / password):');
  for (const login of server.demoLogins) lines.push(`    ${login.role.padEnd(9)} ${login.email.padEnd(28)} ${login.password}`);
}
lines.push('', '  Ctrl-C stops the API and the embedded services.', '');
process.stdout.write(`${lines.join('\n')}\n`);

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  await server.close().catch((error) => logger.error({ err: error }, 'closing the server failed'));
  await infrastructure.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
