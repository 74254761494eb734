import { parseArgs } from 'node:util';
import { migrate, openOrm } from '../db/orm.js';
import { MIN_PASSWORD_LENGTH } from '../modules/auth/passwords.js';
import { ensureAdmin } from '../modules/users/bootstrap-admin.js';
import { normaliseEmail } from '../modules/users/user.service.js';
import { CliError, runCli } from './run-cli.js';

/** `npm run create-admin -- --email a@b.example --password '…' [--name 'Ada']` (or ADMIN_EMAIL / ADMIN_PASSWORD). */
const { values } = parseArgs({ options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } } });

await runCli(
  async ({ infrastructure, logger }) => {
    const given = values.email ?? process.env.ADMIN_EMAIL;
    const email = given ? normaliseEmail(given) : undefined;
    const password = values.password ?? process.env.ADMIN_PASSWORD;
    if (!email || !password) throw new CliError('Give --email and --password (or ADMIN_EMAIL and ADMIN_PASSWORD).');
    if (password.length < MIN_PASSWORD_LENGTH) throw new CliError(`The password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
    const orm = await openOrm(infrastructure.databaseUrl, logger);
    try {
      await migrate(orm);
      const outcome = await ensureAdmin(orm.em.fork(), { email, password, name: values.name }, logger);
      console.log(outcome === 'created' ? `admin ${email} created` : `${email} exists and is an active admin (password unchanged)`);
    } finally {
      await orm.close();
    }
  },
  { storage: false },
);
