import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AttachmentCreated, BidView, CaseCreateInput, CaseDetail, CaseListItem, CaseNotes, CaseSearchQuery, CaseloadSummary, Created, FamilyMember, FamilyMemberInput, FileBody, Taxonomies, TransferOutcome, TransferView,
} from '../../../shared/cases.js';
import { Items, Ok } from '../../../shared/common.js';
import { actorOf, auditContext } from '../../platform/http/context.js';
import type { Services } from '../../platform/module.js';
import { printableCaseFile } from './core/print.js';
import { TransferInput, TransferResponse } from './transfers/transfer.js';
import { BidInput, BoardDecisionInput } from '../../../shared/bid.js';
import { DecisionInput, ReopenInput, StepInput } from '../../../shared/sop.js';
import { Consent, ConsentInput, ConsentWithdrawal } from '../../../shared/referrals.js';

export function registerCaseRoutes(app: FastifyInstance, services: Services) {
  const { cases, workflow, caseImporter: importer, notesFiles, caseExporter: exporter, transfers, bids, consents, taxonomies } = services;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];

  r.get('/api/v1/cases', { schema: { tags, querystring: CaseSearchQuery, response: { 200: z.object({ items: z.array(CaseListItem), total: z.number() }) } } }, async (req) =>
    cases.search(actorOf(req), req.query),
  );
  r.get('/api/v1/caseload', { schema: { tags, response: { 200: CaseloadSummary } } }, async (req) => cases.caseload(actorOf(req)));
  r.post('/api/v1/cases', { schema: { tags, body: CaseCreateInput, response: { 201: CaseDetail } } }, async (req, reply) =>
    reply.status(201).send(await cases.register(actorOf(req), req.body, auditContext(req))),
  );
  r.get('/api/v1/cases/:id', { schema: { tags, params: z.object({ id: z.uuid() }), response: { 200: CaseDetail } } }, async (req) =>
    cases.get(actorOf(req), req.params.id, auditContext(req)),
  );
  const Id = z.object({ id: z.uuid() });
  const Moved = z.object({ step: z.string(), status: z.string().optional() });
  r.post('/api/v1/cases/:id/steps/:step', { schema: { tags, params: Id.extend({ step: z.string().max(40) }), body: StepInput, response: { 200: Moved } } }, async (req) =>
    workflow.submitStep(actorOf(req), req.params.id, req.params.step, req.body, auditContext(req)),
  );
  r.post('/api/v1/cases/:id/plan-decision', { schema: { tags, params: Id, body: DecisionInput, response: { 200: Moved } } }, async (req) =>
    workflow.decide(actorOf(req), req.params.id, 'plan', req.body, auditContext(req)),
  );
  r.post('/api/v1/cases/:id/closure-decision', { schema: { tags, params: Id, body: DecisionInput, response: { 200: Moved } } }, async (req) =>
    workflow.decide(actorOf(req), req.params.id, 'closure', req.body, auditContext(req)),
  );
  r.post('/api/v1/cases/:id/reopen', { schema: { tags, params: Id, body: ReopenInput, response: { 200: Moved } } }, async (req) =>
    workflow.reopen(actorOf(req), req.params.id, req.body.reason, auditContext(req)),
  );

  r.post('/api/v1/cases/:id/break-glass', {
    config: { rateLimit: { max: 10, timeWindow: '1 hour' } },
    schema: { tags, params: z.object({ id: z.uuid() }), body: z.object({ reason: z.string().trim().min(15).max(1000) }), response: { 200: CaseDetail } },
  }, async (req) => cases.breakGlass(actorOf(req), req.params.id, req.body.reason, auditContext(req)));

  r.get('/api/v1/cases/:id/notes', { schema: { tags, params: Id, response: { 200: CaseNotes } } }, async (req) => notesFiles.list(actorOf(req), req.params.id, auditContext(req)));
  r.post('/api/v1/cases/:id/notes', { schema: { tags, params: Id, body: z.object({ body: z.string().trim().min(1).max(8000) }), response: { 201: Ok } } }, async (req, reply) => {
    await notesFiles.addNote(actorOf(req), req.params.id, req.body.body, auditContext(req));
    return reply.status(201).send({ ok: true as const });
  });
  // Attachments: the file is the body (any content type), its name in ?filename=. Limits and types are checked by content.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: 11 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  r.post('/api/v1/cases/:id/attachments', {
    bodyLimit: 11 * 1024 * 1024,
    schema: { tags, consumes: ['application/octet-stream'], params: Id, querystring: z.object({ filename: z.string().min(1).max(200) }), response: { 201: AttachmentCreated } },
  }, async (req, reply) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    return reply.status(201).send(await notesFiles.attach(actorOf(req), req.params.id, req.query.filename, body, auditContext(req)));
  });
  r.get('/api/v1/cases/:id/attachments/:attachmentId', { schema: { tags, params: Id.extend({ attachmentId: z.uuid() }), response: { 200: FileBody } } }, async (req, reply) => {
    const file = await notesFiles.download(actorOf(req), req.params.id, req.params.attachmentId, auditContext(req));
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(file.content);
  });

  r.post('/api/v1/cases/export', {
    config: { rateLimit: { max: 20, timeWindow: '1 hour' } },
    schema: { tags, body: z.object({ format: z.enum(['csv', 'xlsx']), purpose: z.string().trim().min(10).max(500), filters: CaseSearchQuery.omit({ q: true, limit: true, offset: true }).default({}) }), response: { 200: FileBody } },
  }, async (req, reply) => {
    const file = await exporter.export(actorOf(req), req.body, auditContext(req));
    return reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).header('cache-control', 'no-store').send(file.content);
  });
  // The printable case file: one HTML page in the reader's language; reading it is audited like any case read.
  r.get('/api/v1/cases/:id/print', { schema: { tags, params: Id, response: { 200: FileBody } } }, async (req, reply) => {
    const actor = actorOf(req);
    const detail = await cases.get(actor, req.params.id, auditContext(req));
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; font-src 'self'")
      .send(printableCaseFile(detail, actor.lang, taxonomies, actor.username));
  });

  r.post('/api/v1/cases/:id/transfers', { schema: { tags, params: Id, body: TransferInput, response: { 201: Created } } }, async (req, reply) =>
    reply.status(201).send(await transfers.request(actorOf(req), req.params.id, req.body, auditContext(req))),
  );
  r.get('/api/v1/cases/:id/transfers', { schema: { tags, params: Id, response: { 200: Items(TransferView) } } }, async (req) => {
    await cases.requireVisible(actorOf(req), req.params.id, auditContext(req));
    return { items: await transfers.forCase(req.params.id) };
  });
  r.get('/api/v1/transfers', { schema: { tags, response: { 200: Items(TransferView) } } }, async (req) => ({ items: await transfers.incoming(actorOf(req)) }));
  r.post('/api/v1/transfers/:id/response', { schema: { tags, params: Id, body: TransferResponse, response: { 200: TransferOutcome } } }, async (req) =>
    transfers.respond(actorOf(req), req.params.id, req.body, auditContext(req)),
  );

  r.get('/api/v1/cases/:id/bids', { schema: { tags, params: Id, response: { 200: Items(BidView) } } }, async (req) => ({ items: await bids.list(actorOf(req), req.params.id, auditContext(req)) }));
  r.post('/api/v1/cases/:id/bids', { schema: { tags, params: Id, body: BidInput, response: { 201: Created } } }, async (req, reply) =>
    reply.status(201).send(await bids.submit(actorOf(req), req.params.id, req.body, auditContext(req))),
  );
  r.post('/api/v1/cases/:id/bids/:bidId/decision', { schema: { tags, params: Id.extend({ bidId: z.uuid() }), body: BoardDecisionInput, response: { 200: Items(BidView) } } }, async (req) => ({
    items: await bids.recordDecision(actorOf(req), req.params.id, req.params.bidId, req.body, auditContext(req)),
  }));

  r.get('/api/v1/cases/:id/family', { schema: { tags, params: Id, response: { 200: Items(FamilyMember) } } }, async (req) => ({ items: await cases.family(actorOf(req), req.params.id, auditContext(req)) }));
  r.post('/api/v1/cases/:id/family', { schema: { tags, params: Id, body: FamilyMemberInput, response: { 201: Items(FamilyMember) } } }, async (req, reply) =>
    reply.status(201).send({ items: await cases.addFamilyMember(actorOf(req), req.params.id, req.body, auditContext(req)) }),
  );

  // Legacy import: the CSV itself is the body (text/csv), up to 50 MB (about 200,000 rows).
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 50 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  r.post('/api/v1/cases/import', {
    bodyLimit: 50 * 1024 * 1024,
    schema: { tags, consumes: ['text/csv'], querystring: z.object({ filename: z.string().max(200).default('upload.csv') }), body: z.string().min(1), response: { 200: z.object({ imported: z.number() }) } },
  }, async (req) => importer.import(actorOf(req), req.body, req.query.filename, auditContext(req)));

  // Consent and assent: recorded and withdrawn by the case's workers, read by whoever may see the case.
  r.get('/api/v1/cases/:id/consents', { schema: { tags, params: Id, response: { 200: z.object({ items: z.array(Consent) }) } } }, async (req) => ({
    items: await consents.list(actorOf(req), req.params.id, auditContext(req)),
  }));
  r.post('/api/v1/cases/:id/consents', { schema: { tags, params: Id, body: ConsentInput, response: { 201: z.object({ items: z.array(Consent) }) } } }, async (req, reply) =>
    reply.status(201).send({ items: await consents.add(actorOf(req), req.params.id, req.body, auditContext(req)) }),
  );
  r.post('/api/v1/cases/:id/consents/:consentId/withdraw', { schema: { tags, params: Id.extend({ consentId: z.uuid() }), body: ConsentWithdrawal, response: { 200: z.object({ items: z.array(Consent) }) } } }, async (req) => ({
    items: await consents.withdraw(actorOf(req), req.params.id, req.params.consentId, req.body.note, auditContext(req)),
  }));

  // Reference lists for forms (labels in both languages); signed-in users only.
  r.get('/api/v1/taxonomies', { schema: { tags, response: { 200: Taxonomies } } }, async () => ({
    concerns: taxonomies.concerns,
    disabilities: taxonomies.disabilities,
    vulnerableGroups: taxonomies.vulnerableGroups,
  }));
}
