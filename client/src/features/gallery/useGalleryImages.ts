import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useClient } from 'urql';
import { GalleryImagePages } from './gallery-images';

/** The gallery's photos, page by page as they are wanted (see GalleryImagePages). */
export function useGalleryImages(jobId: string) {
  const client = useClient();
  const pages = useMemo(() => new GalleryImagePages(client, jobId), [client, jobId]);
  useEffect(() => {
    pages.start();
    return () => pages.stop();
  }, [pages]);
  const snapshot = useSyncExternalStore(pages.subscribe, pages.getSnapshot);
  return { ...snapshot, want: pages.want, refresh: pages.refresh };
}
