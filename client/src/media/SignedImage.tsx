import { useState, type ImgHTMLAttributes } from 'react';

/**
 * An image behind a short-lived URL: a calm placeholder until its bytes arrive (never the browser's
 * broken-image icon), and when a link died anyway (a sleeping laptop), `onExpired` asks for fresh
 * ones while the placeholder stays.
 */
export function SignedImage({ src, alt, onExpired, className, ...rest }: { src: string | null | undefined; alt: string; onExpired?: () => void } & Omit<ImgHTMLAttributes<HTMLImageElement>, 'src' | 'alt'>) {
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const [loadedSrc, setLoadedSrc] = useState<string | null>(null);
  const usable = src && src !== failedSrc;
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
