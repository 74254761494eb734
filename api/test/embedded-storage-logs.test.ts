import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startInfrastructure } from '../src/infrastructure.js';
import { createLogger } from '../src/logger.js';

describe('start-up logs of the embedded storage', () => {
  it('never name where the embedded S3 server listens, at any level', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'pixgate-infra-logs-'));
    const lines: string[] = [];
    const logger = createLogger('trace', { write: (line: string) => void lines.push(line) });
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, DATABASE_URL: inject('database').serverUrl, S3_BUCKET: 'pixgate-logs' });
    const infrastructure = await startInfrastructure(config, logger);
    try {
      expect(infrastructure.embedded.storage).toBe(true);
      const { host } = new URL(infrastructure.storage.endpoint);
      expect(lines.some((line) => line.includes('embedded S3'))).toBe(true);
      for (const line of lines) expect(line).not.toContain(host);
    } finally {
      await infrastructure.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
