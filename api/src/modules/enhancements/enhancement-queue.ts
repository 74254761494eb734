import type { EntityManager } from '@mikro-orm/postgresql';
import { fromKysely, PgBoss, type Db, type JobWithMetadata, type KyselyTransactionLike, type Queue } from 'pg-boss';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';

/** What a queue message carries: only the task's id; the task row holds everything else. */
export interface EnhancementMessage {
  enhancementId: string;
}
export type EnhancementJob = JobWithMetadata<EnhancementMessage>;

export const ENHANCEMENT_QUEUE = 'enhancements';
/** Where pg-boss moves a message whose tries are used up without the task being settled (dead workers). */
export const GIVEN_UP_QUEUE = 'enhancements-given-up';
const PGBOSS_SCHEMA = 'pgboss';
/** Backoff doubles from retryDelaySeconds; this caps a single wait. */
const MAX_RETRY_DELAY_SECONDS = 300;

/**
 * pg-boss on the application's PostgreSQL, in its own schema. A message's id is its task's id, so
 * the two can always be matched. Messages are written on the caller's transaction connection, so a
 * task and its message commit or roll back together; pg-boss heartbeats fail and retry the message
 * of a worker that died, and after the last try hand it to GIVEN_UP_QUEUE.
 */
export class EnhancementQueue {
  private readonly boss: PgBoss;
  private started = false;

  constructor(
    databaseUrl: string,
    private readonly settings: Config['enhancements'],
    private readonly logger: Logger,
  ) {
    this.boss = new PgBoss({
      connectionString: databaseUrl,
      schema: PGBOSS_SCHEMA,
      application_name: 'pixgate-enhancements',
      max: 4,
      // No cron schedules here; the supervisor (expiry, heartbeats, retention) runs in every process.
      schedule: false,
      superviseIntervalSeconds: settings.monitorIntervalSeconds,
      monitorIntervalSeconds: settings.monitorIntervalSeconds,
    });
    this.boss.on('error', (error) => this.logger.error({ err: error }, 'enhancement queue error'));
    this.boss.on('warning', (warning) => this.logger.warn({ queueWarning: warning.message }, 'enhancement queue warning'));
  }

  /** Installs or migrates pg-boss's schema and (re)applies the queue settings from configuration. */
  async start(): Promise<void> {
    await this.boss.start();
    this.started = true;
    const { maxAttempts, retryDelaySeconds, heartbeatSeconds, timeoutSeconds } = this.settings;
    await this.ensureQueue(GIVEN_UP_QUEUE, { retryLimit: 5, retryDelay: 10, retryBackoff: true });
    await this.ensureQueue(ENHANCEMENT_QUEUE, {
      retryLimit: maxAttempts - 1,
      retryDelay: retryDelaySeconds,
      retryBackoff: true,
      retryDelayMax: Math.max(retryDelaySeconds, MAX_RETRY_DELAY_SECONDS),
      heartbeatSeconds,
      expireInSeconds: timeoutSeconds,
      deadLetter: GIVEN_UP_QUEUE,
    });
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, timeout: 10_000 });
  }

  /** One message per task, on `em`'s open transaction: they exist only if that transaction commits. */
  async enqueue(em: EntityManager, enhancementIds: string[]): Promise<void> {
    const inserted = await this.boss.insert(
      ENHANCEMENT_QUEUE,
      enhancementIds.map((id) => ({ id, data: { enhancementId: id } satisfies EnhancementMessage })),
      { db: transactionDb(em), returnId: true },
    );
    if (inserted?.length !== enhancementIds.length) throw new Error(`enqueued ${inserted?.length ?? 0} of ${enhancementIds.length} enhancement messages`);
  }

  /** Cancels a task's message that no worker has settled yet, on `em`'s open transaction. */
  async cancel(em: EntityManager, enhancementId: string): Promise<void> {
    await this.boss.cancel(ENHANCEMENT_QUEUE, enhancementId, { db: transactionDb(em) });
  }

  /** Runs `handler` for each message, `concurrency` at a time. A handler that throws has its message retried. */
  async work(concurrency: number, handler: (job: EnhancementJob) => Promise<void>): Promise<void> {
    const options = { localConcurrency: concurrency, batchSize: 1, includeMetadata: true, pollingIntervalSeconds: 1 } as const;
    await this.boss.work<EnhancementMessage, void, typeof options>(ENHANCEMENT_QUEUE, options, async ([job]) => {
      await handler(job!);
    });
  }

  async workGivenUp(handler: (message: EnhancementMessage) => Promise<void>): Promise<void> {
    await this.boss.work<EnhancementMessage>(GIVEN_UP_QUEUE, { batchSize: 1, pollingIntervalSeconds: 5 }, async ([job]) => {
      await handler(job!.data);
    });
  }

  /** Stops fetching; waits for the handlers still running. */
  async stopWorking(): Promise<void> {
    if (!this.started) return;
    await this.boss.offWork(ENHANCEMENT_QUEUE, { wait: true });
    await this.boss.offWork(GIVEN_UP_QUEUE, { wait: true });
  }

  private async ensureQueue(name: string, options: Omit<Queue, 'name' | 'policy' | 'partition'>): Promise<void> {
    // createQueue keeps an existing queue's settings; updateQueue brings them in line with configuration.
    await this.boss.createQueue(name, options);
    await this.boss.updateQueue(name, options);
  }
}

/** The MikroORM transaction's own connection, as pg-boss's database interface. */
function transactionDb(em: EntityManager): Db {
  const transaction = em.getTransactionContext<KyselyTransactionLike>();
  if (!transaction) throw new Error('enhancement queue messages are written inside the transaction that creates or ends their task');
  return fromKysely(transaction);
}
