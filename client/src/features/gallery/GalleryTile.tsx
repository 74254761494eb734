import { memo } from 'react';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { useMessages } from '../../i18n/i18n';
import { SignedImage } from '../../media/SignedImage';
import { DownloadImageButton } from '../downloads/DownloadImageButton';
import { SelectToggle } from '../selection/SelectToggle';
import { situationOf } from './image-state';
import { galleryMessages } from './messages';
import { StateBadge } from './StateBadge';

export const GalleryTileImage = graphql(`
  fragment GalleryTileImage on Image {
    id
    filename
    thumbnailUrl
    selectionState
    locked
    ...SelectionFacts
  }
`);

export const GalleryTileJob = graphql(`
  fragment GalleryTileJob on Job {
    id
    allImagesIncluded
    ...PackageRoom
  }
`);

/**
 * Memoised (its props are the cache's own objects and stable callbacks): scrolling re-renders the
 * grid's rows, and tiles already on screen need not render again. The thumbnail starts loading in
 * the image queue's next turn, not in the render that mounted the tile (see media/start-queue).
 */
export const GalleryTile = memo(function GalleryTile(props: { image: FragmentType<typeof GalleryTileImage>; job: FragmentType<typeof GalleryTileJob>; onOpen(id: string): void; onExpired(): void }) {
  const image = useFragment(GalleryTileImage, props.image);
  const job = useFragment(GalleryTileJob, props.job);
  const t = useMessages(galleryMessages);
  const situation = situationOf(image, job.allImagesIncluded);
  return (
    <figure className={`tile tile-${situation.toLowerCase()}`} data-image-id={image.id}>
      <button type="button" className="tile-open" aria-label={t.open(image.filename)} onClick={() => props.onOpen(image.id)}>
        <SignedImage src={image.thumbnailUrl} alt="" queued decoding="async" onExpired={props.onExpired} />
      </button>
      <StateBadge situation={situation} state={image.selectionState} />
      <figcaption className="tile-actions">
        <SelectToggle image={image} job={job} compact />
        <DownloadImageButton image={image} allImagesIncluded={job.allImagesIncluded} className="icon-button download-button" compact />
      </figcaption>
    </figure>
  );
});

/** The place of a photo whose page is still on its way. */
export function TilePlaceholder() {
  const t = useMessages(galleryMessages);
  return (
    <figure className="tile tile-placeholder" aria-busy="true">
      <span className="signed-image is-loading" />
      <figcaption className="visually-hidden">{t.loadingPhoto}</figcaption>
    </figure>
  );
}
