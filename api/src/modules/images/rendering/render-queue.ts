import type { Config } from '../../../config.js';
import type { QueuedTask, TaskQueue, TaskQueues } from '../../../queue/task-queues.js';

/** What a render message carries: the image; its row holds everything else. */
export interface RenderMessage {
  imageId: string;
}
export type RenderTask = QueuedTask<RenderMessage>;
export type RenderQueue = TaskQueue<RenderMessage>;

export const RENDER_QUEUE = 'image-renders';
export const RENDER_GIVEN_UP_QUEUE = 'image-renders-given-up';

/**
 * The renders' queue. A message's id is random (an image may be rendered again after a staff retry,
 * and pg-boss keeps settled messages for a while); the image's PROCESSING status is what makes a
 * render due, so a duplicate message renders nothing twice.
 */
export function defineRenderQueue(queues: TaskQueues, settings: Config['renders']): RenderQueue {
  const { maxAttempts, retryDelaySeconds, heartbeatSeconds, timeoutSeconds } = settings;
  return queues.define<RenderMessage>({
    name: RENDER_QUEUE,
    givenUpName: RENDER_GIVEN_UP_QUEUE,
    settings: { maxAttempts, retryDelaySeconds, heartbeatSeconds, timeoutSeconds },
    idOf: () => crypto.randomUUID(),
    // A render takes about half a second: waiting out a longer interval after each would idle the workers.
    pollingIntervalSeconds: 0.5,
  });
}
