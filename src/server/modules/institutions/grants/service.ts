import type { z } from 'zod';
import type { Claim, ClaimDecision, ClaimDetail, ClaimsQuery, GrantRateInput, SpotCheckInput } from '../../../../shared/grants.js';
import { INSTITUTION_PERMISSIONS as P } from '../../../../shared/institutions.js';
import { localName } from '../../../../shared/i18n/index.js';
import { can, type Actor } from '../../../platform/access/actor.js';
import { mayReach, scopePredicate } from '../../../platform/access/scope.js';
import { denyRead, recordAudit, recordAuditMany, type AuditContext } from '../../../platform/audit/audit.js';
import type { Clock } from '../../../platform/clock.js';
import { dateIn } from '../../../platform/clock.js';
import type { Database, Queryable } from '../../../platform/db/database.js';
import { sql, type Sql } from '../../../platform/db/sql.js';
import { AppError } from '../../../platform/errors.js';
import type { GeoService } from '../../geo/service.js';
import { ageOn, peopleService } from '../../people/service.js';
import * as fq from '../queries.js';
import { facilityRecord } from '../policy.js';
import * as q from './queries.js';

const issue = (path: string, code: string) => ({ path, code, message: '' });
const cols = (alias: string) => ({ adm1: `${alias}.adm1_code`, adm2: `${alias}.adm2_code`, adm3: `${alias}.adm3_code`, organisation: `${alias}.organisation_id` });

/** What the reader may do with a claim, by its state and their grants over its orphanage's place. */
export function claimActions(actor: Actor, c: q.ClaimRow): Claim['allowedActions'] {
  const out: Claim['allowedActions'] = [];
  const verifies = mayReach(actor, P.verifyClaims, facilityRecord(c));
  if (verifies && (c.status === 'generated' || c.status === 'returned') && c.sampled > 0) out.push('spot_check');
  if (verifies && c.status === 'generated') out.push('approve', 'return');
  if (c.status === 'approved' && mayReach(actor, P.disburse, facilityRecord(c))) out.push('disburse');
  return out;
}

function presentClaim(r: q.ClaimRow, actor: Actor): Claim {
  return {
    id: r.id, facility: { id: r.facility_id, name: localName(actor.lang, r.facility_name, r.facility_name_local), district: r.district_name === null ? null : localName(actor.lang, r.district_name, r.district_name_local) },
    month: r.month, rate: r.rate, claimedChildren: r.claimed_children, verifiedChildren: r.verified_children, claimedAmount: r.claimed_amount, payableAmount: r.payable_amount,
    flags: r.flags as Claim['flags'], status: r.status as Claim['status'], decisionNote: r.decision_note, disbursementRef: r.disbursement_ref,
    spotChecks: { sampled: r.sampled, recorded: r.recorded }, allowedActions: claimActions(actor, r),
  };
}

/**
 * Capitation grants: orphanages enrol children of the registry; each month's claim is
 * generated from them (never typed), judged against the placements, the other orphanages'
 * lists and the child's age; the district office checks a sample in person, then approves or
 * returns; the payment is recorded. Every change of state is audited.
 */
export function createGrants(db: Database, geo: GeoService, clock: Clock, timezone: string) {
  const visible = (actor: Actor): Sql => scopePredicate(actor, P.readClaims, cols('c'));
  const today = () => dateIn(clock.now(), timezone);

  async function read(actor: Actor, id: string, ctx: AuditContext) {
    if (!can(actor, P.readClaims)) throw new AppError('forbidden');
    const row = await q.findClaim(db, id, visible(actor));
    if (!row) return denyRead(db, ctx, 'grant_claim', id, await q.claimExists(db, id));
    return row;
  }

  async function detail(actor: Actor, id: string, ctx: AuditContext): Promise<ClaimDetail> {
    const row = await read(actor, id, ctx);
    const lines = await q.claimLines(db, id);
    const on = new Date(`${row.month}T00:00:00Z`);
    return {
      ...presentClaim(row, actor),
      lines: lines.map((l) => ({
        enrolmentId: l.enrolment_id, child: { id: l.person_id, name: l.name, sex: l.sex, ageYears: ageOn(l.dob, on) }, verified: l.verified,
        flags: l.flags as ClaimDetail['flags'], spotCheck: l.spot_check, spotResult: l.spot_result as ClaimDetail['lines'][number]['spotResult'], spotNote: l.spot_note,
      })),
    };
  }

  /** The claim again inside the transaction, locked: the caller has read it (and any refusal was audited) first. */
  const locked = async (tx: Queryable, actor: Actor, id: string) => (await q.findClaim(tx, id, visible(actor), true))!;

  return {
    async rates(actor: Actor) {
      if (!can(actor, P.readClaims) && !can(actor, P.setRate)) throw new AppError('forbidden');
      return (await q.rates(db)).map((r) => ({ amount: r.amount, effectiveFrom: r.effective_from, note: r.note }));
    },

    /** A rate from a month on; months already claimed keep the rate they were generated with. */
    async setRate(actor: Actor, input: z.infer<typeof GrantRateInput>, ctx: AuditContext) {
      if (!can(actor, P.setRate)) throw new AppError('forbidden');
      return db.tx(async (tx) => {
        const row = await q.upsertRate(tx, input.amount, input.effectiveFrom, input.note ?? null, actor.userId);
        await recordAudit(tx, ctx, { action: 'grant_rate.set', entity: 'grant_rate', entityId: input.effectiveFrom, before: row.previous === null ? undefined : { amount: row.previous }, after: { amount: input.amount, effective_from: input.effectiveFrom } });
        return { amount: row.amount, effectiveFrom: row.effective_from, note: row.note };
      });
    },

    /** Enrols a child of the registry in an orphanage's grant (the orphanage's staff, or the district office). */
    async enrol(actor: Actor, facilityId: string, personId: string, enrolledOn: string, ctx: AuditContext) {
      if (!can(actor, P.enrol)) throw new AppError('forbidden');
      const f = await fq.findFacility(db, facilityId);
      if (!f) throw new AppError('not_found');
      if (!mayReach(actor, P.enrol, facilityRecord(f))) throw new AppError('forbidden');
      if (f.type !== 'ngo_orphanage') throw new AppError('validation', 'validation', [issue('facilityId', 'not_an_orphanage')]);
      if (enrolledOn > today()) throw new AppError('validation', 'validation', [issue('enrolledOn', 'in_future')]);
      if (!(await peopleService.get(db, personId))) throw new AppError('validation', 'validation', [issue('personId', 'unknown_person')]);
      return db.tx(async (tx) => {
        const row = await q.insertEnrolment(tx, f, personId, enrolledOn, actor.userId);
        if (!row) throw new AppError('conflict', 'already_enrolled');
        await recordAudit(tx, ctx, { action: 'grant_enrolment.create', entity: 'grant_enrolment', entityId: row.id, after: { facility_id: f.id, person_id: personId, enrolled_on: enrolledOn } });
        return { id: row.id };
      });
    },

    /**
     * Generates the month's claims of the orphanages in the actor's verify scope (one district
     * when given); claims generated or returned before are generated again, keeping their spot
     * checks; approved and disbursed ones stay. One audit row per claim, in the same transaction.
     */
    async generate(actor: Actor, month: string, district: string | undefined, ctx: AuditContext) {
      if (!can(actor, P.verifyClaims)) throw new AppError('forbidden');
      if (month > today()) throw new AppError('validation', 'validation', [issue('month', 'in_future')]);
      const unit = district ? await geo.find(district) : undefined;
      if (district && (!unit || unit.level !== 2)) throw new AppError('validation', 'validation', [issue('district', 'unknown_unit')]);
      if (!(await q.rateOn(db, month))) throw new AppError('conflict', 'no_grant_rate');
      const facilities = sql`${scopePredicate(actor, P.verifyClaims, cols('f'))}${unit ? sql` AND f.adm2_code = ${unit.code}` : sql``}`;
      return db.tx(async (tx) => {
        const kept = await q.keptSpotChecks(tx, month, facilities);
        await q.dropRegenerable(tx, month, facilities);
        const claims = await q.generate(tx, month, facilities, kept, clock.now());
        await recordAuditMany(tx, ctx, claims.map((c) => ({
          action: 'grant_claim.generate', entity: 'grant_claim', entityId: c.id,
          after: { status: 'generated', facility_id: c.facility_id, month, claimed: c.claimed_children, verified: c.verified_children, flags: c.flags },
        })));
        return { claims: claims.length, lines: claims.reduce((n, c) => n + c.claimed_children, 0), flagged: claims.filter((c) => c.flags.length > 0).length };
      });
    },

    /** Every orphanage's claim for the month, inside the caller's transaction (seeds and the benchmark: no actor, no scope). */
    async generateIn(tx: Queryable, month: string): Promise<number> {
      const claims = await q.generate(tx, month, sql`TRUE`, [], clock.now());
      return claims.length;
    },

    async claims(actor: Actor, query: z.infer<typeof ClaimsQuery>): Promise<Claim[]> {
      if (!can(actor, P.readClaims)) throw new AppError('forbidden');
      const unit = query.place ? await geo.find(query.place) : undefined;
      if (query.place && !unit) throw new AppError('validation', 'validation', [issue('place', 'unknown_unit')]);
      const rows = await q.listClaims(db, visible(actor), { ...query, place: unit ? { level: unit.level, code: unit.code } : undefined });
      return rows.map((r) => presentClaim(r, actor));
    },

    /** One claim with its children (personal data: the read is audited). */
    async claim(actor: Actor, id: string, ctx: AuditContext): Promise<ClaimDetail> {
      const out = await detail(actor, id, ctx);
      await db.tx((tx) => recordAudit(tx, ctx, { action: 'grant_claim.read', entity: 'grant_claim', entityId: id }));
      return out;
    },

    async spotCheck(actor: Actor, id: string, input: z.infer<typeof SpotCheckInput>, ctx: AuditContext): Promise<ClaimDetail> {
      await read(actor, id, ctx);
      await db.tx(async (tx) => {
        const row = await locked(tx, actor, id);
        if (!claimActions(actor, row).includes('spot_check')) throw new AppError(mayReach(actor, P.verifyClaims, facilityRecord(row)) ? 'conflict' : 'forbidden', mayReach(actor, P.verifyClaims, facilityRecord(row)) ? 'claim_state' : 'forbidden');
        const line = await q.recordSpotCheck(tx, id, input.enrolmentId, input.result, input.note ?? null, actor.userId, clock.now());
        if (!line) throw new AppError('validation', 'validation', [issue('enrolmentId', 'not_sampled')]);
        await q.rejudgeClaim(tx, id);
        await recordAudit(tx, ctx, { action: 'grant_claim.spot_check', entity: 'grant_claim', entityId: id, after: { enrolment_id: input.enrolmentId, result: input.result } });
      });
      return detail(actor, id, ctx);
    },

    /** Approve (every sampled child seen) or return with a reason; the payable amount is what the lines verify. */
    async decide(actor: Actor, id: string, input: z.infer<typeof ClaimDecision>, ctx: AuditContext): Promise<ClaimDetail> {
      await read(actor, id, ctx);
      await db.tx(async (tx) => {
        const row = await locked(tx, actor, id);
        if (!mayReach(actor, P.verifyClaims, facilityRecord(row))) throw new AppError('forbidden');
        if (row.status !== 'generated') throw new AppError('conflict', 'claim_state');
        if (input.action === 'approve' && row.recorded < row.sampled) throw new AppError('conflict', 'spot_checks_pending');
        const to = input.action === 'approve' ? 'approved' : 'returned';
        if (!(await q.setStatus(tx, id, 'generated', to, { userId: actor.userId, at: clock.now(), note: input.note ?? null }))) throw new AppError('conflict', 'claim_state');
        await recordAudit(tx, ctx, { action: `grant_claim.${input.action}`, entity: 'grant_claim', entityId: id, before: { status: 'generated' }, after: { status: to, payable: row.payable_amount, note: input.note ?? null } });
      });
      return detail(actor, id, ctx);
    },

    async disburse(actor: Actor, id: string, reference: string, ctx: AuditContext): Promise<ClaimDetail> {
      await read(actor, id, ctx);
      await db.tx(async (tx) => {
        const row = await locked(tx, actor, id);
        if (!mayReach(actor, P.disburse, facilityRecord(row))) throw new AppError('forbidden');
        if (!(await q.setStatus(tx, id, 'approved', 'disbursed', { userId: actor.userId, at: clock.now(), reference }))) throw new AppError('conflict', 'claim_state');
        await recordAudit(tx, ctx, { action: 'grant_claim.disburse', entity: 'grant_claim', entityId: id, before: { status: 'approved' }, after: { status: 'disbursed', reference, amount: row.payable_amount } });
      });
      return detail(actor, id, ctx);
    },
  };
}

export type Grants = ReturnType<typeof createGrants>;
