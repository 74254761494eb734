import { useEffect, useRef } from 'react';
import { linksKey, refreshDelay, type MediaLink } from './url-expiry';

/**
 * Keeps short-lived image URLs alive: calls `refresh` (a network-only re-run of the query that
 * gave them) before the first of them expires (by the expiry the API states with them, else the
 * one read from the URL), and again when a hidden tab comes back after its links ran out. So an
 * image is never asked for with a dead link, and never shows broken.
 */
export function useFreshUrls(links: readonly MediaLink[], refresh: () => void): void {
  const key = linksKey(links);
  const linksRef = useRef(links);
  linksRef.current = links;
  const receivedAt = useRef(Date.now());
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;

  useEffect(() => {
    receivedAt.current = Date.now();
    const list = linksRef.current;
    const delay = refreshDelay(list, receivedAt.current);
    if (delay === null) return;
    const timer = setTimeout(() => refreshRef.current(), delay);
    const onVisible = () => {
      if (document.visibilityState === 'visible' && refreshDelay(list, receivedAt.current) === 0) refreshRef.current();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [key]);
}
