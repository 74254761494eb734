import type { Client, CombinedError } from 'urql';
import { graphql } from '../../gql';
import type { ClientGalleryImagesQuery } from '../../gql/graphql';

/**
 * A gallery's photos page by page, through the job's image connection (cursor `after`): the first
 * page when the gallery opens, each further one when the customer scrolls (or browses the lightbox)
 * towards it. Pages load in order, each after the previous page's last cursor. Every page stays a
 * live query on the normalised cache, so a selection or a fresh URL shows in the tiles that read it.
 */
export const PAGE_SIZE = 100;
/** The next page is asked for when the customer comes this close to the end of what is loaded. */
const PREFETCH = PAGE_SIZE / 2;

const GalleryImages = graphql(`
  query ClientGalleryImages($jobId: ID!, $first: Int!, $after: String) {
    job(id: $jobId) {
      id
      images(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          thumbnailUrl
          mediaUrlsExpireAt
          ...GalleryTileImage
        }
      }
    }
  }
`);

export type GalleryImage = ClientGalleryImagesQuery['job']['images']['nodes'][number];

export interface GalleryImagesSnapshot {
  /** The photos loaded so far, in the job's order. */
  images: readonly GalleryImage[];
  /** All photos of the job (null until the first page arrived). */
  totalCount: number | null;
  /** The first failure of a page (a job that is not, or no longer, the customer's). */
  error: CombinedError | null;
}

interface Page {
  after: string | null;
  data?: ClientGalleryImagesQuery['job']['images'];
  error?: CombinedError;
  unsubscribe(): void;
}

export class GalleryImagePages {
  private pages: Page[] = [];
  /** The highest index someone wants to see. */
  private wanted = 0;
  private listeners = new Set<() => void>();
  private snapshot: GalleryImagesSnapshot = { images: [], totalCount: null, error: null };

  constructor(
    private readonly client: Client,
    private readonly jobId: string,
    private readonly pageSize = PAGE_SIZE,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): GalleryImagesSnapshot => this.snapshot;

  /** Opens the first page (again after `stop`). */
  start(): void {
    if (this.pages.length === 0) this.open(null);
  }

  stop(): void {
    for (const page of this.pages) page.unsubscribe();
    this.pages = [];
  }

  /** The photo at `index` is about to be seen: load the pages up to it, one after the other. */
  readonly want = (index: number): void => {
    if (index <= this.wanted) return;
    this.wanted = index;
    this.advance();
  };

  /** Fresh URLs for every loaded page (network only; the live pages show the answers). */
  readonly refresh = (): Promise<unknown> =>
    Promise.all(this.pages.map((page) => this.client.query(GalleryImages, this.variables(page.after), { requestPolicy: 'network-only' }).toPromise()));

  private variables(after: string | null) {
    return { jobId: this.jobId, first: this.pageSize, after };
  }

  private open(after: string | null): void {
    const page: Page = { after, unsubscribe: () => undefined };
    this.pages.push(page);
    const { unsubscribe } = this.client.query(GalleryImages, this.variables(after)).subscribe((result) => {
      if (result.data) page.data = result.data.job.images;
      page.error = result.error;
      this.publish();
      this.advance();
    });
    page.unsubscribe = unsubscribe;
  }

  private advance(): void {
    const last = this.pages.at(-1);
    if (!last?.data?.pageInfo.hasNextPage || !last.data.pageInfo.endCursor) return;
    const loaded = this.pages.reduce((sum, page) => sum + (page.data?.nodes.length ?? 0), 0);
    if (this.wanted + PREFETCH < loaded) return;
    this.open(last.data.pageInfo.endCursor);
  }

  private publish(): void {
    const images: GalleryImage[] = [];
    let totalCount: number | null = null;
    let error: CombinedError | null = null;
    for (const page of this.pages) {
      if (page.data) {
        images.push(...page.data.nodes);
        totalCount = page.data.totalCount;
      }
      error ??= page.error && !page.data ? page.error : null;
    }
    this.snapshot = { images, totalCount, error };
    for (const listener of this.listeners) listener();
  }
}
