import { useCallback, useEffect, useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ForbiddenPage, Loading, QueryFailed } from '../../app/StatusPages';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n/i18n';
import { useFreshUrls } from '../../media/useFreshUrls';
import { DownloadAll } from '../downloads/DownloadAll';
import { Lightbox } from '../lightbox/Lightbox';
import { JobRequests } from '../selection/JobRequests';
import { PackageSummary } from '../selection/PackageSummary';
import { GalleryGrid } from './GalleryGrid';
import { GalleryTile, TilePlaceholder } from './GalleryTile';
import { galleryMessages } from './messages';
import { useGalleryImages } from './useGalleryImages';
import { useStillAllowed } from './useStillAllowed';

/** The job's facts; its photos come page by page (useGalleryImages). */
const GalleryQuery = graphql(`
  query ClientGallery($jobId: ID!) {
    job(id: $jobId) {
      id
      title
      ...PackageSummary
      ...DownloadAllFacts
      ...GalleryTileJob
      ...LightboxJob
      ...JobRequests
    }
  }
`);

export function GalleryPage() {
  const { jobId = '' } = useParams();
  return <Gallery key={jobId} jobId={jobId} />;
}

function Gallery({ jobId }: { jobId: string }) {
  const t = useMessages(galleryMessages);
  const [search, setSearch] = useSearchParams();
  const [{ data, error }, reexecute] = useQuery({ query: GalleryQuery, variables: { jobId } });
  const pages = useGalleryImages(jobId);
  const allowed = useStillAllowed(jobId);
  const { images, totalCount, want, refresh: refreshImages } = pages;
  const refresh = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' });
    void refreshImages();
  }, [reexecute, refreshImages]);
  const urls = useMemo(() => images.map((image) => ({ url: image.thumbnailUrl, expiresAt: image.mediaUrlsExpireAt })), [images]);
  useFreshUrls(urls, refreshImages);
  const openId = search.get('image');
  const open = useCallback((id: string | null) => setSearch(id ? { image: id } : {}, { replace: Boolean(id && search.get('image')) }), [setSearch, search]);
  const openIndex = openId ? images.findIndex((image) => image.id === openId) : -1;
  // Browsing the lightbox towards the end of what is loaded asks for the next page.
  useEffect(() => {
    if (openIndex >= 0) want(openIndex + 2);
  }, [openIndex, want]);
  const navigate = (step: 1 | -1) => {
    if (totalCount === null) return;
    const next = (openIndex + step + totalCount) % totalCount;
    const target = images[next];
    if (target) open(target.id);
    else want(next);
  };

  // Access gone while the gallery was open: nothing of it stays on screen.
  if (!allowed) return <ForbiddenPage />;
  const failure = (error && !data ? error : null) ?? pages.error;
  if (failure) return <QueryFailed error={failure} retry={refresh} />;
  if (!data || totalCount === null) return <Loading />;
  const job = data.job;

  return (
    <section className="page gallery-page">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to="/">← {t.back}</Link>
      </nav>
      <header className="gallery-header">
        <div>
          <h1>{job.title}</h1>
          <p className="muted">{t.photos(totalCount)}</p>
          <PackageSummary job={job} showRoom />
        </div>
        <DownloadAll job={job} />
      </header>
      <JobRequests job={job} onOpen={open} />
      <details className="legend">
        <summary>{t.legendTitle}</summary>
        <p>{t.legend}</p>
      </details>
      {totalCount === 0 ? (
        <p className="empty">{t.empty}</p>
      ) : (
        <GalleryGrid
          count={totalCount}
          label={job.title}
          onReach={want}
          renderItem={(index) => {
            const image = images[index];
            return image ? <GalleryTile key={image.id} image={image} job={job} onOpen={open} onExpired={refresh} /> : <TilePlaceholder />;
          }}
        />
      )}
      {openIndex >= 0 && (
        <Lightbox
          job={job}
          imageId={images[openIndex]!.id}
          position={{ index: openIndex, count: totalCount }}
          onNavigate={navigate}
          onClose={() => open(null)}
        />
      )}
    </section>
  );
}
