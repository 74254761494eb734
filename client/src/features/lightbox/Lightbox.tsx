import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { Dialog } from '../../app/Dialog';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { useMessages } from '../../i18n/i18n';
import { SignedImage } from '../../media/SignedImage';
import { useFreshUrls } from '../../media/useFreshUrls';
import { DownloadImageButton } from '../downloads/DownloadImageButton';
import { ImageDetails } from './ImageDetails';
import { situationOf } from '../gallery/image-state';
import { galleryMessages } from '../gallery/messages';
import { StateBadge } from '../gallery/StateBadge';
import { SelectToggle } from '../selection/SelectToggle';
import { lightboxMessages } from './messages';
import { nextZoom } from './zoom';

export const LightboxImage = graphql(`
  fragment LightboxImage on Image {
    id
    filename
    previewUrl
    width
    height
    selectionState
    locked
    ...SelectionFacts
  }
`);

export const LightboxJob = graphql(`
  fragment LightboxJob on Job {
    id
    allImagesIncluded
    ...PackageRoom
  }
`);

/** The open photo on its own: its large preview (not asked for with all 500 thumbnails), requests and enhancements. */
const LightboxQuery = graphql(`
  query ClientLightbox($id: ID!) {
    image(id: $id) {
      id
      previewUrl
      mediaUrlsExpireAt
      ...LightboxImage
      ...ImageDetails
    }
  }
`);

/** One photo large: ← → browse, + − 0 zoom, Esc closes (the dialog's own), with its state, selection and download. */
export function Lightbox(props: { imageId: string; job: FragmentType<typeof LightboxJob>; position: { index: number; count: number }; onNavigate(step: 1 | -1): void; onClose(): void }) {
  const [{ data }, reexecute] = useQuery({ query: LightboxQuery, variables: { id: props.imageId } });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useFreshUrls([{ url: data?.image.previewUrl, expiresAt: data?.image.mediaUrlsExpireAt }], refresh);
  return (
    <LightboxView image={data?.image} job={props.job} position={props.position} onNavigate={props.onNavigate} onClose={props.onClose} onExpired={refresh}>
      {data && <ImageDetails image={data.image} />}
    </LightboxView>
  );
}

function LightboxView(props: {
  image: FragmentType<typeof LightboxImage> | undefined;
  job: FragmentType<typeof LightboxJob>;
  position: { index: number; count: number };
  onNavigate(step: 1 | -1): void;
  onClose(): void;
  onExpired(): void;
  children: ReactNode;
}) {
  const image = useFragment(LightboxImage, props.image);
  const job = useFragment(LightboxJob, props.job);
  const t = useMessages(lightboxMessages);
  const g = useMessages(galleryMessages);
  const [zoom, setZoom] = useState(1);
  const { onNavigate } = props;

  useEffect(() => setZoom(1), [image?.id]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLInputElement) return;
      if (document.querySelectorAll('dialog[open]').length > 1) return;
      if (event.key === 'ArrowRight') onNavigate(1);
      else if (event.key === 'ArrowLeft') onNavigate(-1);
      else if (event.key === '+' || event.key === '=') setZoom((z) => nextZoom(z, 1));
      else if (event.key === '-') setZoom((z) => nextZoom(z, -1));
      else if (event.key === '0') setZoom(1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onNavigate]);

  if (!image) return null;
  const situation = situationOf(image, job.allImagesIncluded);
  return (
    <Dialog title={image.filename} onClose={props.onClose} className="lightbox">
      <p className="lightbox-position muted">{t.position(props.position.index + 1, props.position.count)}</p>
      <div className="lightbox-body">
        <div className={`lightbox-stage ${zoom > 1 ? 'zoomed' : ''}`} data-testid="lightbox-stage" tabIndex={zoom > 1 ? 0 : undefined} role={zoom > 1 ? 'group' : undefined} aria-label={zoom > 1 ? image.filename : undefined}>
          <button type="button" className="stage-zoom" aria-label={zoom > 1 ? t.zoomReset : t.zoomIn} onClick={() => setZoom((z) => (z > 1 ? 1 : 2))}>
            <SignedImage src={image.previewUrl} alt={image.filename} onExpired={props.onExpired} style={{ width: `${zoom * 100}%` }} />
          </button>
        </div>
        <aside className="lightbox-side" aria-label={t.details}>
          <StateBadge situation={situation} state={image.selectionState} />
          <p className="explanation">{g.explain[situation]}</p>
          <div className="lightbox-actions">
            <SelectToggle image={image} job={job} />
            <DownloadImageButton image={image} allImagesIncluded={job.allImagesIncluded} />
          </div>
          {props.children}
        </aside>
      </div>
      <div className="lightbox-toolbar">
        <button type="button" onClick={() => onNavigate(-1)} aria-label={t.previous}>
          ←
        </button>
        <button type="button" onClick={() => setZoom((z) => nextZoom(z, -1))} aria-label={t.zoomOut} disabled={zoom <= 1}>
          −
        </button>
        <span className="zoom-level" aria-live="polite">
          {Math.round(zoom * 100)} %
        </span>
        <button type="button" onClick={() => setZoom((z) => nextZoom(z, 1))} aria-label={t.zoomIn}>
          +
        </button>
        <button type="button" onClick={() => onNavigate(1)} aria-label={t.next}>
          →
        </button>
        <button type="button" className="close" onClick={props.onClose}>
          {t.close}
        </button>
      </div>
      <p className="keys-hint muted">{t.keys}</p>
    </Dialog>
  );
}
