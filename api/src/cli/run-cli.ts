import 'reflect-metadata';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { startInfrastructure, type Infrastructure } from '../infrastructure.js';
import { createLogger, type Logger } from '../logger.js';
import { assertSupportedNode } from '../runtime-guard.js';

/**
 * Runs a one-off command against the configured (or embedded) database and storage, then stops
 * whatever it started. Exit code 1 with a readable message on any failure.
 */
export async function runCli(
  task: (context: { config: Config; logger: Logger; infrastructure: Infrastructure }) => Promise<void>,
  needs: { storage: boolean } = { storage: true },
): Promise<void> {
  assertSupportedNode();
  let infrastructure: Infrastructure | undefined;
  try {
    const config = loadConfig();
    const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
    infrastructure = await startInfrastructure(config, logger, needs);
    await task({ config, logger, infrastructure });
  } catch (error) {
    console.error(error instanceof ConfigError || error instanceof CliError ? error.message : error);
    process.exitCode = 1;
  } finally {
    await infrastructure?.stop();
  }
}

export class CliError extends Error {}
