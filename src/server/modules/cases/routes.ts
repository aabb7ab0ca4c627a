import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CaseImport } from '../../../shared/cases.js';
import { casesApi } from '../../../shared/cases-api.js';
import { routesFrom } from '../../platform/http/contract.js';
import { actorOf, auditContext, requestLang } from '../../platform/http/context.js';
import { localiseIssues } from '../../platform/http/errors.js';
import type { Services } from '../../platform/module.js';
import { printableCaseFile } from './core/print.js';

export function registerCaseRoutes(app: FastifyInstance, services: Services) {
  const { cases, workflow, caseImporter: importer, notesFiles, caseExporter: exporter, transfers, bids, consents, taxonomies } = services;
  const on = routesFrom(app, casesApi, ['cases']);

  on('GET /api/v1/cases', {}, async (req) =>
    cases.search(actorOf(req), req.query),
  );
  on('GET /api/v1/caseload', {}, async (req) => cases.caseload(actorOf(req)));
  on('POST /api/v1/cases', {}, async (req, reply) =>
    reply.status(201).send(await cases.register(actorOf(req), req.body, auditContext(req))),
  );
  on('GET /api/v1/cases/:id', {}, async (req) =>
    cases.get(actorOf(req), req.params.id, auditContext(req)),
  );
  on('POST /api/v1/cases/:id/steps/:step', {}, async (req) =>
    workflow.submitStep(actorOf(req), req.params.id, req.params.step, req.body, auditContext(req)),
  );
  on('POST /api/v1/cases/:id/plan-decision', {}, async (req) =>
    workflow.decide(actorOf(req), req.params.id, 'plan', req.body, auditContext(req)),
  );
  on('POST /api/v1/cases/:id/closure-decision', {}, async (req) =>
    workflow.decide(actorOf(req), req.params.id, 'closure', req.body, auditContext(req)),
  );
  on('POST /api/v1/cases/:id/reopen', {}, async (req) =>
    workflow.reopen(actorOf(req), req.params.id, req.body.reason, auditContext(req)),
  );

  on('POST /api/v1/cases/:id/break-glass', { config: { rateLimit: { max: 10, timeWindow: '1 hour' } } }, async (req) => cases.breakGlass(actorOf(req), req.params.id, req.body.reason, auditContext(req)));

  on('GET /api/v1/cases/:id/notes', {}, async (req) => notesFiles.list(actorOf(req), req.params.id, auditContext(req)));
  on('POST /api/v1/cases/:id/notes', {}, async (req, reply) => {
    await notesFiles.addNote(actorOf(req), req.params.id, req.body.body, auditContext(req));
    return reply.status(201).send({ ok: true as const });
  });
  // Attachments: the file is the body (any content type), its name in ?filename=. Limits and types are checked by content.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: 11 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  on('POST /api/v1/cases/:id/attachments', { bodyLimit: 11 * 1024 * 1024 }, async (req, reply) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    return reply.status(201).send(await notesFiles.attach(actorOf(req), req.params.id, req.query.filename, body, auditContext(req)));
  });
  on('GET /api/v1/cases/:id/attachments/:attachmentId', {}, async (req, reply) => {
    const file = await notesFiles.download(actorOf(req), req.params.id, req.params.attachmentId, auditContext(req));
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(file.content);
  });

  on('POST /api/v1/cases/export', { config: { rateLimit: { max: 20, timeWindow: '1 hour' } } }, async (req, reply) => {
    const file = await exporter.export(actorOf(req), req.body, auditContext(req));
    return reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).header('cache-control', 'no-store').send(file.content);
  });
  // The printable case file: one HTML page in the reader's language holding every part of the
  // file; reading it is audited like any case read (once: the parts are read after the case).
  on('GET /api/v1/cases/:id/print', {}, async (req, reply) => {
    const actor = actorOf(req);
    const ctx = auditContext(req);
    const detail = await cases.get(actor, req.params.id, ctx);
    // Referrals are listed after cases, so they are asked at call time, as caseloads do.
    const [family, consentList, referrals, bidList, notes] = await Promise.all([
      cases.family(actor, detail.id, ctx), consents.list(actor, detail.id, ctx), services.referrals.forCase(actor, detail.id, ctx),
      bids.list(actor, detail.id, ctx), notesFiles.list(actor, detail.id, ctx),
    ]);
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; font-src 'self'")
      .send(printableCaseFile({ detail, family, consents: consentList, referrals, bids: bidList, notes }, actor.lang, taxonomies, actor.username));
  });

  on('POST /api/v1/cases/:id/transfers', {}, async (req, reply) =>
    reply.status(201).send(await transfers.request(actorOf(req), req.params.id, req.body, auditContext(req))),
  );
  on('GET /api/v1/cases/:id/transfers', {}, async (req) => {
    await cases.requireVisible(actorOf(req), req.params.id, auditContext(req));
    return { items: await transfers.forCase(req.params.id, actorOf(req).lang) };
  });
  on('GET /api/v1/transfers', {}, async (req) => ({ items: await transfers.incoming(actorOf(req)) }));
  on('POST /api/v1/transfers/:id/response', {}, async (req) =>
    transfers.respond(actorOf(req), req.params.id, req.body, auditContext(req)),
  );

  on('GET /api/v1/cases/:id/bids', {}, async (req) => ({ items: await bids.list(actorOf(req), req.params.id, auditContext(req)) }));
  on('POST /api/v1/cases/:id/bids', {}, async (req, reply) =>
    reply.status(201).send(await bids.submit(actorOf(req), req.params.id, req.body, auditContext(req))),
  );
  on('POST /api/v1/cases/:id/bids/:bidId/decision', {}, async (req) => ({
    items: await bids.recordDecision(actorOf(req), req.params.id, req.params.bidId, req.body, auditContext(req)),
  }));

  on('GET /api/v1/cases/:id/family', {}, async (req) => ({ items: await cases.family(actorOf(req), req.params.id, auditContext(req)) }));
  on('POST /api/v1/cases/:id/family', {}, async (req, reply) =>
    reply.status(201).send({ items: await cases.addFamilyMember(actorOf(req), req.params.id, req.body, auditContext(req)) }),
  );

  // Legacy import: the CSV itself is the body (text/csv), up to 50 MB (about 200,000 rows), kept
  // as bytes so a file that is not UTF-8 is refused rather than read with replacement characters.
  if (!app.hasContentTypeParser('text/csv')) app.addContentTypeParser('text/csv', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  const importView = (req: FastifyRequest, v: CaseImport): CaseImport => ({ ...v, issues: localiseIssues(requestLang(req), v.issues) });
  on('POST /api/v1/cases/imports', { bodyLimit: 50 * 1024 * 1024 }, async (req, reply) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const started = await importer.start(actorOf(req), body, req.query.filename, auditContext(req), { again: req.query.again === 'true' });
    return reply.status(202).send(importView(req, started));
  });
  on('GET /api/v1/cases/imports/:id', {}, async (req) => importView(req, await importer.status(actorOf(req), req.params.id)));

  // Consent and assent: recorded and withdrawn by the case's workers, read by whoever may see the case.
  on('GET /api/v1/cases/:id/consents', {}, async (req) => ({
    items: await consents.list(actorOf(req), req.params.id, auditContext(req)),
  }));
  on('POST /api/v1/cases/:id/consents', {}, async (req, reply) =>
    reply.status(201).send({ items: await consents.add(actorOf(req), req.params.id, req.body, auditContext(req)) }),
  );
  on('POST /api/v1/cases/:id/consents/:consentId/withdraw', {}, async (req) => ({
    items: await consents.withdraw(actorOf(req), req.params.id, req.params.consentId, req.body.note, auditContext(req)),
  }));

  // Reference lists for forms (labels in both languages); signed-in users only.
  on('GET /api/v1/taxonomies', {}, async () => ({
    concerns: taxonomies.concerns,
    disabilities: taxonomies.disabilities,
    vulnerableGroups: taxonomies.vulnerableGroups,
  }));
}
