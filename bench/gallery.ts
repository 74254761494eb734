/**
 * Gallery query of 500 images with selectionState, downloadable and signed thumbnailUrl (issue targets):
 *   - requests/s of the API's POST /graphql ÷ a hand-written SQL + JSON endpoint serving the same
 *     data with the same URL signing, same run (>= 0.5)
 *   - the same query with the shield rules on ÷ off (>= 0.9)
 *
 * Endpoints, all in this process (the API's own process), driven one at a time from a child process:
 *   graphql  the API's POST /graphql (express, pino-http, Apollo, shield) — the product
 *   sql      node:http route on its own port: verify the bearer token (same AccessTokens), ONE raw SQL
 *            query through a pg Pool (user, job and images joined, visibility in the WHERE), downloadable
 *            by `isReleased`, clean/watermarked by `renditionVariant`, URLs signed as MediaUrls does
 *            (UrlTokenSigner 'media' in proxied mode, storage.presignGet in presigned mode), JSON.stringify
 *   on / off the same query on a second express app with two Apollo servers that differ only in the
 *            schema: buildExecutableSchema() (shield) vs buildPublicSchema(); the same minimal context
 *            function (contextFor of api/src/http/app.ts, without pino-http)
 *   floor    informational: Apollo + graphql-js over an SDL schema whose one resolver returns the sql
 *            endpoint's nodes (same token check, query and signing); the least any Apollo + graphql-js
 *            implementation of this query can cost, so floor / sql bounds /graphql / sql
 *
 * Many short rounds, endpoints interleaved and their order alternated, because this machine is shared:
 * a change in background load then hits every endpoint alike, and the median drops the outliers.
 * Besides req/s, the CPU time of this process per request is printed (less sensitive to other load,
 * but it leaves out PostgreSQL's own work).
 *
 * Env: BENCH_GALLERY_CONCURRENCY (8), BENCH_GALLERY_REQUESTS (120 per endpoint per round),
 * BENCH_GALLERY_ROUNDS (5), BENCH_GALLERY_WARMUP (60), BENCH_STORAGE_MODE (proxied | presigned).
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request } from 'express';
import { buildSchema, type GraphQLSchema } from 'graphql';
import pg from 'pg';
import type { RequestContext } from '../api/src/graphql/context.js';
import { maskError } from '../api/src/graphql/errors.js';
import { buildExecutableSchema, buildPublicSchema } from '../api/src/graphql/schema.js';
import { contextFor } from '../api/src/http/app.js';
import { ImageStatus, SelectionState } from '../api/src/shared/domain/image-enums.js';
import type { MediaTokenClaims } from '../api/src/modules/images/media-urls.js';
import type { RenditionKind } from '../api/src/shared/domain/rendition-kind.js';
import type { User } from '../api/src/modules/users/user.entity.js';
import { isReleased, renditionVariant, type ImageFacts } from '../api/src/policy/download-policy.js';
import type { Services } from '../api/src/services.js';
import type { StorageMode } from '../api/src/storage/storage-mode.js';
import { insertReadyImageRows } from '../api/test/support/ready-image-rows.js';
import type { LoadResult } from './load-client.js';
import { fmt, freePort, LoadClient, makeCast, mark, median, printTable, run, startBenchServer, type Figure } from './support.js';

const IMAGES = 500;
const CONCURRENCY = Number(process.env.BENCH_GALLERY_CONCURRENCY ?? 8);
const REQUESTS = Number(process.env.BENCH_GALLERY_REQUESTS ?? 120);
const ROUNDS = Number(process.env.BENCH_GALLERY_ROUNDS ?? 5);
const WARMUP = Number(process.env.BENCH_GALLERY_WARMUP ?? 60);
const STORAGE_MODE = (process.env.BENCH_STORAGE_MODE ?? 'proxied') as StorageMode;

const GALLERY = 'query($id: ID!) { job(id: $id) { images(first: 500) { nodes { id selectionState downloadable thumbnailUrl } } } }';

interface GalleryNode {
  id: string;
  selectionState: string;
  downloadable: boolean;
  thumbnailUrl: string | null;
}

/** The hand-written endpoint's one query: the viewer, the job and its images, visibility (rule 2) in the WHERE. */
const GALLERY_SQL = `
  SELECT i.id, i.status, i.selection_state,
         i.renditions -> 'thumbnail' ->> 'key' AS thumbnail_key,
         i.renditions -> 'thumbnail_watermarked' ->> 'key' AS thumbnail_watermarked_key,
         j.id AS job_id, j.status AS job_status, j.all_images_included, j.customer_id,
         u.role, u.active, u.customer_id AS user_customer_id,
         EXISTS (SELECT 1 FROM selection_locks l WHERE l.image_id = i.id) AS locked
    FROM users u
    JOIN jobs j ON j.id = $2
    JOIN images i ON i.job_id = j.id
   WHERE u.id = $1 AND u.active
     AND (u.role IN ('STAFF', 'ADMIN') OR (j.customer_id = u.customer_id AND j.status = 'DELIVERED' AND i.status = 'READY'))
   ORDER BY i.created_at, i.id
   LIMIT $3`;

interface GalleryRow {
  id: string;
  status: ImageStatus;
  selection_state: SelectionState;
  thumbnail_key: string | null;
  thumbnail_watermarked_key: string | null;
  job_id: string;
  job_status: ImageFacts['jobStatus'];
  all_images_included: boolean;
  customer_id: string;
  role: User['role'];
  active: boolean;
  user_customer_id: string | null;
  locked: boolean;
}

type GalleryPage = (bearer: string | undefined, jobId: string) => Promise<GalleryNode[] | null>;

/** The hand-written page: verify the token, one SQL query, the policy's two decisions, signed URLs. */
function handWrittenPage(services: Services, pool: pg.Pool, storageMode: StorageMode): GalleryPage {
  const { config, urlTokens, storage, accessTokens } = services;
  // As MediaUrls: expiry rounded to a window so URLs are stable within it.
  const windowSeconds = Math.max(1, Math.min(60, Math.floor(config.signedUrlTtlSeconds / 5)));

  const page = async (bearer: string | undefined, jobId: string): Promise<GalleryNode[] | null> => {
    const userId = bearer ? (await accessTokens.verify(bearer))?.userId : null;
    if (!userId) return null;
    const { rows } = await pool.query<GalleryRow>(GALLERY_SQL, [userId, jobId, IMAGES]);
    const windowStartSeconds = Math.floor(Date.now() / 1000 / windowSeconds) * windowSeconds;
    const expiresAt = new Date((windowStartSeconds + config.signedUrlTtlSeconds) * 1000);
    const signingDate = new Date(windowStartSeconds * 1000);
    const nodes: GalleryNode[] = [];
    for (const row of rows) {
      const viewer = { id: userId, role: row.role, active: row.active, customer: row.user_customer_id ? { id: row.user_customer_id } : null } as unknown as User;
      const facts: ImageFacts = {
        imageId: row.id,
        imageStatus: row.status,
        selectionState: row.selection_state,
        jobId: row.job_id,
        jobStatus: row.job_status,
        allImagesIncluded: row.all_images_included,
        customerId: row.customer_id,
        locked: row.locked,
        source: null,
      };
      let thumbnailUrl: string | null = null;
      if (row.status === ImageStatus.READY) {
        const clean = renditionVariant(viewer, facts) === 'clean';
        const kind: RenditionKind = clean ? 'thumbnail' : 'thumbnail_watermarked';
        const key = clean ? row.thumbnail_key : row.thumbnail_watermarked_key;
        if (key) {
          thumbnailUrl =
            storageMode === 'presigned'
              ? await storage.presignGet(key, { expiresInSeconds: config.signedUrlTtlSeconds, signingDate })
              : `${config.publicUrl}/media/${urlTokens.sign<MediaTokenClaims>('media', { u: userId, img: row.id, k: kind }, expiresAt)}`;
        }
      }
      nodes.push({ id: row.id, selectionState: row.selection_state, downloadable: isReleased(facts), thumbnailUrl });
    }
    return nodes;
  };
  return page;
}

/** node:http + the hand-written page + JSON.stringify: what the same page costs without the framework. */
function handWrittenEndpoint(page: GalleryPage): http.Server {
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const header = req.headers.authorization;
      const bearer = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
      let jobId: string;
      try {
        jobId = String(JSON.parse(Buffer.concat(chunks).toString('utf8')).variables.id);
      } catch {
        res.writeHead(400).end();
        return;
      }
      page(bearer, jobId).then(
        (nodes) => {
          const body = JSON.stringify(nodes ? { data: { job: { images: { nodes } } } } : { errors: [{ message: 'Sign in first.' }] });
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
          res.end(body);
        },
        (error) => {
          console.error('hand-written endpoint failed:', error);
          res.writeHead(500).end();
        },
      );
    });
  });
}


/** Two Apollo servers, identical except for the schema, on one express app: POST /on and POST /off. */
async function shieldOnOffApp(services: Services): Promise<{ server: http.Server; stop(): Promise<void> }> {
  const apollo = (schema: GraphQLSchema) =>
    new ApolloServer<RequestContext>({
      schema,
      introspection: false,
      includeStacktraceInErrorResponses: false,
      csrfPrevention: true,
      formatError: (formatted, error) => maskError(formatted, error, (cause) => services.logger.error({ err: cause }, 'unexpected error in a resolver')),
    });
  const on = apollo(await buildExecutableSchema());
  const off = apollo(await buildPublicSchema());
  await Promise.all([on.start(), off.start()]);
  const app = express();
  app.disable('x-powered-by');
  const context = async ({ req }: { req: Request }) => contextFor(services, req, randomUUID(), services.logger);
  app.use('/on', express.json({ limit: '1mb' }), expressMiddleware(on, { context }));
  app.use('/off', express.json({ limit: '1mb' }), expressMiddleware(off, { context }));
  const server = http.createServer(app);
  return { server, stop: async () => void (await Promise.all([on.stop(), off.stop()])) };
}

/**
 * The GraphQL engine's floor: Apollo and graphql-js (no type-graphql, MikroORM, shield or policy
 * module) executing the same query over an SDL schema whose one resolver returns the hand-written
 * page's nodes, read by graphql-js's default resolvers. No implementation on Apollo + graphql-js
 * can be cheaper than this, so floor / sql bounds what /graphql / sql can reach.
 */
async function engineFloorApp(page: GalleryPage): Promise<{ server: http.Server; stop(): Promise<void> }> {
  const schema = buildSchema(`
    type Query { job(id: ID!): Job }
    type Job { images(first: Int): ImageConnection! }
    type ImageConnection { nodes: [Image!]! }
    enum SelectionState { ${Object.values(SelectionState).join(' ')} }
    type Image { id: ID! selectionState: SelectionState! downloadable: Boolean! thumbnailUrl: String }
  `);
  const rootValue = {
    job: async ({ id }: { id: string }, context: { bearer?: string }) => {
      const nodes = await page(context.bearer, id);
      return nodes && { images: { nodes } };
    },
  };
  const apollo = new ApolloServer<{ bearer?: string }>({ schema, rootValue, introspection: false, csrfPrevention: true });
  await apollo.start();
  const app = express();
  app.disable('x-powered-by');
  const context = async ({ req }: { req: Request }) => ({ bearer: req.headers.authorization?.slice('Bearer '.length).trim() });
  app.use('/floor', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context }));
  return { server: http.createServer(app), stop: () => apollo.stop() };
}

const listen = async (server: http.Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

async function post(url: string, token: string, jobId: string): Promise<{ data?: { job: { images: { nodes: GalleryNode[] } } }; errors?: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: GALLERY, variables: { id: jobId } }),
  });
  return response.json() as Promise<any>;
}

run(async () => {
  const started = performance.now();
  const bench = await startBenchServer({ storageMode: STORAGE_MODE });
  const client = new LoadClient();
  const pool = new pg.Pool({ connectionString: bench.databaseUrl, max: 10 });
  pool.on('error', (error) => console.error('hand-written endpoint: idle PostgreSQL client failed:', error.message));
  const servers: http.Server[] = [];
  let onOff: Awaited<ReturnType<typeof shieldOnOffApp>> | undefined;
  let floor: Awaited<ReturnType<typeof engineFloorApp>> | undefined;
  try {
    const { services } = bench.server;
    const cast = await makeCast(bench, { includedImages: 10, allImagesIncluded: false });

    // 500 READY rows (renditions point at fake keys; nothing is fetched), every selection state in turn.
    await insertReadyImageRows(services.orm.em.fork(), { customerId: cast.customer.id, jobId: cast.job.id, count: IMAGES });

    const page = handWrittenPage(services, pool, STORAGE_MODE);
    const sqlServer = handWrittenEndpoint(page);
    servers.push(sqlServer);
    onOff = await shieldOnOffApp(services);
    servers.push(onOff.server);
    floor = await engineFloorApp(page);
    servers.push(floor.server);
    const sqlUrl = await listen(sqlServer);
    const onOffUrl = await listen(onOff.server);
    const floorUrl = await listen(floor.server);
    const endpoints = {
      graphql: `${bench.server.url}/graphql`,
      sql: sqlUrl,
      on: `${onOffUrl}/on`,
      off: `${onOffUrl}/off`,
      floor: `${floorUrl}/floor`,
    } as const;
    type Name = keyof typeof endpoints;
    const names = Object.keys(endpoints) as Name[];

    // Every endpoint serves the same page: same ids, states and downloadable, and (within one signing
    // window) the same URLs. Different URLs mean MediaUrls now signs something else than the
    // hand-written endpoint does (see `page` above): a warning, since the cost is still alike.
    const pages = async () => Promise.all(names.map(async (name) => [name, await post(endpoints[name], cast.token, cast.job.id)] as const));
    let checked = await pages();
    const nodesOf = (page: (typeof checked)[number][1], withUrls: boolean) =>
      JSON.stringify(page.data?.job.images.nodes.map((node) => (withUrls ? node : { ...node, thumbnailUrl: node.thumbnailUrl === null ? null : 'url' })));
    const same = (withUrls: boolean) => checked.every(([, page]) => nodesOf(page, withUrls) === nodesOf(checked[0]![1], withUrls));
    if (!same(true)) checked = await pages(); // a signing window may have turned in between
    for (const [name, page] of checked) {
      if (page.errors || page.data?.job.images.nodes.length !== IMAGES) throw new Error(`${name} did not answer the gallery: ${JSON.stringify(page).slice(0, 500)}`);
    }
    const example = () => checked.map(([name, page]) => `${name}: ${JSON.stringify(page.data?.job.images.nodes[1])}`).join('\n  ');
    if (!same(false)) throw new Error(`the endpoints disagree on the gallery:\n  ${example()}`);
    if (!same(true)) console.warn(`WARNING: the thumbnail URLs differ between endpoints; update the hand-written signing in bench/gallery.ts to match MediaUrls:\n  ${example()}`);
    const sample = checked[0]![1].data!.job.images.nodes;
    console.log(
      `${IMAGES} images, ${sample.filter((node) => node.downloadable).length} downloadable, storage mode ${STORAGE_MODE}; ` +
        `all ${names.length} endpoints return the same nodes (e.g. ${sample[1]!.thumbnailUrl?.slice(0, 60)}…)`,
    );

    const body = JSON.stringify({ query: GALLERY, variables: { id: cast.job.id } });
    const load = (name: Name, requests: number) =>
      client.load({
        url: endpoints[name],
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${cast.token}` },
        body,
        concurrency: CONCURRENCY,
        requests,
      });
    const checkResult = (name: Name, result: LoadResult) => {
      if (result.failed > 0) throw new Error(`${name}: ${result.failed} of ${result.requests} requests failed; first: ${result.firstProblem}`);
    };

    for (const name of names) checkResult(name, await load(name, WARMUP));

    const results = Object.fromEntries(names.map((name) => [name, []])) as unknown as Record<Name, LoadResult[]>;
    const cpuPerRequest = Object.fromEntries(names.map((name) => [name, []])) as unknown as Record<Name, number[]>;
    for (let round = 1; round <= ROUNDS; round++) {
      // Alternate the order so a drift in machine load does not favour one endpoint.
      const order = round % 2 ? names : [...names].reverse();
      const line: string[] = [];
      for (const name of order) {
        mark(`${name}-${round}-start`);
        const cpu0 = process.cpuUsage();
        const result = await load(name, REQUESTS);
        const cpu = process.cpuUsage(cpu0);
        mark(`${name}-${round}-end`);
        checkResult(name, result);
        results[name].push(result);
        cpuPerRequest[name].push((cpu.user + cpu.system) / 1000 / REQUESTS);
        line.push(`${name} ${fmt(result.requestsPerSecond, 1)} req/s, CPU ${fmt(cpuPerRequest[name].at(-1)!, 1)} ms/req`);
      }
      console.log(`round ${round}: ${line.join(' | ')}`);
    }

    const rps = (name: Name) => median(results[name].map((result) => result.requestsPerSecond));
    // Each round measures the two endpoints of a pair back to back, so their ratio within a round is
    // what a drift in background load disturbs least; the figure is the median of those ratios.
    const roundRatios = (a: Name, b: Name) => results[a].map((result, index) => result.requestsPerSecond / results[b][index]!.requestsPerSecond);
    const perRound = (a: Name, b: Name) => roundRatios(a, b).map((ratio) => fmt(ratio, 3)).join(', ');
    const graphqlVsSql = median(roundRatios('graphql', 'sql'));
    const onVsOff = median(roundRatios('on', 'off'));
    console.log(
      `\nmedian of ${ROUNDS} rounds (${REQUESTS} requests each, ${CONCURRENCY} concurrent, body ${results.graphql[0]!.bodyBytes.max} bytes): ` +
        names.map((name) => `${name} ${fmt(rps(name), 1)} req/s`).join(', '),
    );
    console.log(`graphql / sql: median of per-round ratios ${fmt(graphqlVsSql, 3)} (per round ${perRound('graphql', 'sql')}); ratio of medians ${fmt(rps('graphql') / rps('sql'), 3)}`);
    console.log(`shield on / off: median of per-round ratios ${fmt(onVsOff, 3)} (per round ${perRound('on', 'off')}); ratio of medians ${fmt(rps('on') / rps('off'), 3)}`);
    console.log(
      `engine floor (Apollo + graphql-js over the hand-written page) / sql: median of per-round ratios ${fmt(median(roundRatios('floor', 'sql')), 3)} ` +
        `(per round ${perRound('floor', 'sql')}); /graphql / floor ${fmt(median(roundRatios('graphql', 'floor')), 3)}`,
    );
    console.log(`product /graphql / bench "on" (express + pino-http + the app's middleware vs a bare Apollo): ${fmt(median(roundRatios('graphql', 'on')), 3)}`);
    const cpu = (name: Name) => median(cpuPerRequest[name]);
    console.log(
      `CPU of this process per request (median): ${names.map((name) => `${name} ${fmt(cpu(name), 1)} ms`).join(', ')}; ` +
        `as ratios: sql/graphql ${fmt(cpu('sql') / cpu('graphql'), 3)}, sql/floor ${fmt(cpu('sql') / cpu('floor'), 3)}, off/on ${fmt(cpu('off') / cpu('on'), 3)}`,
    );

    const figures: Figure[] = [
      { name: 'gallery /graphql / hand-written SQL+JSON (req/s)', value: graphqlVsSql, unit: '', target: { op: '>=', value: 0.5 }, digits: 3 },
      { name: 'gallery shield on / off (req/s)', value: onVsOff, unit: '', target: { op: '>=', value: 0.9 }, digits: 3 },
      { name: 'engine floor / hand-written (informational)', value: median(roundRatios('floor', 'sql')), unit: '', digits: 3 },
    ];
    printTable(`Gallery of ${IMAGES} images (${STORAGE_MODE} URLs), ${ROUNDS} rounds, total ${fmt((performance.now() - started) / 1000, 0)} s`, figures, {
      images: IMAGES,
      concurrency: CONCURRENCY,
      requests: REQUESTS,
      rounds: ROUNDS,
      warmup: WARMUP,
      storageMode: STORAGE_MODE,
    });
  } finally {
    await client.close();
    for (const server of servers) if (server.listening) await new Promise((resolve) => server.close(resolve));
    await onOff?.stop();
    await floor?.stop();
    await pool.end();
    await bench.close();
  }
});
