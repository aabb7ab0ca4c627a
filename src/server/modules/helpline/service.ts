import { CALL_TYPES_ABOUT_A_CHILD, HELPLINE_PERMISSIONS as P, type Contact, type ContactCompletion, type ContactDraft, type ContactListItem } from '../../../shared/helpline.js';
import type { Lang } from '../../../shared/i18n/index.js';
import type { RiskLevel } from '../../../shared/cases.js';
import { can, type Actor } from '../../platform/access/actor.js';
import { denyRead, recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import { decrypt } from '../../platform/crypto/secrets.js';
import type { Database, Tx } from '../../platform/db/database.js';
import type { LiveBus } from '../../platform/live/bus.js';
import { BOARD_TOPIC } from './desk.js';
import { AppError, type FieldIssue } from '../../platform/errors.js';
import type { CaseService } from '../cases/core/service.js';
import type { GeoService } from '../geo/service.js';
import type { LoadedIntakeForm } from './form.js';
import { placeName, presentContact, presentDispatch, presentEarlier, presentListItem, type PlaceNames } from './presenter.js';
import { bothNames, notify, settle } from '../../platform/notifications/notifications.js';
import { usersHolding } from '../../platform/access/holders.js';
import type { Dispatch } from '../../../shared/helpline.js';
import * as q from './queries.js';
import { phoneKeeper } from './phone.js';
import { countContact } from './analytics/queries.js';

const issue = (path: string, code: string): FieldIssue => ({ path, code, message: '' });
/** The audit context of what the platform does by itself (the dispatch sweep). */
const SYSTEM: AuditContext = { actorUserId: null, actorRole: 'system', requestId: null, ip: null };
const RISK_OF_URGENCY: Record<string, RiskLevel> = { immediate: 'high', high: 'high', medium: 'medium', low: 'low' };

/**
 * Helpline contacts. An agent's form is saved as a draft while the call goes on (keyed by the
 * browser's client id), then completed once: on its own, opening a case (through the case
 * service, in the same transaction) or joining a case the agent can see.
 */
export function createHelplineService(db: Database, cases: CaseService, geo: GeoService, form: LoadedIntakeForm, secretKey: Buffer, localLanguage: string, timezone: string, live: LiveBus) {
  const tellBoards = (reason: string) => live.publish(BOARD_TOPIC, { event: 'board', data: { reason } });
  /** Open boards hear of it once the transaction has committed. */
  const boardChanged = (tx: Tx, reason: string) => tx.afterCommit(() => tellBoards(reason));
  const keepPhone = phoneKeeper(secretKey);
  /** The caller's number in the clear (for the presenter's mask, an audited reveal, or matching on the server). */
  const callerNumber = (row: { caller_phone_enc: string | null }) => (row.caller_phone_enc ? decrypt(secretKey, row.caller_phone_enc) : null);

  async function placeNames(code: string | null, lang: Lang): Promise<PlaceNames | null> {
    if (!code) return null;
    const unit = await geo.find(code);
    if (!unit) return null;
    const within = (await geo.ancestors(code)).filter((up) => up.level > 1).map((up) => placeName(lang, up));
    return { code, name: placeName(lang, unit), within };
  }

  /** The contact for this reader: with the repeat-caller banner when their role may see it. */
  async function present(row: q.ContactRow, actor: Actor, hasDispatches = true): Promise<Contact> {
    let earlier: Contact['earlier'] = null;
    if (can(actor, P.callerHistory)) {
      const rows = row.caller_phone_hash ? await q.earlierFromNumber(db, row.caller_phone_hash, row.id) : [];
      earlier = { total: rows[0]?.total ?? 0, items: rows.map(presentEarlier) };
    }
    const dispatches = hasDispatches ? (await q.dispatchesOf(db, row.id)).map(presentDispatch) : [];
    return presentContact(row, await placeNames(row.geo_code, actor.lang), callerNumber(row), earlier, dispatches);
  }

  async function read(actor: Actor, id: string, ctx: AuditContext): Promise<q.ContactRow> {
    if (!can(actor, P.read)) throw new AppError('forbidden');
    const row = await q.findVisible(db, actor, id);
    if (!row) return denyRead(db, ctx, 'helpline_contact', id, await q.exists(db, id));
    return row;
  }

  /** The draft's own checks: what was typed must be real (a known place and category), not complete. */
  async function draftColumns(d: ContactDraft): Promise<q.DraftColumns> {
    const issues: FieldIssue[] = [];
    const unit = d.geoCode ? await geo.find(d.geoCode) : undefined;
    if (d.geoCode && (!unit || unit.level > form.placeLevel)) issues.push(issue('geoCode', 'unknown_unit'));
    d.categories.forEach((c, i) => { if (!form.subcategory(c)) issues.push(issue(`categories.${i}`, 'unknown_category')); });
    const receivedAt = d.receivedAt ? new Date(d.receivedAt) : new Date();
    if (receivedAt.getTime() > Date.now() + 5 * 60_000) issues.push(issue('receivedAt', 'in_future'));
    if (issues.length) throw new AppError('validation', 'validation', issues);
    const phone = keepPhone(d.caller.phone);
    return {
      receivedAt, channel: d.channel, callType: d.callType, urgency: d.urgency,
      caller: { anonymous: d.caller.anonymous, name: d.caller.anonymous ? '' : d.caller.name, relation: d.caller.relation },
      phoneHash: phone.hash, phoneEnc: phone.enc,
      child: { anonymous: d.child.anonymous, name: d.child.anonymous ? '' : d.child.name, sex: d.child.sex, ageYears: d.child.ageYears, ageEstimated: d.child.ageEstimated },
      place: unit ? { code: unit.code, adm1: unit.adm1_code, adm2: unit.adm2_code, adm3: unit.adm3_code } : null,
      categories: [...new Set(d.categories)], summary: d.summary,
    };
  }

  /** What completion needs, by call type: a child in need has a place, categories and an urgency. */
  function completionIssues(row: q.ContactRow, outcome: ContactCompletion['outcome']): FieldIssue[] {
    const issues: FieldIssue[] = [];
    if (!row.call_type) return [issue('callType', 'needed_to_complete')];
    const aboutChild = CALL_TYPES_ABOUT_A_CHILD.includes(row.call_type as never);
    if (aboutChild) {
      if (row.categories.length === 0) issues.push(issue('categories', 'needed_to_complete'));
      if (!row.geo_code) issues.push(issue('geoCode', 'needed_to_complete'));
      if (!row.urgency) issues.push(issue('urgency', 'needed_to_complete'));
    }
    if (outcome === 'create_case') {
      const child = row.child as { anonymous?: boolean; name?: string; ageYears?: number | null };
      if (!aboutChild) issues.push(issue('callType', 'no_case_for_call_type'));
      if (child.anonymous || !child.name?.trim()) issues.push(issue('child.name', 'needed_for_case'));
      if (typeof child.ageYears !== 'number') issues.push(issue('child.ageYears', 'needed_for_case'));
      if (row.categories.length && !row.categories.some((c) => form.subcategory(c)?.concern)) issues.push(issue('categories', 'no_case_concern'));
    }
    return issues;
  }

  return {
    form,

    /** Checks the actor may read the contact (audited refusal otherwise): for the desk's callbacks. */
    mayRead: (actor: Actor, id: string, ctx: AuditContext) => read(actor, id, ctx),

    /** Saves the contact as it stands. Idempotent by client id; only its own agent's draft changes. */
    async saveDraft(actor: Actor, clientId: string, draft: ContactDraft, ctx: AuditContext): Promise<Contact> {
      if (!can(actor, P.take)) throw new AppError('forbidden');
      const columns = await draftColumns(draft);
      const saved = await q.saveDraft(db, actor, clientId, columns, ctx);
      if (!saved) {
        const existing = await q.findByClientId(db, clientId);
        // Someone else's contact reads as not there; one's own completed contact is final.
        if (!existing || existing.agent_id !== actor.userId) throw new AppError('not_found');
        throw new AppError('conflict', 'contact_completed');
      }
      // Committed already (one statement): open boards hear of a new draft.
      if (saved.inserted) tellBoards('draft');
      return present(saved, actor, saved.has_dispatches);
    },

    /**
     * The child's likely existing cases, for the agent joining the contact to one: the case
     * service matches on what the contact holds (the caller's number never leaves the server).
     */
    async matches(actor: Actor, id: string, ctx: AuditContext) {
      const row = await read(actor, id, ctx);
      const child = row.child as { name?: string; sex?: string | null; ageYears?: number | null };
      return cases.likelyMatches(actor, {
        name: child.name ?? '', phone: callerNumber(row), geoCode: row.geo_code, ageYears: child.ageYears ?? null, sex: child.sex ?? null,
      }, ctx);
    },

    async get(actor: Actor, id: string, ctx: AuditContext): Promise<Contact> {
      const row = await read(actor, id, ctx);
      await db.tx((tx) => recordAudit(tx, ctx, { action: 'helpline.contact.read', entity: 'helpline_contact', entityId: id }));
      return present(row, actor);
    },

    /**
     * Sends an emergency response from a contact the actor can read. The target must
     * acknowledge within its configured minutes, or `escalateOverdue` alerts the supervisors.
     */
    async dispatch(actor: Actor, contactId: string, input: { target: string; note: string }, ctx: AuditContext): Promise<Dispatch> {
      if (!can(actor, P.take)) throw new AppError('forbidden');
      const target = form.dispatchTargets.find((t) => t.key === input.target);
      if (!target) throw new AppError('validation', 'validation', [issue('target', 'unknown_code')]);
      await read(actor, contactId, ctx);
      const id = await db.tx(async (tx) => {
        const row = await q.insertDispatch(tx, { contactId, target: target.key, note: input.note, ackDue: new Date(Date.now() + target.ackMinutes * 60_000), sentBy: actor.userId });
        await recordAudit(tx, ctx, { action: 'helpline.dispatch.create', entity: 'helpline_dispatch', entityId: row.id, after: { contact_id: contactId, target: target.key, ack_minutes: target.ackMinutes } });
        boardChanged(tx, 'dispatch');
        return row.id;
      });
      return presentDispatch((await q.findDispatch(db, id))!);
    },

    /** Records the responders' acknowledgement (also after an escalation: the alert is then settled). */
    async acknowledge(actor: Actor, dispatchId: string, input: { note: string }, ctx: AuditContext): Promise<Dispatch> {
      if (!can(actor, P.take)) throw new AppError('forbidden');
      const d = await q.findDispatch(db, dispatchId);
      if (!d) throw new AppError('not_found');
      await read(actor, d.contact_id, ctx);
      await db.tx(async (tx) => {
        const changed = await q.acknowledgeDispatch(tx, dispatchId, actor.userId, input.note);
        if (changed.length === 0) throw new AppError('conflict', 'dispatch_acknowledged');
        await settle(tx, 'dispatch_overdue', `/helpline/new?id=${d.contact_id}`);
        await recordAudit(tx, ctx, { action: 'helpline.dispatch.acknowledge', entity: 'helpline_dispatch', entityId: dispatchId, before: { status: d.status }, after: { status: 'acknowledged' } });
        boardChanged(tx, 'dispatch');
      });
      return presentDispatch((await q.findDispatch(db, dispatchId))!);
    },

    /**
     * Escalates every dispatch nobody acknowledged by `now` (the job passes the time; tests pass
     * a later one): each helpline supervisor is alerted, once, in the same transaction.
     */
    async escalateOverdue(now: Date = new Date()): Promise<number> {
      return db.tx(async (tx) => {
        const overdue = await q.escalateOverdue(tx, now);
        if (overdue.length === 0) return 0;
        boardChanged(tx, 'dispatch');
        const supervisors = await usersHolding(tx, { permission: P.supervise });
        for (const d of overdue) {
          const target = form.dispatchTargets.find((t) => t.key === d.target);
          const name = target ? bothNames(target.name.en ?? d.target, target.name[localLanguage] ?? null) : d.target;
          const minutes = Math.round((d.ack_due.getTime() - d.sent_at.getTime()) / 60_000);
          for (const s of supervisors) await notify(tx, s, 'dispatch_overdue', { target: name, minutes }, `/helpline/new?id=${d.contact_id}`);
          await recordAudit(tx, SYSTEM, { action: 'helpline.dispatch.escalate', entity: 'helpline_dispatch', entityId: d.id, after: { status: 'escalated', supervisors: supervisors.length } });
        }
        return overdue.length;
      });
    },

    /** A caller's full number, for a role that may reveal it; each reveal is audited. */
    async revealNumber(actor: Actor, id: string, ctx: AuditContext): Promise<{ number: string | null }> {
      if (!can(actor, P.revealNumber)) throw new AppError('forbidden');
      const row = await read(actor, id, ctx);
      await db.tx((tx) => recordAudit(tx, ctx, { action: 'helpline.contact.number_revealed', entity: 'helpline_contact', entityId: id }));
      return { number: callerNumber(row) };
    },

    async list(actor: Actor, filter: { status?: 'draft' | 'completed' | undefined; mine?: string | undefined; from?: string | undefined; limit: number }): Promise<ContactListItem[]> {
      if (!can(actor, P.read)) throw new AppError('forbidden');
      const rows = await q.listContacts(db, actor, { ...filter, mine: filter.mine === 'true' });
      return Promise.all(rows.map(async (r) => presentListItem(r, (await placeNames(r.geo_code, actor.lang))?.name ?? null)));
    },

    /**
     * Completes the agent's own draft. Opening a case goes through the case service inside this
     * transaction: the contact is completed with its case, or neither is written.
     */
    async complete(actor: Actor, id: string, completion: ContactCompletion, ctx: AuditContext): Promise<Contact> {
      if (!can(actor, P.take)) throw new AppError('forbidden');
      await db.tx(async (tx) => {
        const row = await q.lockOwnDraft(tx, actor, id);
        if (!row) throw new AppError('not_found');
        if (row.status === 'completed') throw new AppError('conflict', 'contact_completed');
        const issues = completionIssues(row, completion.outcome);
        if (issues.length) throw new AppError('validation', 'contact_incomplete', issues);
        let link: { caseId: string; kind: 'created' | 'linked' } | null = null;
        if (completion.outcome === 'create_case') {
          const child = row.child as { name: string; sex: string | null; ageYears: number };
          const concerns = [...new Set(row.categories.map((c) => form.subcategory(c)?.concern).filter((c): c is string => Boolean(c)))].slice(0, 10);
          const created = await cases.registerInTransaction(tx, actor, {
            child: { names: [{ text: child.name, kind: 'full' }], sex: (child.sex ?? 'unknown') as never, ageYears: child.ageYears, geoCode: row.geo_code!, disabilities: [], vulnerableGroups: [] },
            concerns, riskLevel: RISK_OF_URGENCY[row.urgency ?? 'medium'] ?? 'medium', source: 'helpline', reportedOn: row.received_at.toISOString().slice(0, 10),
            ...(row.summary ? { summary: row.summary } : {}),
          }, ctx);
          link = { caseId: created.id, kind: 'created' };
        } else if (completion.outcome === 'link_case') {
          // Joining a case the agent found among the likely matches (or reads): through the case service, in this transaction.
          const linked = await cases.linkContact(tx, actor, completion.caseId, id, ctx);
          link = { caseId: linked.id, kind: 'linked' };
        }
        await q.markCompleted(tx, id, link);
        // The analytics rollups move with the contact: counted once, when it is completed.
        await countContact(tx, id, timezone);
        boardChanged(tx, 'completed');
        await recordAudit(tx, ctx, { action: 'helpline.contact.complete', entity: 'helpline_contact', entityId: id, after: { outcome: completion.outcome, case_id: link?.caseId ?? null } });
      });
      return present((await q.findVisible(db, actor, id))!, actor);
    },
  };
}
export type HelplineService = ReturnType<typeof createHelplineService>;
