import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

const MIN_TILE_WIDTH = 170;
const GAP = 12;
/** Under the picture: the tile's select and download controls. */
const ACTIONS_HEIGHT = 48;

/**
 * A responsive grid that only renders the rows near the viewport (a job of a thousand photos stays
 * smooth on a phone): columns follow the width, rows are virtualised against the window's scroll.
 * It has a place for each of `count` items from the start (the scroll bar is the whole gallery's);
 * `onReach` says how far the rendered rows go, so photos not loaded yet can be asked for.
 */
export function GalleryGrid({ count, renderItem, onReach, label }: { count: number; renderItem(index: number): ReactNode; onReach?(lastIndex: number): void; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      setWidth(element.clientWidth);
      setOffset(element.getBoundingClientRect().top + window.scrollY);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const columns = Math.max(2, Math.floor((width + GAP) / (MIN_TILE_WIDTH + GAP)));
  const tileWidth = width > 0 ? (width - GAP * (columns - 1)) / columns : MIN_TILE_WIDTH;
  const rowHeight = Math.round(tileWidth * 0.75 + ACTIONS_HEIGHT + GAP);
  const rows = Math.ceil(count / columns);
  // Without flushSync in the scroll event, and with the rows to mount deferred: a screen scrolled
  // mounts some thirty tiles, and rendering them inside the scroll event was a long task on two
  // cores. A deferred render is interruptible (React yields to input and paint every few ms); the
  // overscan rows cover the moment until it lands.
  const virtualizer = useWindowVirtualizer({ count: rows, estimateSize: () => rowHeight, overscan: 4, scrollMargin: offset, useFlushSync: false });
  useLayoutEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);
  const liveRows = virtualizer.getVirtualItems();
  const firstRow = useDeferredValue(liveRows[0]?.index ?? 0);
  const deferredLastRow = useDeferredValue(liveRows.at(-1)?.index ?? -1);
  const lastRow = Math.min(rows - 1, deferredLastRow);
  const lastIndex = width > 0 && liveRows.length > 0 ? Math.min(count, (liveRows.at(-1)!.index + 1) * columns) - 1 : -1;
  useEffect(() => {
    if (lastIndex >= 0) onReach?.(lastIndex);
  }, [lastIndex, onReach]);

  return (
    <div ref={ref} className="gallery-grid" role="list" aria-label={label} style={{ height: virtualizer.getTotalSize() }}>
      {width > 0 &&
        Array.from({ length: Math.max(0, lastRow - firstRow + 1) }, (_, rangeIndex) => {
          const row = firstRow + rangeIndex;
          return (
            <div
              key={row}
              className="gallery-row"
              style={{ transform: `translateY(${row * rowHeight}px)`, gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gap: GAP, height: rowHeight - GAP }}
            >
              {Array.from({ length: Math.min(columns, count - row * columns) }, (_, column) => (
                <div role="listitem" key={row * columns + column}>
                  {renderItem(row * columns + column)}
                </div>
              ))}
            </div>
          );
        })}
    </div>
  );
}
