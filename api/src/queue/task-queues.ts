import type { EntityManager } from '@mikro-orm/postgresql';
import { fromKysely, PgBoss, type Db, type JobWithMetadata, type KyselyTransactionLike, type Queue } from 'pg-boss';
import type { Logger } from '../logger.js';

const PGBOSS_SCHEMA = 'pgboss';
/** Backoff doubles from retryDelaySeconds; this caps a single wait. */
const MAX_RETRY_DELAY_SECONDS = 300;

/** How a queue retries: its tries, the wait between them, and when a silent or slow try counts as dead. */
export interface QueueSettings {
  maxAttempts: number;
  retryDelaySeconds: number;
  heartbeatSeconds: number;
  timeoutSeconds: number;
}

export interface QueueDefinition<Message> {
  name: string;
  /** Where pg-boss moves a message whose tries are used up without the task being settled (dead workers). */
  givenUpName: string;
  settings: QueueSettings;
  /** The message's id: its task's id, so the two can always be matched. */
  idOf(message: Message): string;
  /**
   * How often an idle worker looks for messages (pg-boss's minimum is 0.5 s). A worker that just
   * finished one waits out the rest of this interval before fetching the next, unless the backlog
   * pg-boss last counted is larger than one: then it fetches at once.
   */
  pollingIntervalSeconds: number;
}

export type QueuedTask<Message> = JobWithMetadata<Message>;

/**
 * pg-boss on the application's PostgreSQL, in its own schema: one instance per process for all
 * background tasks (enhancements, renders). Messages are written on the caller's transaction
 * connection, so a task and its message commit or roll back together; pg-boss heartbeats fail and
 * retry the message of a worker that died, and after the last try hand it to the given-up queue.
 */
export class TaskQueues {
  private readonly boss: PgBoss;
  private readonly queues: TaskQueue<unknown>[] = [];
  private started = false;

  constructor(databaseUrl: string, settings: { monitorIntervalSeconds: number }, private readonly logger: Logger) {
    this.boss = new PgBoss({
      connectionString: databaseUrl,
      schema: PGBOSS_SCHEMA,
      application_name: 'pixgate-tasks',
      max: 4,
      // No cron schedules here; the supervisor (expiry, heartbeats, retention) runs in every process.
      schedule: false,
      superviseIntervalSeconds: settings.monitorIntervalSeconds,
      monitorIntervalSeconds: settings.monitorIntervalSeconds,
    });
    this.boss.on('error', (error) => this.logger.error({ err: error }, 'task queue error'));
    this.boss.on('warning', (warning) => this.logger.warn({ queueWarning: warning.message }, 'task queue warning'));
  }

  /** A queue of this process; created or brought in line with its settings by `start`. */
  define<Message>(definition: QueueDefinition<Message>): TaskQueue<Message> {
    if (this.started) throw new Error(`queue ${definition.name} defined after the task queues started`);
    const queue = new TaskQueue<Message>(this.boss, definition);
    this.queues.push(queue as TaskQueue<unknown>);
    return queue;
  }

  /** Installs or migrates pg-boss's schema and (re)applies every queue's settings from configuration. */
  async start(): Promise<void> {
    await this.boss.start();
    this.started = true;
    for (const queue of this.queues) await queue.ensure();
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, timeout: 10_000 });
  }
}

export class TaskQueue<Message> {
  private working = false;

  constructor(
    private readonly boss: PgBoss,
    readonly definition: QueueDefinition<Message>,
  ) {}

  async ensure(): Promise<void> {
    const { name, givenUpName, settings } = this.definition;
    await ensureQueue(this.boss, givenUpName, { retryLimit: 5, retryDelay: 10, retryBackoff: true });
    await ensureQueue(this.boss, name, {
      retryLimit: settings.maxAttempts - 1,
      retryDelay: settings.retryDelaySeconds,
      retryBackoff: true,
      retryDelayMax: Math.max(settings.retryDelaySeconds, MAX_RETRY_DELAY_SECONDS),
      heartbeatSeconds: settings.heartbeatSeconds,
      expireInSeconds: settings.timeoutSeconds,
      deadLetter: givenUpName,
    });
  }

  /** One message per task, on `em`'s open transaction: they exist only if that transaction commits. `startAfter` holds them back until then. */
  async enqueue(em: EntityManager, messages: Message[], options: { startAfter?: Date } = {}): Promise<void> {
    if (messages.length === 0) return;
    const { name, idOf } = this.definition;
    const inserted = await this.boss.insert(name, messages.map((data) => ({ id: idOf(data), data: data as object, startAfter: options.startAfter })), { db: transactionDb(em), returnId: true });
    if (inserted?.length !== messages.length) throw new Error(`enqueued ${inserted?.length ?? 0} of ${messages.length} ${name} messages`);
  }

  /** Cancels a task's message that no worker has settled yet, on `em`'s open transaction. */
  async cancel(em: EntityManager, id: string): Promise<void> {
    await this.boss.cancel(this.definition.name, id, { db: transactionDb(em) });
  }

  /** Runs `handler` for each message, `concurrency` at a time. A handler that throws has its message retried. */
  async work(concurrency: number, handler: (task: QueuedTask<Message>) => Promise<void>): Promise<void> {
    this.working = true;
    const options = {
      localConcurrency: concurrency,
      batchSize: 1,
      includeMetadata: true,
      pollingIntervalSeconds: this.definition.pollingIntervalSeconds,
      burstWhenReadyExceeds: 1,
    } as const;
    await this.boss.work<Message & object, void, typeof options>(this.definition.name, options, async ([task]) => {
      await handler(task! as QueuedTask<Message>);
    });
  }

  /** Messages whose tries were used up without their task being settled. */
  async workGivenUp(handler: (message: Message) => Promise<void>): Promise<void> {
    this.working = true;
    await this.boss.work<Message & object>(this.definition.givenUpName, { batchSize: 1, pollingIntervalSeconds: 5 }, async ([task]) => {
      await handler(task!.data as Message);
    });
  }

  /** Stops fetching; waits for the handlers still running. */
  async stopWorking(): Promise<void> {
    if (!this.working) return;
    this.working = false;
    await this.boss.offWork(this.definition.name, { wait: true });
    await this.boss.offWork(this.definition.givenUpName, { wait: true });
  }
}

async function ensureQueue(boss: PgBoss, name: string, options: Omit<Queue, 'name' | 'policy' | 'partition'>): Promise<void> {
  // createQueue keeps an existing queue's settings; updateQueue brings them in line with configuration.
  await boss.createQueue(name, options);
  await boss.updateQueue(name, options);
}

/** The MikroORM transaction's own connection, as pg-boss's database interface. */
function transactionDb(em: EntityManager): Db {
  const transaction = em.getTransactionContext<KyselyTransactionLike>();
  if (!transaction) throw new Error('queue messages are written inside the transaction that creates or ends their task');
  return fromKysely(transaction);
}
