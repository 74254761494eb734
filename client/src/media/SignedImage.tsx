import { useEffect, useState, type ImgHTMLAttributes } from 'react';
import { queueStart } from './start-queue';

/**
 * An image behind a short-lived URL: a calm placeholder until its bytes arrive (never the browser's
 * broken-image icon), and when a link died anyway (a sleeping laptop), `onExpired` asks for fresh
 * ones while the placeholder stays. `queued`: the image element (and so its request) comes in the
 * start queue's next turn, for grids that mount many at once.
 */
export function SignedImage({ src, alt, onExpired, className, queued, ...rest }: { src: string | null | undefined; alt: string; onExpired?: () => void; queued?: boolean } & Omit<ImgHTMLAttributes<HTMLImageElement>, 'src' | 'alt'>) {
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const [loadedSrc, setLoadedSrc] = useState<string | null>(null);
  const [started, setStarted] = useState(!queued);
  useEffect(() => (started ? undefined : queueStart(() => setStarted(true))), [started]);
  const usable = started && src && src !== failedSrc;
  return (
    <span className={`signed-image ${loadedSrc ? 'is-loaded' : 'is-loading'} ${className ?? ''}`}>
      {usable && (
        <img
          {...rest}
          src={src}
          alt={alt}
          onLoad={() => setLoadedSrc(src)}
          onError={() => {
            setFailedSrc(src);
            onExpired?.();
          }}
        />
      )}
    </span>
  );
}
