import { performance } from 'node:perf_hooks';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { DerivedImageService, PreparedDerivedImage } from '../images/derived-image.service.js';
import { Enhancement, EnhancementErrorCode } from './enhancement.entity.js';
import type { EnhancementLifecycle } from './enhancement-lifecycle.js';
import type { EnhancementJob, EnhancementMessage, EnhancementQueue } from './enhancement-queue.js';
import { MODEL_CATALOGUE } from '../../shared/domain/model-catalogue.js';
import type { ProviderRegistry } from './provider-registry.js';
import { RunningTask } from './running-task.js';
import { decideFailure } from './task-failures.js';

/** Thrown inside the result transaction to roll it back when a cancel or another try settled the task first. */
class SettledElsewhere extends Error {}

const GIVEN_UP_MESSAGE = 'The task was interrupted too often (its worker stopped responding) and was given up.';

/**
 * Runs enhancement tasks from the queue: in the API process by default and in `npm run worker`
 * processes. A try takes the task (conditional UPDATE), calls the provider with a signal that
 * aborts on cancel, shutdown or loss of the message, stores the result as a derived image and
 * settles the task in one transaction. Heavy local inference runs in the local provider's worker
 * thread, never on this event loop.
 */
export class EnhancementWorker {
  private readonly running = new Set<RunningTask>();
  private started = false;

  constructor(
    private readonly deps: {
      orm: MikroORM;
      queue: EnhancementQueue;
      providers: ProviderRegistry;
      lifecycle: EnhancementLifecycle;
      derivedImages: DerivedImageService;
      settings: Config['enhancements'];
      logger: Logger;
    },
  ) {}

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.deps.queue.work(this.deps.settings.concurrency, (job) => this.process(job));
    await this.deps.queue.workGivenUp((message) => this.giveUp(message));
    this.deps.logger.info({ concurrency: this.deps.settings.concurrency }, 'enhancement workers started');
  }

  /** Stops taking tasks and interrupts the running ones; the queue hands them to another worker. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    for (const task of this.running) task.stop('shutdown');
    await this.deps.queue.stopWorking();
  }

  private async process(job: EnhancementJob): Promise<void> {
    const { orm, lifecycle, settings } = this.deps;
    const taskId = job.data.enhancementId;
    const attempt = job.retryCount + 1;
    const em = orm.em.fork();
    const task = await lifecycle.start(em, taskId, attempt);
    if (!task) return; // canceled while queued, or settled by an earlier try
    const log = this.deps.logger.child({ taskId, requestId: task.requestId ?? undefined, attempt });
    if (task.cancelRequestedAt) {
      await this.settleCanceled(em, taskId, log);
      // Canceled while no try ran: the job an earlier try started would otherwise run (and bill) on.
      if (task.providerTaskId) await this.deps.providers.get(task.provider)?.cancelRemoteTask?.(task.providerTaskId, taskId);
      return;
    }
    log.info({ event: 'task.started', modelId: task.modelId, provider: task.provider }, 'enhancement started');

    const run = new RunningTask(orm.em.fork(), lifecycle, taskId, attempt, job.signal, log);
    this.running.add(run);
    run.begin(settings.progressIntervalSeconds);
    const startedAt = performance.now();
    let prepared: PreparedDerivedImage | undefined;
    try {
      const output = await this.callProvider(task, run, log);
      prepared = await this.deps.derivedImages.prepare(em, task.image, output.bytes, task.modelId);
      const resultId = await this.settleSucceeded(task, attempt, prepared);
      log.info({ event: 'result.stored', imageId: resultId, width: prepared.info.width, height: prepared.info.height, bytes: prepared.byteSize }, 'enhancement result stored');
      log.info({ event: 'task.finished', status: 'SUCCEEDED', durationMs: Math.round(performance.now() - startedAt) }, 'enhancement succeeded');
    } catch (error) {
      if (prepared) await this.deps.derivedImages.discard(prepared).catch((cleanup) => log.warn({ err: cleanup }, 'could not delete the files of a discarded result'));
      if (error instanceof SettledElsewhere) {
        if (await lifecycle.confirmCancel(em, taskId)) log.info({ event: 'task.canceled', discardedResult: true }, 'enhancement canceled');
        return;
      }
      await this.handleFailure(error, { job, run, em, log });
    } finally {
      this.running.delete(run);
      await run.end();
    }
  }

  private async callProvider(task: Enhancement, run: RunningTask, log: Logger) {
    const model = MODEL_CATALOGUE.find((candidate) => candidate.id === task.modelId);
    const provider = this.deps.providers.get(task.provider);
    if (!model || !provider) throw new Error(`model ${task.modelId} on provider ${task.provider} is not available in this process`);
    const source = task.image;
    const bytes = await this.deps.derivedImages.readOriginal(source);
    log.info({ event: 'provider.call.start', provider: provider.name, modelId: model.id }, 'provider call started');
    const callStartedAt = performance.now();
    const output = await provider.enhance({
      taskId: task.id,
      modelRef: model.modelRef,
      params: task.params,
      image: { bytes, contentType: source.contentType!, width: source.width!, height: source.height! },
      signal: run.signal,
      onProgress: (fraction) => (run.progress = fraction),
      remoteTaskId: task.providerTaskId ?? undefined,
      onRemoteTaskStarted: (remoteTaskId) => run.recordRemoteTask(remoteTaskId),
    });
    log.info({ event: 'provider.call.finished', provider: provider.name, durationMs: Math.round(performance.now() - callStartedAt), bytes: output.bytes.length }, 'provider call finished');
    // A result that arrives after a cancel is discarded, as is one whose try was taken over.
    if (run.stopped) throw new Error(`task ${run.stopped} during the provider call`);
    return output;
  }

  /** Image row and SUCCEEDED in one transaction; rolled back when a cancel or another try came first. */
  private async settleSucceeded(task: Enhancement, attempt: number, prepared: PreparedDerivedImage): Promise<string> {
    return this.deps.orm.em.fork().transactional(async (tx) => {
      const image = await this.deps.derivedImages.insert(tx, prepared);
      if (!(await this.deps.lifecycle.succeed(tx, task.id, attempt, image.id))) throw new SettledElsewhere();
      return image.id;
    });
  }

  private async handleFailure(error: unknown, context: { job: EnhancementJob; run: RunningTask; em: EntityManager; log: Logger }): Promise<void> {
    const { job, run, em, log } = context;
    const decision = decideFailure(error, { stopped: run.stopped, finalAttempt: job.retryCount >= job.retryLimit });
    switch (decision.action) {
      case 'cancel':
        await this.settleCanceled(em, run.taskId, log);
        return;
      case 'abandon':
        log.warn({ event: 'task.interrupted', reason: run.stopped }, 'enhancement interrupted; the queue will retry it');
        // Failing the message makes pg-boss schedule the next try; a lost message is pg-boss's already.
        if (run.stopped === 'shutdown') throw new Error('the worker shut down during the task');
        return;
      case 'retry':
        log.warn({ event: 'task.retrying', reason: decision.reason }, 'enhancement try failed; retrying');
        // A fresh error: pg-boss stores what it is given, and a provider error's cause may carry a response.
        throw new Error(`transient provider failure: ${decision.reason}`);
      case 'fail':
        if (await this.deps.lifecycle.fail(em, run.taskId, run.attempt, decision.code, decision.message)) {
          const details = decision.code === EnhancementErrorCode.INTERNAL ? { err: error } : { providerStatus: providerStatus(error) };
          log.error({ event: 'task.failed', code: decision.code, message: decision.message, ...details }, 'enhancement failed');
        }
        return;
    }
  }

  private async settleCanceled(em: EntityManager, taskId: string, log: Logger): Promise<void> {
    if (await this.deps.lifecycle.confirmCancel(em, taskId)) log.info({ event: 'task.canceled' }, 'enhancement canceled');
  }

  /** pg-boss used up the message's tries without the task being settled: its workers kept dying. */
  private async giveUp(message: EnhancementMessage): Promise<void> {
    const em = this.deps.orm.em.fork();
    const log = this.deps.logger.child({ taskId: message.enhancementId });
    if (await this.deps.lifecycle.confirmCancel(em, message.enhancementId)) {
      log.info({ event: 'task.canceled' }, 'enhancement canceled');
    } else if (await this.deps.lifecycle.fail(em, message.enhancementId, null, EnhancementErrorCode.INTERNAL, GIVEN_UP_MESSAGE)) {
      log.error({ event: 'task.failed', code: EnhancementErrorCode.INTERNAL, reason: 'GIVEN_UP' }, 'enhancement given up');
    } else {
      return;
    }
    // Nobody will resume the provider's job of a task that ended here: stop it running (and billing).
    const task = await em.findOne(Enhancement, { id: message.enhancementId }, { refresh: true });
    if (task?.providerTaskId) await this.deps.providers.get(task.provider)?.cancelRemoteTask?.(task.providerTaskId, task.id);
  }
}

function providerStatus(error: unknown): number | undefined {
  return (error as { details?: { status?: number } } | null)?.details?.status;
}
