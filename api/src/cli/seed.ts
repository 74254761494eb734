import { seedDemoData } from '../db/seed.js';
import { openApplication } from '../server.js';
import { runCli } from './run-cli.js';

await runCli(async ({ config, logger, infrastructure }) => {
  const application = await openApplication({ config, logger, ...infrastructure });
  try {
    const logins = await seedDemoData(application.services);
    if (logins.length === 0) console.log('The database already has data that is not the demo data; nothing seeded.');
    for (const login of logins) console.log(`${login.role.padEnd(9)} ${login.email.padEnd(28)} ${login.password}`);
  } finally {
    await application.close();
  }
});
