import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../logger.js';
import type { EnhancementLifecycle } from './enhancement-lifecycle.js';
import { TaskHandover } from './providers/provider.js';
import type { StopReason } from './task-failures.js';

/**
 * One try of a task while a worker runs it: beats every few seconds (recording progress and
 * noticing a cancel or a takeover by another try), and turns any of those — or the worker shutting
 * down, or pg-boss reporting the message lost — into an abort of the provider's signal.
 */
export class RunningTask {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private beating: Promise<void> | undefined;
  private reason: StopReason | null = null;
  progress = 0;

  constructor(
    private readonly em: EntityManager,
    private readonly lifecycle: EnhancementLifecycle,
    readonly taskId: string,
    readonly attempt: number,
    private readonly queueSignal: AbortSignal,
    private readonly logger: Logger,
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Why the task was stopped from our side; null while it runs. */
  get stopped(): StopReason | null {
    return this.reason;
  }

  begin(intervalSeconds: number): void {
    this.queueSignal.addEventListener('abort', this.onQueueAbort);
    if (this.queueSignal.aborted) this.onQueueAbort();
    this.timer = setInterval(() => {
      this.beating ??= this.beat().finally(() => (this.beating = undefined));
    }, intervalSeconds * 1000);
  }

  stop(reason: StopReason): void {
    if (this.reason) return;
    this.reason = reason;
    // On shutdown or loss of the message another try carries the task on (and resumes the provider's
    // job); a cancel or a task settled elsewhere ends it, so that job is canceled too.
    this.controller.abort(reason === 'shutdown' || reason === 'lost' ? new TaskHandover(`task ${reason}`) : new Error(`task ${reason}`));
  }

  async end(): Promise<void> {
    clearInterval(this.timer);
    this.queueSignal.removeEventListener('abort', this.onQueueAbort);
    await this.beating;
  }

  /**
   * Makes the provider's job for this try durable, so the next try resumes it if this one dies. A
   * try that no longer owns the task stops, and throws so the provider cancels the job it just
   * started: nobody would resume it.
   */
  async recordRemoteTask(remoteTaskId: string): Promise<void> {
    let owned = true;
    try {
      owned = await this.lifecycle.recordProviderTask(this.em, this.taskId, this.attempt, remoteTaskId);
    } catch (error) {
      // Unrecorded, a later try starts a new job (the cost of one more run at worst); failing a paid task over it would be worse.
      this.logger.warn({ err: error, event: 'task.provider_task.unrecorded' }, 'could not record the provider job of an enhancement');
    }
    if (!owned) {
      this.stop('lost');
      throw new Error('another try owns this task now');
    }
  }

  private readonly onQueueAbort = () => this.stop('lost');

  private async beat(): Promise<void> {
    try {
      const state = await this.lifecycle.beat(this.em, this.taskId, this.attempt, this.progress);
      if (state === 'cancel-requested') this.stop('canceled');
      if (state === 'taken-over') this.stop('lost');
      if (state === 'settled') this.stop('settled');
    } catch (error) {
      // One missed beat is harmless: pg-boss keeps its own heartbeat, and the next one comes soon.
      this.logger.warn({ err: error, event: 'task.heartbeat.failed' }, 'enhancement heartbeat failed');
    }
  }
}
