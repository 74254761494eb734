import type { Config } from '../../config.js';
import type { QueuedTask, TaskQueue, TaskQueues } from '../../queue/task-queues.js';

/** What a queue message carries: only the task's id; the task row holds everything else. */
export interface EnhancementMessage {
  enhancementId: string;
}
export type EnhancementJob = QueuedTask<EnhancementMessage>;
export type EnhancementQueue = TaskQueue<EnhancementMessage>;

export const ENHANCEMENT_QUEUE = 'enhancements';
/** Where pg-boss moves a message whose tries are used up without the task being settled (dead workers). */
export const GIVEN_UP_QUEUE = 'enhancements-given-up';

/** The enhancement tasks' queue; a message's id is its task's id. */
export function defineEnhancementQueue(queues: TaskQueues, settings: Config['enhancements']): EnhancementQueue {
  const { maxAttempts, retryDelaySeconds, heartbeatSeconds, timeoutSeconds } = settings;
  return queues.define<EnhancementMessage>({
    name: ENHANCEMENT_QUEUE,
    givenUpName: GIVEN_UP_QUEUE,
    settings: { maxAttempts, retryDelaySeconds, heartbeatSeconds, timeoutSeconds },
    idOf: (message) => message.enhancementId,
    pollingIntervalSeconds: 1,
  });
}
