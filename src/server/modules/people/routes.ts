import type { FastifyInstance } from 'fastify';
import { peopleApi } from '../../../shared/people.js';
import { routesFrom } from '../../platform/http/contract.js';
import { actorOf, auditContext, requestLang } from '../../platform/http/context.js';
import { AppError } from '../../platform/errors.js';
import type { Services } from '../../platform/module.js';

/**
 * The web upload's limits: it is checked and written while the request waits (on PGlite the
 * only connection), so bigger lists go through `ncpp import people`.
 */
const UPLOAD_LIMIT = 20 * 1024 * 1024;
const UPLOAD_ROWS = 50_000;

export function registerPeopleRoutes(app: FastifyInstance, { linkage, peopleImporter }: Services) {
  const on = routesFrom(app, peopleApi, ['people']);

  on('GET /api/v1/people/matches', {}, async (req) => ({ items: await linkage.matches(actorOf(req), req.query, auditContext(req), requestLang(req)) }));
  on('GET /api/v1/people/review', {}, async (req) => linkage.reviewQueue(actorOf(req), req.query, auditContext(req), requestLang(req)));
  on('POST /api/v1/people/review', {}, async (req) => linkage.decide(actorOf(req), req.body, auditContext(req)));
  on('GET /api/v1/people/counts', {}, async (req) => linkage.counts(actorOf(req), requestLang(req)));
  // The CSV body as bytes (a file that is not UTF-8 is refused, not read with replacement characters); each route sets its own size limit.
  if (!app.hasContentTypeParser('text/csv')) app.addContentTypeParser('text/csv', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  on('POST /api/v1/people/imports', { bodyLimit: UPLOAD_LIMIT }, async (req, reply) => {
    const content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const result = await peopleImporter.importFile(actorOf(req), { source: req.query.source, fileName: 'upload.csv', content, again: req.query.again === 'true', maxRows: UPLOAD_ROWS }, auditContext(req));
    if (result.status === 'rejected') throw new AppError('validation', 'people_import_rejected', result.issues, { count: result.issueCount });
    return reply.status(201).send({ rows: result.rows, source: result.source });
  });
  on('GET /api/v1/people/:id', {}, async (req) => linkage.person(actorOf(req), req.params.id, auditContext(req), requestLang(req)));
  on('POST /api/v1/people/:id/split', {}, async (req) => linkage.split(actorOf(req), req.params.id, req.body, auditContext(req)));
  on('POST /api/v1/people/changes/:id/undo', {}, async (req) => linkage.undo(actorOf(req), req.params.id, auditContext(req)));
}
