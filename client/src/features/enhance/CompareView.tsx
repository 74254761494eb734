import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { Dialog } from '../../app/Dialog';
import type { FragmentType } from '../../gql';
import { useMessages } from '../../i18n/i18n';
import { SignedImage } from '../../media/SignedImage';
import { DownloadImageButton } from '../downloads/DownloadImageButton';
import type { SelectionFacts } from '../selection/selection-documents';
import { nextZoom } from '../lightbox/zoom';
import { enhanceMessages } from './messages';

const LOUPE_SIZE = 180;
const LOUPE_FACTOR = 3;

/**
 * Before and after, one over the other, split by a divider the pointer, touch or arrow keys move;
 * zoom (+ −), a loupe that magnifies the result under the pointer (L), reset (R) and the result's
 * download (Ctrl/⌘+S), as seed 000 lists them. Both pictures are previews at the resolution rule 4
 * allows (watermarked until the source is the customer's for good).
 */
export function CompareView(props: { before: { url: string | null | undefined; name: string }; after: { previewUrl?: string | null; filename: string } & FragmentType<typeof SelectionFacts>; onClose(): void }) {
  const t = useMessages(enhanceMessages).compareView;
  const [split, setSplit] = useState(50);
  const [zoom, setZoom] = useState(1);
  const [loupe, setLoupe] = useState(false);
  const [pointer, setPointer] = useState<{ x: number; y: number; width: number; height: number } | null>(null);
  const stage = useRef<HTMLDivElement>(null);
  const downloadRef = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        downloadRef.current?.querySelector('button')?.click();
        return;
      }
      if (event.target instanceof HTMLInputElement && event.target.type === 'range' && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) return;
      const key = event.key.toLowerCase();
      if (key === 'l') setLoupe((on) => !on);
      else if (key === 'r') (setSplit(50), setZoom(1), setLoupe(false));
      else if (key === '+' || key === '=') setZoom((z) => Math.min(3, nextZoom(z, 1)));
      else if (key === '-') setZoom((z) => nextZoom(z, -1));
      else if (key === 'arrowleft') setSplit((s) => Math.max(0, s - 5));
      else if (key === 'arrowright') setSplit((s) => Math.min(100, s + 5));
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const track = (event: ReactPointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - box.left;
    setPointer({ x, y: event.clientY - box.top, width: box.width, height: box.height });
    if (event.buttons === 1 && !loupe) setSplit(Math.min(100, Math.max(0, (x / box.width) * 100)));
  };

  return (
    <Dialog title={t.title} onClose={props.onClose} className="compare-dialog">
      {/* Focusable: when zoomed, the keyboard scrolls it. */}
      <div className="compare-scroll" tabIndex={0} role="group" aria-label={t.title}>
        <div ref={stage} className="compare-stage" style={{ width: `${zoom * 100}%` }} onPointerMove={track} onPointerDown={track} onPointerLeave={() => setPointer(null)} data-testid="compare-stage">
          <SignedImage className="compare-before" src={props.before.url} alt={`${t.before}: ${props.before.name}`} />
          <div className="compare-after" style={{ clipPath: `inset(0 0 0 ${split}%)` }}>
            <SignedImage src={props.after.previewUrl} alt={`${t.after}: ${props.after.filename}`} />
          </div>
          <div className="compare-divider" style={{ left: `${split}%` }} aria-hidden="true" />
          <span className="compare-label before" aria-hidden="true">
            {t.before}
          </span>
          <span className="compare-label after" aria-hidden="true">
            {t.after}
          </span>
          {loupe && pointer && props.after.previewUrl && (
            <div
              className="loupe"
              aria-hidden="true"
              style={{
                width: LOUPE_SIZE,
                height: LOUPE_SIZE,
                left: pointer.x - LOUPE_SIZE / 2,
                top: pointer.y - LOUPE_SIZE / 2,
                backgroundImage: `url("${props.after.previewUrl}")`,
                backgroundSize: `${pointer.width * LOUPE_FACTOR}px ${pointer.height * LOUPE_FACTOR}px`,
                backgroundPosition: `${-(pointer.x * LOUPE_FACTOR - LOUPE_SIZE / 2)}px ${-(pointer.y * LOUPE_FACTOR - LOUPE_SIZE / 2)}px`,
              }}
            />
          )}
        </div>
      </div>
      <label className="compare-slider">
        <span className="visually-hidden">{t.slider}</span>
        <input type="range" min={0} max={100} value={Math.round(split)} onChange={(event) => setSplit(Number(event.target.value))} />
      </label>
      <div className="compare-toolbar">
        <button type="button" onClick={() => setZoom((z) => nextZoom(z, -1))} disabled={zoom <= 1} aria-label={t.zoomOut}>
          −
        </button>
        <span aria-live="polite">{Math.round(zoom * 100)} %</span>
        <button type="button" onClick={() => setZoom((z) => Math.min(3, nextZoom(z, 1)))} disabled={zoom >= 3} aria-label={t.zoomIn}>
          +
        </button>
        <button type="button" aria-pressed={loupe} onClick={() => setLoupe((on) => !on)}>
          {t.loupe}
        </button>
        <button type="button" onClick={() => (setSplit(50), setZoom(1), setLoupe(false))}>
          {t.reset}
        </button>
        <span ref={downloadRef}>
          <DownloadImageButton image={props.after} allImagesIncluded={false} />
        </span>
        <button type="button" className="close" onClick={props.onClose}>
          {t.close}
        </button>
      </div>
      <p className="muted small">{t.watermarked}</p>
      <p className="keys-hint muted">{t.keys}</p>
    </Dialog>
  );
}
