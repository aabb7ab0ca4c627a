import fs from 'node:fs';
import zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import path from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import { validatorCompiler } from './platform/http/validator.js';
import type { Config } from './platform/config.js';
import type { Database } from './platform/db/database.js';
import { createAuthService, SEND_MAIL_JOB } from './platform/auth/service.js';
import { registerAuthRoutes } from './platform/auth/routes.js';
import { createOidc } from './platform/auth/oidc.js';
import { registerOidcRoutes } from './platform/auth/oidc-routes.js';
import { registerAuthentication } from './platform/http/authenticate.js';
import { errorHandler } from './platform/http/errors.js';
import { AppError } from './platform/errors.js';
import { createJobQueue } from './platform/jobs/queue.js';
import { createMailer, type Mail } from './platform/mail/mailer.js';
import { requireContract } from './platform/http/contract.js';
import { registerIdempotency } from './platform/http/idempotency.js';
import { registerNotificationRoutes } from './platform/notifications/notifications.js';
import { resolveSecretKey } from './platform/crypto/secrets.js';
import { createLogger } from './platform/logger.js';
import { registerPermissions } from './platform/access/permissions.js';
import { createLiveBus } from './platform/live/bus.js';
import { createClock } from './platform/clock.js';
import { createModuleServices, type ModuleManifest, type PlatformServices, type Services } from './platform/module.js';
import { encryptedFolderStore } from './platform/files/store.js';
import { MODULES } from './modules/index.js';

export const WEB_DIST = path.resolve(import.meta.dirname, '../../dist/web');

/** Everything the app needs, built once: the CLI commands share it with the HTTP server. */
export function createServices(config: Config, db: Database, modules: readonly ModuleManifest[] = MODULES): Services {
  const logger = createLogger(config);
  db.onConnectionError = (err) => logger.warn({ err: err.message }, 'database connection lost; reconnecting on the next query');
  const jobs = createJobQueue(db, logger);
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir });
  jobs.define<Mail>({ name: SEND_MAIL_JOB, handler: (mail) => mailer.send(mail), retryLimit: 8, retryDelay: 30 });
  const secretKey = resolveSecretKey(config.secretKey, config.dataDir, config.env === 'production');
  const auth = createAuthService({ db, jobs, secretKey, production: config.env === 'production', publicUrl: config.publicUrl, issuer: 'NCPP' });
  const oidc = config.oidc ? createOidc({ ...config.oidc, redirectUri: `${config.publicUrl}/api/v1/auth/oidc/callback` }, db, secretKey) : undefined;
  const files = encryptedFolderStore(config.filesDir, secretKey);
  const platform: PlatformServices = { config, db, logger, jobs, mailer, secretKey, files, auth, oidc, live: createLiveBus(), clock: createClock(config.clockControl), modules };
  for (const m of modules) registerPermissions(m.name, m.permissions);
  const services = createModuleServices(platform, modules);
  for (const m of modules) for (const job of m.jobs?.(services) ?? []) jobs.define(job);
  return services;
}

export type { Services };

/** CSP sources for the inline scripts of a page (`'sha256-…'`), so they run and nothing else inline does. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]!, 'utf8').digest('base64')}'`);
}

export async function buildApp(services: Services): Promise<FastifyInstance> {
  const { config, db, auth } = services;
  // Every module's in-memory caches filled now, on the pool: a request that first needs one
  // inside a transaction (a place checked while a case is opened) must not ask PGlite's one
  // connection for it a second time.
  for (const m of services.modules) await m.warm?.(services);
  const app = Fastify({
    loggerInstance: services.logger as unknown as FastifyBaseLogger,
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    // API answers may carry personal data: no browser or proxy keeps a copy, unless a route
    // said otherwise (public reference data such as the GeoJSON maps).
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    // The app's files come as brotli, gzip or plain by the request's Accept-Encoding: a cache
    // between the server and the phone must keep them apart.
    else if (req.url.startsWith('/assets/')) reply.header('vary', 'accept-encoding');
  });

  // Compressed answers for slow links: JSON and the app's index.html, brotli at a level that
  // costs little CPU (static assets are compressed once, at build, at the highest level). Not
  // the sign-in routes: their answers carry the CSRF token, and a compressed secret beside
  // text an attacker can influence leaks through the size (BREACH).
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/v1/auth/')) route.compress = false;
  });
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'], brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } } });
  await app.register(cookie);
  const indexHtml = fs.existsSync(path.join(WEB_DIST, 'index.html')) ? fs.readFileSync(path.join(WEB_DIST, 'index.html')) : null;
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // The page-load script inlined in index.html (src/build/early-requests.ts), by its hash.
        scriptSrc: ["'self'", ...(indexHtml ? inlineScriptHashes(indexHtml.toString('utf8')) : [])],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // The API docs page is served by swagger-ui with its own inline assets.
    hsts: config.trustProxy,
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'NCPP API', version: '1', description: 'National Child Protection Platform. Authenticate with a session cookie (+ X-CSRF-Token) or `Authorization: Bearer <token>`.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  registerAuthentication(app, auth);
  registerIdempotency(app, db);
  requireContract(app);

  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    try {
      await db.exec('SELECT 1');
      return { status: 'ready', db: db.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });

  registerAuthRoutes(app, auth, db, { secureCookies: config.publicUrl.startsWith('https:'), loginRateLimit: config.loginRateLimit });
  registerOidcRoutes(app, services.oidc, auth, { secureCookies: config.publicUrl.startsWith('https:'), publicUrl: config.publicUrl });
  registerNotificationRoutes(app, db);
  for (const m of services.modules) m.routes?.(app, services);

  // The web app: hashed assets cached for a year, index.html for every client-side route.
  if (indexHtml) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, maxAge: '365d', immutable: true, index: false, preCompressed: true });
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/')) throw new AppError('not_found');
      return reply.type('text/html').header('cache-control', 'no-cache').send(indexHtml);
    });
  } else {
    app.setNotFoundHandler(() => {
      throw new AppError('not_found');
    });
  }
  return app;
}
