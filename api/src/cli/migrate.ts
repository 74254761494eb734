import { migrate, openOrm } from '../db/orm.js';
import { runCli } from './run-cli.js';

await runCli(
  async ({ infrastructure, logger }) => {
    const orm = await openOrm(infrastructure.databaseUrl, logger);
    try {
      const applied = await migrate(orm);
      console.log(applied.length > 0 ? `applied: ${applied.join(', ')}` : 'database is up to date');
    } finally {
      await orm.close();
    }
  },
  { storage: false },
);
