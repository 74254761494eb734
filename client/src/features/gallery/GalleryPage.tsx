import { useCallback } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Loading, QueryFailed } from '../../app/StatusPages';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n/i18n';
import { useFreshUrls } from '../../media/useFreshUrls';
import { DownloadAll } from '../downloads/DownloadAll';
import { Lightbox } from '../lightbox/Lightbox';
import { JobRequests } from '../selection/JobRequests';
import { PackageSummary } from '../selection/PackageSummary';
import { GalleryGrid } from './GalleryGrid';
import { GalleryTile } from './GalleryTile';
import { galleryMessages } from './messages';

/** Up to 500 photos in one answer (the API's largest page for a job's images). */
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
      images(first: 500) {
        totalCount
        nodes {
          id
          thumbnailUrl
          ...GalleryTileImage
        }
      }
    }
  }
`);

export function GalleryPage() {
  const { jobId = '' } = useParams();
  const t = useMessages(galleryMessages);
  const [search, setSearch] = useSearchParams();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: GalleryQuery, variables: { jobId } });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const images = data?.job.images.nodes ?? [];
  useFreshUrls(
    images.map((image) => image.thumbnailUrl),
    refresh,
  );
  const openId = search.get('image');
  const open = useCallback((id: string | null) => setSearch(id ? { image: id } : {}, { replace: Boolean(id && search.get('image')) }), [setSearch, search]);

  if (error && !data) return <QueryFailed error={error} retry={refresh} />;
  if (!data) return fetching ? <Loading /> : null;
  const job = data.job;
  const openIndex = openId ? images.findIndex((image) => image.id === openId) : -1;

  return (
    <section className="page gallery-page">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to="/">← {t.back}</Link>
      </nav>
      <header className="gallery-header">
        <div>
          <h1>{job.title}</h1>
          <p className="muted">{t.photos(job.images.totalCount)}</p>
          <PackageSummary job={job} showRoom />
        </div>
        <DownloadAll job={job} />
      </header>
      <JobRequests job={job} onOpen={open} />
      <details className="legend">
        <summary>{t.legendTitle}</summary>
        <p>{t.legend}</p>
      </details>
      {images.length === 0 ? (
        <p className="empty">{t.empty}</p>
      ) : (
        <GalleryGrid items={images} label={job.title} renderItem={(image) => <GalleryTile key={image.id} image={image} job={job} onOpen={open} onExpired={refresh} />} />
      )}
      {openIndex >= 0 && (
        <Lightbox
          job={job}
          imageId={images[openIndex]!.id}
          position={{ index: openIndex, count: images.length }}
          onNavigate={(step) => open(images[(openIndex + step + images.length) % images.length]!.id)}
          onClose={() => open(null)}
        />
      )}
    </section>
  );
}
