import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
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
import { registerNotificationRoutes } from './platform/notifications/notifications.js';
import { resolveSecretKey } from './platform/crypto/secrets.js';
import { createLogger } from './platform/logger.js';
import { loadCountry } from './modules/geo/country.js';
import { createGeoService } from './modules/geo/service.js';
import { registerGeoRoutes } from './modules/geo/routes.js';
import { createAdminService } from './modules/admin/service.js';
import { registerAdminRoutes } from './modules/admin/routes.js';
import { loadTaxonomies } from './modules/people/taxonomies.js';
import { createCaseService } from './modules/cases/service.js';
import { registerCaseRoutes } from './modules/cases/routes.js';
import { createCaseImporter } from './modules/cases/import.js';
import { createWorkflow } from './modules/cases/workflow.js';
import { createNotesAndFiles } from './modules/cases/notes-files.js';
import { createCaseExporter } from './modules/cases/export.js';
import { createTransfers } from './modules/cases/transfer.js';
import { createBestInterest } from './modules/cases/bid.js';
import { encryptedFolderStore } from './platform/files/store.js';
import { createReferralService } from './modules/referrals/service.js';
import { DAILY_DIGEST_JOB, digestMail } from './modules/cases/digest.js';
import { registerReferralRoutes } from './modules/referrals/routes.js';

export const WEB_DIST = path.resolve(import.meta.dirname, '../../dist/web');

/** Everything the app needs, built once: the CLI commands share it with the HTTP server. */
export function createServices(config: Config, db: Database) {
  const logger = createLogger(config);
  const country = loadCountry(config.referenceDataDir, config.country);
  const jobs = createJobQueue(db, logger);
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir });
  jobs.define<Mail>({ name: SEND_MAIL_JOB, handler: (mail) => mailer.send(mail), retryLimit: 8, retryDelay: 30 });
  const secretKey = resolveSecretKey(config.secretKey, config.dataDir, config.env === 'production');
  const auth = createAuthService({ db, jobs, secretKey, production: config.env === 'production', publicUrl: config.publicUrl, issuer: 'NCPP' });
  const oidc = config.oidc ? createOidc({ ...config.oidc, redirectUri: `${config.publicUrl}/api/v1/auth/oidc/callback` }, db, secretKey) : undefined;
  const geo = createGeoService(db, country, config.referenceDataDir);
  const admin = createAdminService(db, geo);
  const taxonomies = loadTaxonomies(config.referenceDataDir);
  const cases = createCaseService(db, geo, taxonomies, country.code);
  const workflow = createWorkflow(db, cases);
  const caseImporter = createCaseImporter(db, geo, taxonomies, country.code);
  const referrals = createReferralService(db, cases, geo);
  const files = encryptedFolderStore(config.filesDir, secretKey);
  const notesFiles = createNotesAndFiles(db, files, cases);
  const caseExporter = createCaseExporter(db, taxonomies);
  const transfers = createTransfers(db, geo, cases);
  const bids = createBestInterest(db, cases);
  jobs.define<Record<string, never>>({
    name: DAILY_DIGEST_JOB,
    schedule: { cron: '0 8 * * *', tz: country.timezone },
    handler: async () => {
      for (const d of await cases.digests()) {
        await db.tx((tx) => jobs.enqueue(tx, SEND_MAIL_JOB, digestMail(d, config.publicUrl)));
      }
    },
  });
  return { config, db, logger, country, jobs, mailer, secretKey, auth, oidc, geo, admin, taxonomies, cases, workflow, caseImporter, referrals, notesFiles, caseExporter, transfers, bids };
}

export type Services = ReturnType<typeof createServices>;

export async function buildApp(services: Services): Promise<FastifyInstance> {
  const { config, db, auth, geo, admin, jobs } = services;
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
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
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
  registerGeoRoutes(app, geo);
  registerAdminRoutes(app, admin, jobs);
  registerCaseRoutes(app, services.cases, services.workflow, services.caseImporter, services.notesFiles, services.caseExporter, services.transfers, services.bids, services.taxonomies);
  registerReferralRoutes(app, services.referrals, services.cases);

  // The web app: hashed assets cached for a year, index.html for every client-side route.
  if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, maxAge: '365d', immutable: true, index: false });
    const indexHtml = fs.readFileSync(path.join(WEB_DIST, 'index.html'));
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
