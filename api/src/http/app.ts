import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request, type Response } from 'express';
import type { Server } from 'node:http';
import type { RequestContext } from '../graphql/context.js';
import { maskError } from '../graphql/errors.js';
import { createLoaders } from '../graphql/loaders.js';
import { graphqlArmor } from '../graphql/armor.js';
import { rateLimitStatusPlugin } from '../graphql/rate-limit-status.js';
import { listSizeLimitPlugin } from '../graphql/list-size-limit.js';
import helmet from 'helmet';
import { corsPolicy } from './cors.js';
import { generalRateLimit } from './general-rate-limit.js';
import { downloadRoutes } from './download-routes.js';
import { buildExecutableSchema } from '../graphql/schema.js';
import type { Logger } from '../logger.js';
import type { Services } from '../services.js';
import { healthRoutes } from './health.js';
import { mediaRoute } from './media-route.js';
import { guarded, open } from './guarded.js';
import { mountAdminApp } from './admin-app.js';
import { mountClientApp } from './client-app.js';
import { methodNotAllowed } from './method-not-allowed.js';
import { uploadRoute } from './upload-route.js';
import { replicateWebhookRoute } from './replicate-webhook-route.js';
import { jsonErrors, notFound } from './error-handlers.js';
import { requestLogging } from './request-logging.js';
import { sessionCookieWriter } from './session-cookie-writer.js';
import { SESSION_APPS, sessionRoutes } from './session-routes.js';
import { requireJsonBody } from './require-json-body.js';
import { apolloLogger } from '../graphql/apollo-logger.js';
import { graphqlOverHttpStatusPlugin } from '../graphql/http-status.js';
import type { ReplicateWebhookReceiver } from '../modules/enhancements/providers/replicate-provider.js';

export interface HttpAppOptions {
  /** The Replicate provider of this process; with a webhook secret configured, POST /webhooks/replicate feeds it. */
  replicateWebhooks?: ReplicateWebhookReceiver;
}

/** The Express app: GraphQL at /graphql plus the few plain HTTP routes the API serves itself. */
export async function createHttpApp(services: Services, httpServer: Server, options: HttpAppOptions = {}) {
  const { logger, orm, config } = services;
  const app = express();
  app.disable('x-powered-by');
  // Express would hash every response body for an ETag; GraphQL answers POSTs, which nothing caches.
  app.set('etag', false);
  // X-Forwarded-For is believed only from the proxies listed in TRUSTED_PROXIES.
  app.set('trust proxy', config.trustedProxies.length > 0 ? config.trustedProxies : false);
  app.use(requestLogging(logger));

  app.use(helmet({ contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } }, crossOriginResourcePolicy: { policy: 'cross-origin' } }));
  app.use(corsPolicy(services));
  app.use(generalRateLimit(services));

  // Every route declares its one permission here and asks the access module for it (guarded.ts).
  const health = healthRoutes(services);
  app.route('/healthz').get(guarded(services, 'health.read', open(health.live))).all(methodNotAllowed(['GET']));
  app.route('/readyz').get(guarded(services, 'health.read', open(health.ready))).all(methodNotAllowed(['GET']));
  const tokenDeps = { orm, storage: services.storage, urlTokens: services.urlTokens, logger, uploads: services.uploadReceiver };
  app.route('/uploads/:token').put(guarded(services, 'image.upload', uploadRoute(tokenDeps))).all(methodNotAllowed(['PUT']));
  app.route('/media/:token').get(guarded(services, 'image.preview', mediaRoute(tokenDeps))).all(methodNotAllowed(['GET']));
  const downloads = downloadRoutes(services);
  for (const { app: webApp, path } of SESSION_APPS) {
    const routes = sessionRoutes(services, webApp);
    app.route(`${path}/refresh`).post(guarded(services, 'session.refresh', open(routes.refresh))).all(methodNotAllowed(['POST']));
    app.route(`${path}/logout`).post(guarded(services, 'session.end', open(routes.logout))).all(methodNotAllowed(['POST']));
  }
  app.route('/downloads/images/:ticket').get(guarded(services, 'image.download', downloads.image)).all(methodNotAllowed(['GET']));
  app.route('/downloads/archive/:ticket').get(guarded(services, 'job.download', downloads.archive)).all(methodNotAllowed(['GET']));
  const replicateWebhook = config.enhancementProviders.replicate?.webhook;
  if (replicateWebhook && options.replicateWebhooks) {
    const route = replicateWebhookRoute({ secret: replicateWebhook.secret, receiver: options.replicateWebhooks, logger });
    app.route('/webhooks/replicate').post(guarded(services, 'webhook.receive', open(route))).all(methodNotAllowed(['POST']));
  }

  const armor = graphqlArmor({ production: config.isProduction });
  const apollo = new ApolloServer<RequestContext>({
    schema: await buildExecutableSchema(),
    logger: apolloLogger(logger),
    introspection: !config.isProduction,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    validationRules: armor.validationRules as never,
    parseOptions: armor.parseOptions,
    formatError: (formatted, error) => maskError(formatted, error, (cause) => logger.error({ err: cause }, 'unexpected error in a resolver')),
    // Armor is typed against Apollo's CommonJS build; the plugins are the same objects.
    // Cache-control hints are unused, and the plugin wraps every field resolver to collect them.
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginCacheControlDisabled(), ...(armor.plugins as unknown as ApolloServerPlugin<RequestContext>[]), listSizeLimitPlugin, rateLimitStatusPlugin, graphqlOverHttpStatusPlugin],
  });
  await apollo.start();
  const graphql = [
    // Open to anyone: each operation inside declares and checks its own permission.
    guarded(services, 'graphql.execute', open((_req, _res, next) => next())),
    requireJsonBody,
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => contextFor(services, req, String(req.id), req.log, res),
    }),
  ];
  app.route('/graphql').get(graphql).post(graphql).all(methodNotAllowed(['GET', 'POST']));

  // The back office at /admin (its own CSP; HTML GETs of its routes fall back to its index.html).
  mountAdminApp(app, services);
  // The customer client at / (last: it never answers the API's own paths, see client-app.ts).
  mountClientApp(app, services);
  app.use(notFound);
  app.use(jsonErrors(logger));
  return { app, apollo };
}

/** One request's context: its caller (from the bearer token), its own EntityManager, loaders and access module. */
export async function contextFor(services: Services, req: Request, requestId = String(req.id), logger: Logger = req.log, res?: Response): Promise<RequestContext> {
  const em = services.orm.em.fork();
  const header = req.headers.authorization;
  const bearer = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
  const user = await services.auth.authenticate(em, bearer);
  const access = services.accessFor(em, user ? { kind: 'user', user } : null, { ip: req.ip, requestId, via: 'graphql' });
  return { requestId, receivedAt: Date.now(), ip: req.ip, user, em, logger, services, loaders: createLoaders(em), access, sessionCookies: sessionCookieWriter(req, res) };
}
