import type { Request, Response } from 'express';
import type { Services } from '../services.js';

export function healthRoutes(services: Services) {
  return {
    /** The process is up and serving. */
    live: (_req: Request, res: Response) => {
      res.json({ status: 'ok' });
    },
    /** The database and the object storage answer; a load balancer sends traffic only then. */
    ready: async (_req: Request, res: Response) => {
      const checks = await Promise.all([
        probe(() => services.orm.em.getConnection().execute('SELECT 1')),
        probe(() => services.storage.ping()),
      ]);
      const [database, storage] = checks;
      const ok = checks.every((check) => check === 'ok');
      if (!ok) services.logger.warn({ database, storage }, 'not ready');
      res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', checks: { database, storage } });
    },
  };
}

async function probe(check: () => Promise<unknown>): Promise<'ok' | 'failing'> {
  try {
    await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000).unref())]);
    return 'ok';
  } catch {
    return 'failing';
  }
}
