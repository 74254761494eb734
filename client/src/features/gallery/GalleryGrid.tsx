import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

const MIN_TILE_WIDTH = 170;
const GAP = 12;
/** Under the picture: the tile's select and download controls. */
const ACTIONS_HEIGHT = 48;

/**
 * A responsive grid that only renders the rows near the viewport (a 500-photo job stays smooth on
 * a phone): columns follow the width, rows are virtualised against the window's scroll.
 */
export function GalleryGrid<Item>({ items, renderItem, label }: { items: readonly Item[]; renderItem(item: Item, index: number): ReactNode; label: string }) {
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
  const rows = Math.ceil(items.length / columns);
  const virtualizer = useWindowVirtualizer({ count: rows, estimateSize: () => rowHeight, overscan: 4, scrollMargin: offset });
  useLayoutEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);

  return (
    <div ref={ref} className="gallery-grid" role="list" aria-label={label} style={{ height: virtualizer.getTotalSize() }}>
      {width > 0 &&
        virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            className="gallery-row"
            style={{ transform: `translateY(${row.start - offset}px)`, gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gap: GAP, height: rowHeight - GAP }}
          >
            {items.slice(row.index * columns, row.index * columns + columns).map((item, column) => (
              <div role="listitem" key={row.index * columns + column}>
                {renderItem(item, row.index * columns + column)}
              </div>
            ))}
          </div>
        ))}
    </div>
  );
}
