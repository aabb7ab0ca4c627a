import type { FastifyInstance } from 'fastify';
import { helplineApi } from '../../../shared/helpline.js';
import { helplineAnalyticsApi } from '../../../shared/helpline-analytics.js';
import { routesFrom } from '../../platform/http/contract.js';
import { actorOf, auditContext } from '../../platform/http/context.js';
import type { Services } from '../../platform/module.js';
import { registerDeskRoutes } from './desk-routes.js';

export function registerHelplineRoutes(app: FastifyInstance, services: Services) {
  const { helpline, helplineAnalytics: analytics, helplineReferrals: referrals } = services;
  registerDeskRoutes(app, services);
  const on = routesFrom(app, helplineApi, ['helpline']);
  // The form as data: the lookup function stays on the server.
  const { helpline: line, callTypes, channels, placeLevel, dispatchTargets, categories } = helpline.form;
  on('GET /api/v1/helpline/form', {}, async () => ({ helpline: line, callTypes, channels, placeLevel, dispatchTargets, categories }));
  on('POST /api/v1/helpline/contacts/:id/dispatches', {}, async (req, reply) => reply.status(201).send(await helpline.dispatch(actorOf(req), req.params.id, req.body, auditContext(req))));
  on('POST /api/v1/helpline/dispatches/:id/acknowledge', {}, async (req) => helpline.acknowledge(actorOf(req), req.params.id, req.body, auditContext(req)));
  on('PUT /api/v1/helpline/contacts/:clientId', {}, async (req) => helpline.saveDraft(actorOf(req), req.params.clientId, req.body, auditContext(req)));
  on('POST /api/v1/helpline/contacts/:id/complete', {}, async (req) => helpline.complete(actorOf(req), req.params.id, req.body, auditContext(req)));
  on('GET /api/v1/helpline/contacts/:id', {}, async (req) => helpline.get(actorOf(req), req.params.id, auditContext(req)));
  on('GET /api/v1/helpline/contacts/:id/matches', {}, async (req) => ({ items: await helpline.matches(actorOf(req), req.params.id, auditContext(req)) }));
  on('POST /api/v1/helpline/contacts/:id/number', { config: { rateLimit: { max: 30, timeWindow: '1 hour' } } }, async (req) => helpline.revealNumber(actorOf(req), req.params.id, auditContext(req)));
  on('GET /api/v1/helpline/contacts/:id/referrals', {}, async (req) => ({ items: await referrals.list(actorOf(req), req.params.id, auditContext(req)) }));
  on('POST /api/v1/helpline/contacts/:id/referrals', {}, async (req, reply) => {
    const { referral, created } = await referrals.refer(actorOf(req), req.params.id, req.body, auditContext(req));
    return reply.status(created ? 201 : 200).send(referral);
  });
  on('DELETE /api/v1/helpline/contacts/:id/referrals/:referralId', {}, async (req) => {
    await referrals.remove(actorOf(req), req.params.id, req.params.referralId, auditContext(req));
    return { ok: true as const };
  });
  on('GET /api/v1/helpline/contacts', {}, async (req) => ({ items: await helpline.list(actorOf(req), req.query) }));

  const stats = routesFrom(app, helplineAnalyticsApi, ['helpline analytics']);
  stats('GET /api/v1/helpline/analytics/counts', {}, async (req) => analytics.counts(actorOf(req), req.query));
  stats('GET /api/v1/helpline/analytics/seasonality', {}, async (req) => analytics.seasonality(actorOf(req), req.query));
  stats('GET /api/v1/helpline/analytics/spikes', {}, async (req) => ({ items: await analytics.spikes(actorOf(req), req.query) }));
  stats('GET /api/v1/helpline/analytics/forecast', {}, async (req) => analytics.forecast(actorOf(req), req.query));
  stats('GET /api/v1/helpline/analytics/detector', {}, async (req) => analytics.detectorReport(actorOf(req)));
}
