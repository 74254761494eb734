import { useEffect, useState, useSyncExternalStore } from 'react';
import { Hasher } from './hasher';
import { uploadTransport } from './upload-api';
import { UploadQueue, type QueueSnapshot } from './upload-queue';

/** Files sent at once: enough to keep a studio's uplink busy, few enough that the API's renders keep up. */
export const UPLOAD_CONCURRENCY = 4;

const EMPTY: QueueSnapshot = { entries: [] };
const noQueue = () => () => undefined;

/**
 * The upload queue of one job for as long as the page shows it: made on mount, and on unmount its
 * transfers are aborted, its hash worker ended and its render polling stopped.
 */
export function useUploadQueue(jobId: string): { queue: UploadQueue<File> | undefined; snapshot: QueueSnapshot } {
  const [queue, setQueue] = useState<UploadQueue<File>>();
  useEffect(() => {
    const hasher = new Hasher();
    const created = new UploadQueue(uploadTransport(jobId, hasher), { concurrency: UPLOAD_CONCURRENCY });
    setQueue(created);
    return () => {
      created.dispose();
      hasher.dispose();
    };
  }, [jobId]);
  const snapshot = useSyncExternalStore(queue ? (listener) => queue.subscribe(listener) : noQueue, queue ? queue.getSnapshot : () => EMPTY);
  return { queue, snapshot };
}
