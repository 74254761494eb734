import type { EntityManager } from '@mikro-orm/postgresql';
import { Enhancement, EnhancementErrorCode, EnhancementStatus } from './enhancement.entity.js';

/** What the lifecycle needs of the usage ledger (UsageService): give a task's units back. */
export interface UsageRefunds {
  refund(em: EntityManager, enhancementId: string, reason: 'CANCELED' | 'PROVIDER_FAILURE'): Promise<void>;
}

/** `taken-over`: another try owns the task now (it goes on); `settled`: it ended (given up, canceled, finished). */
export type Heartbeat = 'running' | 'cancel-requested' | 'taken-over' | 'settled';

/**
 * Every status change of a task, each one a conditional UPDATE: the WHERE names the status (and,
 * for a worker, its attempt) it moves from, so when a cancel and a finish race, or a recovered
 * worker and a presumed-dead one, exactly one of them wins and the other sees zero rows.
 * Timestamps come from the database clock, the one all processes share.
 */
export class EnhancementLifecycle {
  constructor(private readonly usage: UsageRefunds) {}

  /** A worker takes the task for `attempt`; null when it is finished or canceled already. */
  async start(em: EntityManager, id: string, attempt: number): Promise<Enhancement | null> {
    const rows = await em.execute<{ id: string }[]>(
      `UPDATE enhancements
          SET status = 'PROCESSING', attempts = ?, started_at = coalesce(started_at, now()), heartbeat_at = now(), progress = 0
        WHERE id = ? AND status IN ('QUEUED', 'PROCESSING')
        RETURNING id`,
      [attempt, id],
    );
    if (rows.length === 0) return null;
    return em.findOne(Enhancement, { id }, { populate: ['image', 'image.job'], refresh: true });
  }

  /** The worker is alive: records progress, and learns whether the task was canceled or taken over. */
  async beat(em: EntityManager, id: string, attempt: number, progress: number): Promise<Heartbeat> {
    const rows = await em.execute<{ cancel_requested: boolean }[]>(
      `UPDATE enhancements SET heartbeat_at = now(), progress = greatest(progress, ?)
        WHERE id = ? AND status = 'PROCESSING' AND attempts = ?
        RETURNING cancel_requested_at IS NOT NULL AS cancel_requested`,
      [clampProgress(progress), id, attempt],
    );
    if (rows.length === 0) {
      const [task] = await em.execute<{ status: EnhancementStatus }[]>('SELECT status FROM enhancements WHERE id = ?', [id]);
      return task?.status === EnhancementStatus.PROCESSING || task?.status === EnhancementStatus.QUEUED ? 'taken-over' : 'settled';
    }
    return rows[0]!.cancel_requested ? 'cancel-requested' : 'running';
  }

  /**
   * Remembers the provider's job a try started, so a later try resumes it instead of paying for
   * another. False when this try no longer owns the task (finished, or taken over by another try).
   */
  async recordProviderTask(em: EntityManager, id: string, attempt: number, providerTaskId: string): Promise<boolean> {
    const rows = await em.execute<{ id: string }[]>(
      `UPDATE enhancements SET provider_task_id = ?
        WHERE id = ? AND status = 'PROCESSING' AND attempts = ?
        RETURNING id`,
      [providerTaskId, id, attempt],
    );
    return rows.length === 1;
  }

  /** In the transaction that stores the result image. False when a cancel (or another attempt) came first. */
  async succeed(em: EntityManager, id: string, attempt: number, resultImageId: string): Promise<boolean> {
    const rows = await em.execute<{ id: string }[]>(
      `UPDATE enhancements SET status = 'SUCCEEDED', result_id = ?, progress = 1, finished_at = now(), heartbeat_at = now()
        WHERE id = ? AND status = 'PROCESSING' AND attempts = ? AND cancel_requested_at IS NULL
        RETURNING id`,
      [resultImageId, id, attempt],
    );
    return rows.length === 1;
  }

  /**
   * FAILED with a short, safe message, and the task's units given back: the customer got nothing.
   * `attempt` fences a worker to its own try; the given-up handler passes null.
   */
  async fail(em: EntityManager, id: string, attempt: number | null, code: EnhancementErrorCode, message: string): Promise<boolean> {
    return em.transactional(async (tx) => {
      const rows = await tx.execute<{ id: string }[]>(
        `UPDATE enhancements SET status = 'FAILED', error_code = ?, error_message = ?, finished_at = now()
          WHERE id = ? AND status IN ('QUEUED', 'PROCESSING') AND (?::int IS NULL OR attempts = ?::int)
          RETURNING id`,
        [code, message.slice(0, 500), id, attempt, attempt],
      );
      if (rows.length === 0) return false;
      await this.usage.refund(tx, id, 'PROVIDER_FAILURE');
      return true;
    });
  }

  /**
   * A task canceled while processing stops: CANCELED, result discarded. The provider has already
   * worked (and a paid one has billed us), so the units are not given back.
   */
  async confirmCancel(em: EntityManager, id: string): Promise<boolean> {
    const updated = await em.nativeUpdate(Enhancement, { id, status: EnhancementStatus.PROCESSING, cancelRequestedAt: { $ne: null } }, { status: EnhancementStatus.CANCELED, finishedAt: new Date() });
    return updated === 1;
  }

  /** QUEUED → CANCELED at once, units given back; in the caller's transaction (which also cancels the message). */
  async cancelQueued(tx: EntityManager, id: string): Promise<boolean> {
    const updated = await tx.nativeUpdate(Enhancement, { id, status: EnhancementStatus.QUEUED }, { status: EnhancementStatus.CANCELED, finishedAt: new Date() });
    if (updated === 0) return false;
    await this.usage.refund(tx, id, 'CANCELED');
    return true;
  }

  /** A PROCESSING task is asked to stop; its worker notices within one progress interval. */
  async requestCancel(tx: EntityManager, id: string): Promise<boolean> {
    const updated = await tx.nativeUpdate(Enhancement, { id, status: EnhancementStatus.PROCESSING, cancelRequestedAt: null }, { cancelRequestedAt: new Date() });
    return updated === 1;
  }
}

const clampProgress = (progress: number): number => (Number.isFinite(progress) ? Math.min(1, Math.max(0, progress)) : 0);
