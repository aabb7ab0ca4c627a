import type { CaseCreateInput, CaseSearchQuery, FamilyMemberInput } from '../../../../shared/cases.js';
import { foldedKeys, nameKey } from '../../../../shared/phonetic.js';
import { can, type Actor } from '../../../platform/access/actor.js';
import { placeOf, scopeCovers, type Place } from '../../../platform/access/scope.js';
import { denyRead, recordAudit, type AuditContext } from '../../../platform/audit/audit.js';
import type { Database, Tx } from '../../../platform/db/database.js';
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import { notify } from '../../../platform/notifications/notifications.js';
import type { GeoService } from '../../geo/service.js';
import { peopleService } from '../../people/service.js';
import type { Taxonomies } from '../../people/taxonomies.js';
import { CASE_PERMISSIONS as P } from '../../../../shared/cases.js';
import { caseActions, initialAssessmentDue, isSensitive, mayRegisterAt } from '../policy.js';
import { presentCaseDetail, presentCaseListItem } from '../presenter.js';
import * as q from './queries.js';
import * as matching from '../matching/queries.js';
import { presentMatch } from '../matching/presenter.js';
import type { CaseMatch } from '../../../../shared/cases.js';
import * as access from '../access.js';
import { flowActions } from '../workflow/workflow.js';
import type { SharedWithProvider } from '../../../../shared/referrals.js';
import { hasActiveConsent } from '../consent/queries.js';
import { caseload, digestRecipients, type WaitingReferrals } from '../caseload/queries.js';
import { loadActor } from '../../../platform/auth/actor-loader.js';
import { ageOn } from '../../people/service.js';
import type { Queryable } from '../../../platform/db/database.js';
import type { Sql } from '../../../platform/db/sql.js';

const field = (path: string, code: string, params?: Record<string, unknown>): FieldIssue => ({ path, code, message: '', ...(params ? { params } : {}) });

/** Keys of a search text, joined like the stored keys (a Bangla text has two folded forms). */
function searchKeys(text: string) {
  const skeleton = nameKey(text);
  return skeleton ? { skeleton, folded: foldedKeys(text) } : null;
}

/**
 * SOP case management: registration, search and reading a case file. Every read of a case
 * file is audited; a case the caller may not see answers 404 and the attempt is audited.
 */
/** Whether the actor may join a new child to this person record (record linkage: a record they may see). */
export type MayLinkTo = (actor: Actor, personRecordId: string) => Promise<boolean>;

export function createCaseService(db: Database, geo: GeoService, taxonomies: Taxonomies, country: string, waitingReferrals: WaitingReferrals, mayLinkTo: MayLinkTo) {
  const sensitiveCodes = new Set(taxonomies.concerns.filter((c) => c.sensitive).map((c) => c.code));

  /**
   * Who takes a new case. Someone who works cases at the child's place keeps it (with their
   * organisation's supervisor there); anyone else (a 1098 agent, a police desk) hands it to
   * the team of the child's upazila, as an import does, and stays on as its registrant.
   */
  async function teamFor(conn: Queryable, actor: Actor, place: Place, caseworkerId: string | undefined) {
    if (scopeCovers(actor, P.work, place)) {
      return { organisationId: actor.organisationId, caseworkerId: caseworkerId ?? actor.userId, supervisorId: 'default' as const, registrant: null };
    }
    const team = await q.defaultTeam(conn, place.adm3 ?? '', place.adm2 ?? '', actor.organisationId);
    return {
      organisationId: team.organisationId, caseworkerId: caseworkerId ?? team.caseworker, supervisorId: team.supervisor,
      registrant: { userId: actor.userId, organisationId: actor.organisationId },
    };
  }

  /** Registration on a connection or inside a caller's transaction: checks, routing, the one-statement insert. */
  async function registerOn(conn: Queryable, actor: Actor, input: CaseCreateInput, ctx: AuditContext) {
    if (!can(actor, P.create)) throw new AppError('forbidden');
    const issues: FieldIssue[] = [];
    const unit = await geo.find(input.child.geoCode);
    if (!unit || unit.level < 3) issues.push(field('child.geoCode', 'unknown_unit'));
    input.concerns.forEach((c, i) => {
      if (!taxonomies.concern(c)) issues.push(field(`concerns.${i}`, 'unknown_concern', { concern: c }));
    });
    input.child.disabilities.forEach((d, i) => {
      if (!taxonomies.disabilities.some((x) => x.code === d)) issues.push(field(`child.disabilities.${i}`, 'unknown_code'));
    });
    input.child.vulnerableGroups.forEach((v, i) => {
      if (!taxonomies.vulnerableGroups.some((x) => x.code === v)) issues.push(field(`child.vulnerableGroups.${i}`, 'unknown_code'));
    });
    const reported = new Date(`${input.reportedOn}T00:00:00Z`);
    if (reported.getTime() > Date.now() + 86400_000) issues.push(field('reportedOn', 'in_future'));
    if (issues.length) throw new AppError('validation', 'validation', issues);
    const place = { code: unit!.code, ...placeOf(unit!) };
    if (!mayRegisterAt(actor, place)) throw new AppError('validation', 'validation', [field('child.geoCode', 'outside_your_area')]);

    const sensitive = isSensitive(input.concerns, sensitiveCodes);
    const now = new Date();
    const team = await teamFor(conn, actor, place, input.caseworkerId);
    if (input.child.linkTo && !(await mayLinkTo(actor, input.child.linkTo))) throw new AppError('validation', 'validation', [field('child.linkTo', 'unknown_person')]);
    const child = peopleService.insertCte('person', input.child, place, reported, actor.userId);
    return q.registerNewCase(conn, {
      country, year: now.getUTCFullYear(), riskLevel: input.riskLevel, concerns: input.concerns, source: input.source, sensitive,
      summary: input.summary ?? null, reportedOn: input.reportedOn, due: initialAssessmentDue(input.riskLevel, now), place, createdBy: actor.userId,
      nameKey: child.nameKey, nameFolded: child.nameFolded, ...team,
    }, { child: child.sql, audit: ctx, alertSupervisor: input.riskLevel === 'high', childLinkedTo: input.child.linkTo });
  }

  return {
    async register(actor: Actor, input: CaseCreateInput, ctx: AuditContext) {
      const created = await registerOn(db, actor, input, ctx);
      return this.get(actor, created.id, ctx, { audit: false });
    },

    /**
     * Registers a case inside the caller's transaction, for a module whose own record must be
     * written with it or not at all (a helpline contact that opens a case). Same checks,
     * routing, alert and audit as `register`; answers the new case's id and number.
     */
    async registerInTransaction(tx: Queryable, actor: Actor, input: CaseCreateInput, ctx: AuditContext): Promise<{ id: string; caseNumber: string }> {
      const created = await registerOn(tx, actor, input, ctx);
      return { id: created.id, caseNumber: created.case_number };
    },

    /**
     * The likely existing cases of a child (name in either script, the caller's phone, the
     * place, the age, the sex), best first, for someone joining a contact to a case: within
     * cases.match's area or the cases one reads. The search is audited with what it offered.
     */
    async likelyMatches(actor: Actor, input: { name: string; phone: string | null; geoCode: string | null; ageYears: number | null; sex: string | null }, ctx: AuditContext): Promise<CaseMatch[]> {
      if (!can(actor, P.match) && !can(actor, P.read)) throw new AppError('forbidden');
      const keys = input.name.trim() ? searchKeys(input.name) : null;
      const digits = input.phone ? q.phoneDigits(input.phone) : undefined;
      // The last ten digits: a number stored as +880 1712..., 01712... or 1712... is the same.
      const phone = digits && digits.length >= 10 ? digits.slice(-10) : null;
      if (!keys && !phone) return [];
      const unit = input.geoCode ? await geo.find(input.geoCode) : undefined;
      const place = unit ? placeOf(unit) : null;
      const rows = await db.tx(async (tx) => {
        const found = await matching.matchCases(tx, actor, { keys, phone, place, ageYears: input.ageYears, sex: input.sex, limit: 5 });
        await recordAudit(tx, ctx, { action: 'case.match_search', entity: 'case', entityId: null, meta: { by_name: Boolean(keys), by_phone: Boolean(phone), place: input.geoCode, offered: found.map((f) => f.case_number) } });
        return found;
      });
      return rows.map((r) => presentMatch(r, actor.lang));
    },

    /**
     * Joins a helpline contact to a case inside the caller's transaction: the case must be one
     * the actor may match or read; the case timeline shows the contact, and the join is audited.
     */
    async linkContact(tx: Tx, actor: Actor, caseId: string, contactId: string, ctx: AuditContext): Promise<{ id: string; caseNumber: string }> {
      const found = await matching.findMatchable(tx, actor, caseId);
      if (!found) throw new AppError('not_found');
      await q.addEvent(tx, caseId, actor.userId, 'helpline_contact', { contact_id: contactId });
      await recordAudit(tx, ctx, { action: 'case.helpline_contact', entity: 'case', entityId: caseId, meta: { contact_id: contactId } });
      return { id: found.id, caseNumber: found.case_number };
    },

    /** SQL, true when the actor may see a case of the person whose id is in `column` (record linkage shows a case record only then). */
    visiblePerson(actor: Actor, column: string): Sql {
      return q.personHasVisibleCase(column, access.visibleCases(actor));
    },

    /** The cases of these person records the actor may see, oldest first: a linked child's timeline. */
    async casesOf(actor: Actor, personIds: string[]) {
      if (!personIds.length) return [];
      const rows = await q.casesOfPersons(db, personIds, access.visibleCases(actor));
      return rows.map((r) => ({ id: r.id, caseNumber: r.case_number, status: r.status, registeredAt: r.registered_at.toISOString(), childId: r.child_id }));
    },

    async search(actor: Actor, query: CaseSearchQuery) {
      if (!can(actor, P.read)) throw new AppError('forbidden');
      const keys = query.q && !q.phoneDigits(query.q) ? searchKeys(query.q) : null;
      // A name search sets its match threshold transaction-locally; others need no transaction.
      const result = keys ? await db.tx((tx) => q.searchCases(tx, actor, query, keys)) : await q.searchCases(db, actor, query, keys);
      return { items: result.items.map((r) => presentCaseListItem(r, actor.lang)), total: result.total };
    },

    /**
     * Emergency ("break-glass") read: someone with `cases.break_glass` over the case's area
     * opens a case they cannot normally see, e.g. a sensitive one, giving a reason. The read
     * is audited with the reason, written on the case timeline, the case supervisor is
     * notified, and the reader is added to the case so later reads follow the normal path.
     */
    async breakGlass(actor: Actor, id: string, reason: string, ctx: AuditContext) {
      if (!can(actor, P.breakGlass)) throw new AppError('forbidden');
      const row = await q.findCaseForBreakGlass(db, actor, id);
      if (!row) return denyRead(db, ctx, 'case', id, await access.caseExists(db, id));
      await db.tx(async (tx) => {
        await q.addMember(tx, id, actor.userId);
        await q.addEvent(tx, id, actor.userId, 'break_glass', { reason });
        await recordAudit(tx, ctx, { action: 'case.break_glass', entity: 'case', entityId: id, meta: { reason } });
        if (row.supervisor_id && row.supervisor_id !== actor.userId) {
          await notify(tx, row.supervisor_id, 'case_break_glass', { number: row.case_number, who: actor.username, reason }, `/cases/${id}`);
        }
      });
      return this.get(actor, id, ctx);
    },

    /** Today's numbers for the caller's caseload and team. */
    async caseload(actor: Actor) {
      if (!can(actor, P.read)) throw new AppError('forbidden');
      return caseload(db, actor, waitingReferrals);
    },

    /**
     * The daily digest: to each case worker or supervisor with something late or waiting,
     * one email in their language. Run by the `cases.daily-digest` job every morning.
     */
    async digests(): Promise<Array<{ userId: string; email: string; lang: 'en' | 'bn'; name: string; load: Awaited<ReturnType<typeof caseload>> }>> {
      const out = [];
      for (const userId of await digestRecipients(db)) {
        const actor = await loadActor(db, userId, 'cli');
        if (!actor) continue;
        const load = await caseload(db, actor, waitingReferrals);
        if (load.overdueInitialAssessment + load.highRiskWithoutAssessment + load.plansAwaitingApproval + load.closuresAwaitingApproval + load.referralsWithoutResponse === 0) continue;
        const user = await q.userContact(db, userId);
        out.push({ userId, email: user.email, lang: user.lang, name: user.full_name, load });
      }
      return out;
    },

    /** The child's family members and caregivers, for people who may see the case. */
    async family(actor: Actor, id: string, ctx: AuditContext) {
      const row = await this.requireVisible(actor, id, ctx);
      return peopleService.family(db, row.child_id);
    },

    async addFamilyMember(actor: Actor, id: string, input: FamilyMemberInput, ctx: AuditContext) {
      const row = await this.requireWorkable(actor, id, ctx);
      await db.tx(async (tx) => {
        const memberId = await peopleService.addFamilyMember(tx, row.child_id, input, actor.userId);
        await q.addEvent(tx, id, actor.userId, 'family.added', { relationship: input.relationship, caregiver: input.isCaregiver });
        await recordAudit(tx, ctx, { action: 'case.family_add', entity: 'case', entityId: id, after: { family_member_id: memberId, relationship: input.relationship, is_caregiver: input.isCaregiver } });
      });
      return peopleService.family(db, row.child_id);
    },

    /** The case if the actor may see it, else 404 (audited when it exists): for other modules. */
    requireVisible: (actor: Actor, id: string, ctx: AuditContext) => access.requireVisible(db, actor, id, ctx),

    /** For other modules (referrals): the case if the actor may work on it (sees it, holds cases.work, is assigned), else 404/403. */
    requireWorkable: (actor: Actor, id: string, ctx: AuditContext) => access.requireWorkable(db, actor, id, ctx),

    /**
     * What a referral may carry to a provider, from the consents in force now: without
     * consent to share information, only the case number and the reason go.
     */
    async referralPayload(caseId: string, reason: string): Promise<SharedWithProvider> {
      const row = await q.referralFacts(db, caseId);
      const child = (await peopleService.get(db, row.child_id))!;
      // Consent to refer covers sharing with that provider what the referral needs (SOP); a
      // general information-sharing consent does too.
      const consented = (await hasActiveConsent(db, caseId, 'referral')) || (await hasActiveConsent(db, caseId, 'information_sharing'));
      return {
        caseNumber: row.case_number, reason, consented,
        child: consented ? { names: child.names.map((n) => n.text), sex: child.sex, ageYears: ageOn(child.date_of_birth), disabilities: child.disabilities } : null,
        concerns: consented ? row.concerns : null,
        place: consented ? row.place : null,
        caseworker: row.cw_name ? { name: row.cw_name, phone: row.cw_phone, email: row.cw_email } : null,
      };
    },

    /** Other modules put their events on the case timeline through this, inside their transaction. */
    addEvent(tx: Queryable, caseId: string, actorId: string | null, kind: string, data: Record<string, unknown>) {
      return q.addEvent(tx, caseId, actorId, kind, data);
    },

    /**
     * A case's number and child, for a module that has already decided the actor may act on it
     * (an institution admitting the child of a case referred to it): no access check here.
     */
    subject(conn: Queryable, caseId: string) {
      return q.caseSubject(conn, caseId);
    },

    /**
     * SQL, true when a row tied to the case in `caseColumn` (a child placed in a facility) may
     * be listed to the actor: no case, a case that is not sensitive, or one the actor may see.
     */
    listableUnder(actor: Actor, caseColumn: string): Sql {
      return q.notHiddenBySensitiveCase(caseColumn, access.visibleCases(actor));
    },

    /** The people to tell about a case: its caseworker and supervisor. */
    async team(caseId: string) {
      return q.caseTeam(db, caseId);
    },

    /** Reads one case file. Each read is audited (the registration read-back is part of the create). */
    async get(actor: Actor, id: string, ctx: AuditContext, options: { audit?: boolean } = {}) {
      if (!can(actor, P.read)) throw new AppError('forbidden');
      const row = await q.findCaseFile(db, actor, id);
      if (!row) return denyRead(db, ctx, 'case', id, await access.caseExists(db, id));
      if (options.audit !== false) await db.tx((tx) => recordAudit(tx, ctx, { action: 'case.read', entity: 'case', entityId: id }));
      const flow = flowActions(actor, { step: row.step, status: row.status, isWorker: row.is_worker, pendingSubmitter: row.pending_submitter });
      const actions = [...caseActions(actor, placeOf(row)), ...flow];
      return presentCaseDetail(row, actor.lang, row.timeline, row.steps, actions);
    },
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
