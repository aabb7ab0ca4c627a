import { INSTITUTION_PERMISSIONS as P, type AdmissionInput, type ArrivingChild, type FacilityInput, type FollowUpItem, type FollowUpVisitInput, type PhaseInput, type DischargeInput, type Facility, type FacilityDetail, type Placement, type TransferInput } from '../../../shared/institutions.js';
import type { z } from 'zod';
import type { CaseSource } from '../../../shared/cases.js';
import { LRUCache } from 'lru-cache';
import type { FacilityQuery } from '../../../shared/institutions.js';
import { can, type Actor } from '../../platform/access/actor.js';
import { denyRead, recordAudit, SYSTEM_CONTEXT, type AuditContext } from '../../platform/audit/audit.js';
import type { Clock } from '../../platform/clock.js';
import { dateIn } from '../../platform/clock.js';
import type { Database, Queryable, Tx } from '../../platform/db/database.js';
import { AppError, type FieldIssue } from '../../platform/errors.js';
import { usersHolding } from '../../platform/access/holders.js';
import { bothNames, dateParam, notify } from '../../platform/notifications/notifications.js';
import type { CaseService } from '../cases/core/service.js';
import type { GeoService } from '../geo/service.js';
import type { AdminService } from '../admin/service.js';
import { ageOn, peopleService } from '../people/service.js';
import type { ReferralService } from '../referrals/service.js';
import { admissionExceptions, CHILDREN_ONLY_TYPES, facilityActions, mayManageAt, mayPlace, mayReadResidents } from './policy.js';
import { dueRules, followUpDates } from './lifecycle.js';
import { presentFacility, presentFacilityDetail, presentFollowUpItem, presentPlacement, type PhaseName, type TypeName } from './presenter.js';
import * as q from './queries.js';

/**
 * How long the seats map's aggregate is reused when nothing changed it in this process: every
 * admission, transfer and discharge here clears it at once; a bulk load by another process
 * (a seed, an import) shows within this time.
 */
const OCCUPANCY_FRESH_MS = 30_000;

/** The case source of a child who arrives with no case, by the authority they came on. */
const ARRIVAL_SOURCE: Partial<Record<AdmissionInput['basis'], CaseSource>> = { court_order: 'court', police_order: 'police', emergency: 'institution' };

const issue = (path: string, code: string, params?: Record<string, unknown>): FieldIssue => ({ path, code, message: '', ...(params ? { params } : {}) });

/**
 * Facilities and the children placed in them. A placement belongs to a person from the
 * registry and, when there is one, to the child's case: each step lands on the case timeline
 * through the case service, in the same transaction. Dates are judged by the platform's clock
 * in the country's time zone.
 */
export function createInstitutionService(db: Database, cases: CaseService, referrals: ReferralService, geo: GeoService, admin: AdminService, clock: Clock, timezone: string, typeName: TypeName,
  country: { types: readonly string[]; followUpMonths: readonly number[]; phases: ReadonlyMap<string, readonly string[]>; phaseName: PhaseName }) {
  const { followUpMonths, phaseName } = country;
  const phasesOf = (type: string) => country.phases.get(type) ?? [];
  const today = () => dateIn(clock.now(), timezone);
  // Keyed "level|type"; concurrent readers of a missing key share one query (lru-cache's fetch).
  const occupancyCache = new LRUCache<string, q.AreaOccupancyRow[]>({
    max: 100, ttl: OCCUPANCY_FRESH_MS,
    fetchMethod: (key) => {
      const [level, type] = key.split('|') as [string, string];
      return q.occupancyByArea(db, level === '1' ? 1 : 2, type || undefined);
    },
  });
  /** After a placement's commit: the seats map counts again on its next read. */
  const occupancyChanged = (tx: Tx) => tx.afterCommit(() => occupancyCache.clear());
  const visible = (actor: Actor) => q.visiblePlacements(actor, cases.listableUnder(actor, 'p.case_id'));

  async function facility(id: string): Promise<q.FacilityRow> {
    const row = await q.findFacility(db, id);
    if (!row) throw new AppError('not_found');
    return row;
  }

  /** A stay the actor may act on: they may see it and may place children in its facility. */
  async function workablePlacement(actor: Actor, id: string, ctx: AuditContext): Promise<q.PlacementRow> {
    if (!can(actor, P.place)) throw new AppError('forbidden');
    const row = await q.findPlacement(db, id, visible(actor));
    if (!row) return denyRead(db, ctx, 'placement', id, await q.placementExists(db, id));
    if (!mayPlace(actor, row)) throw new AppError('forbidden');
    if (row.ended_on) throw new AppError('conflict', 'placement_ended');
    return row;
  }

  /** Dates a step may carry: not after today (by the clock), not before the stay began. */
  function checkDate(path: string, on: string, notBefore: string | null): FieldIssue[] {
    if (on > today()) return [issue(path, 'in_future')];
    if (notBefore && on < notBefore) return [issue(path, 'before_admission')];
    return [];
  }

  /** The exceptions of taking this child here; each needs the override reason, and an adult never enters a children-only facility. */
  function placementIssues(f: q.LockedFacility, child: { sex: string; date_of_birth: string | null }, on: string, overrideReason: string | undefined, path: string): FieldIssue[] {
    const ageYears = ageOn(child.date_of_birth, new Date(`${on}T00:00:00Z`));
    if (ageYears !== null && ageYears >= 18 && CHILDREN_ONLY_TYPES.includes(f.type)) return [issue(path, 'adult_in_children_facility')];
    const exceptions = admissionExceptions(f, { ageYears, sex: child.sex });
    return overrideReason ? [] : exceptions.map((e) => issue('overrideReason', e, { seats: f.seats, occupancy: f.occupancy }));
  }

  /** Raises what is due now for one stay (a child admitted at 6 years 10 months is already due): the rules judged here, as the sweep judges them in SQL. */
  async function raiseFor(tx: Tx, placementId: string, f: q.LockedFacility, dob: string | null) {
    const due = dueRules(f.type, dob, today());
    if (!due.length) return;
    const raised = await q.insertAlerts(tx, placementId, due, clock.now());
    await tellAbout(tx, raised.map((r) => ({ ...r, organisation_id: f.organisation_id, facility_id: f.id, facility_name: f.name_en, facility_name_local: f.name_local })));
  }

  /** Each new alert (a lifecycle rule, an overdue follow-up visit) goes to the people who receive alerts for the facility's organisation. */
  async function tellAbout(tx: Queryable, raised: ReadonlyArray<{ rule: string; due_on: string; organisation_id: string; facility_id: string; facility_name: string; facility_name_local: string | null }>) {
    const holders = new Map<string, string[]>();
    for (const a of raised) {
      if (!holders.has(a.organisation_id)) holders.set(a.organisation_id, await usersHolding(tx, { permission: P.alerts, organisationId: a.organisation_id }));
      for (const userId of holders.get(a.organisation_id)!) {
        await notify(tx, userId, `institution_${a.rule}`, { facility: bothNames(a.facility_name, a.facility_name_local), due: dateParam(a.due_on) }, `/facilities/${a.facility_id}`);
      }
    }
  }

  /**
   * Opens the case of a child who arrived with none, through the case service: registered by
   * the facility's staff at the place the child came from (the facility's upazila when not
   * known), routed to that place's case management team. A child left at the door is at high
   * risk until assessed; one brought on an order, medium.
   */
  async function openArrivalCase(tx: Tx, actor: Actor, f: q.LockedFacility, child: ArrivingChild, basis: AdmissionInput['basis'], on: string, ctx: AuditContext): Promise<string> {
    const created = await cases.registerInTransaction(tx, actor, {
      child: { names: [{ text: child.name, kind: 'full' }], sex: child.sex, ...(child.dateOfBirth ? { dateOfBirth: child.dateOfBirth } : {}), ...(child.ageYears !== undefined ? { ageYears: child.ageYears } : {}),
        geoCode: child.geoCode ?? f.adm3_code ?? '', disabilities: [], vulnerableGroups: [] },
      concerns: child.concerns, riskLevel: basis === 'emergency' ? 'high' : 'medium', source: ARRIVAL_SOURCE[basis] ?? 'institution', reportedOn: on,
      ...(child.summary ? { summary: child.summary } : {}),
    }, ctx).catch((err: unknown) => {
      // The case service names its own fields; here they are the arriving child's.
      if (err instanceof AppError && Array.isArray(err.details)) throw new AppError(err.code, err.messageId, err.details.map((d) => ({ ...d, path: d.path.startsWith('child.') ? d.path : `child.${d.path}` })), err.params);
      throw err;
    });
    return created.id;
  }

  /**
   * The record a district office may write: a configured type, a known place it covers (an
   * upazila or a union), active organisations. Answers the row, or the field problems.
   */
  async function facilityRecordFrom(actor: Actor, input: FacilityInput): Promise<q.FacilityRecord> {
    const issues: FieldIssue[] = [];
    if (!country.types.includes(input.type)) issues.push(issue('type', 'unknown_type'));
    const unit = await geo.find(input.geoCode);
    if (!unit || unit.level < 3) issues.push(issue('geoCode', 'unknown_unit'));
    const organisationId = input.organisationId ?? input.operatorId;
    if (!(await admin.isActiveOrganisation(input.operatorId))) issues.push(issue('operatorId', 'unknown_organisation'));
    if (organisationId !== input.operatorId && !(await admin.isActiveOrganisation(organisationId))) issues.push(issue('organisationId', 'unknown_organisation'));
    if (issues.length) throw new AppError('validation', 'validation', issues);
    const place = { adm1_code: unit!.adm1_code, adm2_code: unit!.adm2_code, adm3_code: unit!.level === 3 ? unit!.code : unit!.adm3_code };
    if (!mayManageAt(actor, place)) throw new AppError('validation', 'validation', [issue('geoCode', 'outside_area')]);
    return {
      type: input.type, name_en: input.nameEn, name_local: input.nameLocal ?? null, organisation_id: organisationId, operator_id: input.operatorId, geo_code: unit!.code, ...place,
      sex_served: input.sexServed, age_min: input.ageMin, age_max: input.ageMax, seats: input.seats, services: input.services, contact_phone: input.contactPhone ?? null,
      contact_email: input.contactEmail ?? null, licence_status: input.licenceStatus, licence_expires_on: input.licenceExpiresOn ?? null,
    };
  }

  /** A stay as the reader sees it, ages and overdue visits by the platform's clock. */
  const present = (r: q.PlacementRow, actor: Actor) => presentPlacement(r, actor.lang, clock.now(), today(), phaseName);

  async function readPlacement(actor: Actor, id: string): Promise<Placement> {
    return present((await q.findPlacement(db, id))!, actor);
  }

  return {
    async facilities(actor: Actor, query: z.infer<typeof FacilityQuery>): Promise<Facility[]> {
      const unit = query.place ? await geo.find(query.place) : undefined;
      if (query.place && !unit) throw new AppError('validation', 'validation', [issue('place', 'unknown_unit')]);
      const rows = await q.listFacilities(db, { ...query, place: unit ? { level: unit.level, code: unit.code } : undefined });
      return rows.map((r) => presentFacility(r, actor.lang, typeName));
    },

    /** Seats and occupancy by area (aggregates only: any signed-in user, and the open-data API later). */
    async occupancy(query: { type?: string | undefined; level: number }) {
      const level = query.level === 1 ? 1 : 2;
      return (await occupancyCache.fetch(`${level}|${query.type ?? ''}`))!;
    },

    /** The facilities the actor's organisation runs: an institution manager's home. */
    async mine(actor: Actor): Promise<Facility[]> {
      const rows = await q.listFacilities(db, { limit: 50, organisationId: actor.organisationId });
      return rows.map((r) => presentFacility(r, actor.lang, typeName));
    },

    async facility(actor: Actor, id: string): Promise<FacilityDetail> {
      const row = await facility(id);
      return presentFacilityDetail(row, actor.lang, typeName, facilityActions(actor, row), today());
    },

    /** Registers a facility: the district office, within its area; audited. */
    async createFacility(actor: Actor, input: FacilityInput, ctx: AuditContext): Promise<FacilityDetail> {
      if (!can(actor, P.manageFacilities)) throw new AppError('forbidden');
      const record = await facilityRecordFrom(actor, input);
      const id = await db.tx(async (tx) => {
        const created = await q.insertFacility(tx, record);
        await recordAudit(tx, ctx, { action: 'facility.create', entity: 'facility', entityId: created.id, after: record });
        occupancyChanged(tx);
        return created.id;
      });
      return this.facility(actor, id);
    },

    /**
     * Corrects a facility's record, where the actor manages both the place it was and the place
     * it will be. Seats never below the children there now (occupancy is counted, not typed).
     */
    async updateFacility(actor: Actor, id: string, input: FacilityInput, ctx: AuditContext): Promise<FacilityDetail> {
      if (!can(actor, P.manageFacilities)) throw new AppError('forbidden');
      const current = await facility(id);
      if (!mayManageAt(actor, current)) throw new AppError('forbidden');
      const record = await facilityRecordFrom(actor, input);
      await db.tx(async (tx) => {
        const before = await q.lockFacilityRecord(tx, id);
        if (!before) throw new AppError('not_found');
        if (record.seats < before.occupancy) throw new AppError('validation', 'validation', [issue('seats', 'below_occupancy', { occupancy: before.occupancy })]);
        await q.updateFacility(tx, id, record);
        await recordAudit(tx, ctx, { action: 'facility.update', entity: 'facility', entityId: id, before: { ...before, occupancy: undefined }, after: record });
        occupancyChanged(tx);
      });
      return this.facility(actor, id);
    },

    /** The children in a facility the actor may see; the read of the list is audited. */
    async residents(actor: Actor, facilityId: string, alertsOnly: boolean, ctx: AuditContext): Promise<Placement[]> {
      if (!can(actor, P.readResidents)) throw new AppError('forbidden');
      const f = await facility(facilityId);
      if (!mayReadResidents(actor, f)) return denyRead(db, ctx, 'facility_residents', facilityId, true);
      return db.tx(async (tx) => {
        const rows = await q.residents(tx, facilityId, visible(actor), alertsOnly);
        await recordAudit(tx, ctx, { action: 'facility.residents_read', entity: 'facility', entityId: facilityId, meta: { count: rows.length } });
        return rows.map((r) => present(r, actor));
      });
    },

    async placement(actor: Actor, id: string, ctx: AuditContext): Promise<Placement> {
      if (!can(actor, P.readResidents)) throw new AppError('forbidden');
      const row = await q.findPlacement(db, id, visible(actor));
      if (!row) return denyRead(db, ctx, 'placement', id, await q.placementExists(db, id));
      await db.tx((tx) => recordAudit(tx, ctx, { action: 'placement.read', entity: 'placement', entityId: id }));
      return present(row, actor);
    },

    /** A case's placements, for its file: whoever may see the case sees where the child has lived. */
    async ofCase(actor: Actor, caseId: string, ctx: AuditContext): Promise<Placement[]> {
      await cases.requireVisible(actor, caseId, ctx);
      return (await q.placementsOfCase(db, caseId)).map((r) => present(r, actor));
    },

    /**
     * Admits the child of a case: the actor places children in this facility, and either sees
     * the case or answers a referral of it to their organisation. Over the seats, outside the
     * ages or sex served, only with a recorded reason; one open stay per child.
     */
    async admit(actor: Actor, input: AdmissionInput, ctx: AuditContext): Promise<Placement> {
      if (!can(actor, P.place)) throw new AppError('forbidden');
      let caseId = input.caseId ?? null;
      if (input.referralId) {
        caseId = await referrals.openReferralCase(input.referralId, actor.organisationId);
        if (!caseId) throw new AppError('not_found');
      } else if (caseId) {
        await cases.requireVisible(actor, caseId, ctx);
      }
      const id = await db.tx(async (tx) => {
        // The facility locked: two admissions to its last seat queue here, and the second sees the first.
        const locked = await q.lockFacility(tx, input.facilityId);
        if (!locked) throw new AppError('not_found');
        if (!mayPlace(actor, locked)) throw new AppError('forbidden');
        const dateIssues = checkDate('admittedOn', input.admittedOn, null);
        if (dateIssues.length) throw new AppError('validation', 'validation', dateIssues);
        // A child with no case: the case is opened here, in this transaction, or not at all.
        if (input.child) caseId = await openArrivalCase(tx, actor, locked, input.child, input.basis, input.admittedOn, ctx);
        const subject = (await cases.subject(tx, caseId!))!;
        if (subject.status !== 'open') throw new AppError('conflict', 'case_not_open');
        const child = (await peopleService.get(tx, subject.child_id))!;
        const issues = placementIssues(locked, child, input.admittedOn, input.overrideReason, 'facilityId');
        if (issues.length) throw new AppError('validation', 'validation', issues);
        // A child already in a facility: the one-open-stay index refuses the insert (alreadyPlaced).
        const created = await q.insertPlacement(tx, {
          facility: locked, personId: subject.child_id, caseId: subject.id, basis: input.basis, orderReference: input.orderReference ?? null,
          admittedOn: input.admittedOn, admittedBy: actor.userId, overrideReason: input.overrideReason ?? null, transferredFrom: null,
        });
        await cases.addEvent(tx, subject.id, actor.userId, 'institution_admitted', { detail: locked.name_en, detail_local: locked.name_local, on: input.admittedOn, placement_id: created.id, basis: input.basis });
        // A phased facility (a Shishu Paribar): the stay begins in its first phase.
        const first = phasesOf(locked.type)[0];
        if (first) await q.insertPhase(tx, created.id, first, input.admittedOn, actor.userId);
        await raiseFor(tx, created.id, locked, child.date_of_birth);
        // Last: the audit head stays locked from here to the commit, so every writer waits for it as little as possible.
        await recordAudit(tx, ctx, { action: 'placement.admit', entity: 'placement', entityId: created.id, after: { facility_id: locked.id, case_id: subject.id, basis: input.basis, order_reference: input.orderReference ?? null, admitted_on: input.admittedOn, override_reason: input.overrideReason ?? null, case_opened: Boolean(input.child) } });
        occupancyChanged(tx);
        return created.id;
      }).catch(alreadyPlaced);
      return readPlacement(actor, id);
    },

    /** Ends this stay and opens one at the other facility, the same day, in one transaction. */
    async transfer(actor: Actor, id: string, input: TransferInput, ctx: AuditContext): Promise<Placement> {
      const from = await workablePlacement(actor, id, ctx);
      if (input.toFacilityId === from.facility_id) throw new AppError('validation', 'validation', [issue('toFacilityId', 'same_facility')]);
      const newId = await db.tx(async (tx) => {
        const to = await q.lockFacility(tx, input.toFacilityId);
        if (!to) throw new AppError('not_found');
        const child = (await peopleService.get(tx, from.person_id))!;
        const issues = [...checkDate('on', input.on, from.admitted_on), ...placementIssues(to, child, input.on, input.overrideReason, 'toFacilityId')];
        if (issues.length) throw new AppError('validation', 'validation', issues);
        if (!(await q.endPlacement(tx, from.id, { on: input.on, reason: 'transfer', note: input.reason, by: actor.userId }, clock.now()))) throw new AppError('conflict', 'placement_ended');
        const created = await q.insertPlacement(tx, {
          facility: to, personId: from.person_id, caseId: from.case_id, basis: from.basis, orderReference: from.order_reference,
          admittedOn: input.on, admittedBy: actor.userId, overrideReason: input.overrideReason ?? null, transferredFrom: from.id,
        });
        // Into a phased facility: the child keeps the phase they had reached if it has it, else begins at its first.
        const reached = from.phases.at(-1)?.phase;
        const phase = reached && phasesOf(to.type).includes(reached) ? reached : phasesOf(to.type)[0];
        if (phase) await q.insertPhase(tx, created.id, phase, input.on, actor.userId);
        if (from.case_id) {
          await cases.addEvent(tx, from.case_id, actor.userId, 'institution_transferred', { detail: `${from.facility_name} → ${to.name_en}`, detail_local: `${from.facility_name_local ?? from.facility_name} → ${to.name_local ?? to.name_en}`, on: input.on, reason: input.reason, placement_id: created.id });
        }
        await raiseFor(tx, created.id, to, child.date_of_birth);
        await recordAudit(tx, ctx, { action: 'placement.transfer', entity: 'placement', entityId: created.id, before: { placement_id: from.id, facility_id: from.facility_id }, after: { facility_id: to.id, on: input.on, reason: input.reason, override_reason: input.overrideReason ?? null } });
        occupancyChanged(tx);
        return created.id;
      });
      return readPlacement(actor, newId);
    },

    /**
     * Moves a resident on to a later care phase of the facility's type (phases are never gone
     * back over; one may be skipped), from a date between the current phase's start and today.
     */
    async advancePhase(actor: Actor, id: string, input: PhaseInput, ctx: AuditContext): Promise<Placement> {
      const row = await workablePlacement(actor, id, ctx);
      const phases = phasesOf(row.facility_type);
      const current = row.phases.at(-1);
      const at = phases.indexOf(input.phase);
      if (at < 0) throw new AppError('validation', 'validation', [issue('phase', phases.length ? 'unknown_phase' : 'no_phases')]);
      if (current && at <= phases.indexOf(current.phase)) throw new AppError('validation', 'validation', [issue('phase', 'phase_not_later')]);
      const dates = checkDate('startedOn', input.startedOn, row.admitted_on);
      if (!dates.length && current && input.startedOn < current.started_on) dates.push(issue('startedOn', 'before_current_phase'));
      if (dates.length) throw new AppError('validation', 'validation', dates);
      await db.tx(async (tx) => {
        if (!(await q.insertPhase(tx, id, input.phase, input.startedOn, actor.userId))) throw new AppError('conflict', 'phase_recorded');
        if (row.case_id) {
          await cases.addEvent(tx, row.case_id, actor.userId, 'institution_phase', { detail: phaseName(row.facility_type, input.phase, 'en'), detail_local: phaseName(row.facility_type, input.phase, 'bn'), on: input.startedOn, phase: input.phase });
        }
        await recordAudit(tx, ctx, { action: 'placement.phase', entity: 'placement', entityId: id, before: { phase: current?.phase ?? null }, after: { phase: input.phase, started_on: input.startedOn } });
      });
      return readPlacement(actor, id);
    },

    async discharge(actor: Actor, id: string, input: DischargeInput, ctx: AuditContext): Promise<Placement> {
      const row = await workablePlacement(actor, id, ctx);
      await db.tx(async (tx) => {
        const issues = checkDate('on', input.on, row.admitted_on);
        if (issues.length) throw new AppError('validation', 'validation', issues);
        if (!(await q.endPlacement(tx, id, { on: input.on, reason: input.reason, note: input.note ?? null, by: actor.userId }, clock.now()))) throw new AppError('conflict', 'placement_ended');
        if (row.case_id) await cases.addEvent(tx, row.case_id, actor.userId, 'institution_discharged', { detail: row.facility_name, detail_local: row.facility_name_local, on: input.on, discharge_reason: input.reason });
        // Leaving for a family, a carer, a job or adult life: the follow-up visits, on the country's schedule.
        const visits = followUpDates(input.reason, input.on, followUpMonths);
        if (visits.length) await q.scheduleFollowUps(tx, id, visits);
        await recordAudit(tx, ctx, { action: 'placement.discharge', entity: 'placement', entityId: id, after: { on: input.on, reason: input.reason, follow_ups: visits } });
        occupancyChanged(tx);
      });
      return readPlacement(actor, id);
    },

    /** A facility's reintegration follow-up visits (the children one may see); the read is audited. */
    async followUps(actor: Actor, facilityId: string, status: 'due' | 'all', ctx: AuditContext): Promise<FollowUpItem[]> {
      if (!can(actor, P.readResidents)) throw new AppError('forbidden');
      const f = await facility(facilityId);
      if (!mayReadResidents(actor, f)) return denyRead(db, ctx, 'facility_follow_ups', facilityId, true);
      return db.tx(async (tx) => {
        const rows = await q.followUpsOf(tx, facilityId, visible(actor), status === 'due');
        await recordAudit(tx, ctx, { action: 'facility.follow_ups_read', entity: 'facility', entityId: facilityId, meta: { count: rows.length, status } });
        const day = today();
        return rows.map((r) => presentFollowUpItem(r, day));
      });
    },

    /**
     * Records a follow-up visit and what it found, by someone who places children in the
     * facility the child left; on the case timeline when there is a case. Once per visit.
     */
    async recordVisit(actor: Actor, id: string, input: FollowUpVisitInput, ctx: AuditContext): Promise<FollowUpItem> {
      if (!can(actor, P.place)) throw new AppError('forbidden');
      const row = await q.findFollowUp(db, id, visible(actor));
      if (!row) return denyRead(db, ctx, 'placement_follow_up', id, await q.followUpExists(db, id));
      if (!mayPlace(actor, row)) throw new AppError('forbidden');
      if (row.visited_on) throw new AppError('conflict', 'visit_recorded');
      const issues = input.visitedOn > today() ? [issue('visitedOn', 'in_future')] : input.visitedOn < row.discharged_on ? [issue('visitedOn', 'before_discharge')] : [];
      if (issues.length) throw new AppError('validation', 'validation', issues);
      await db.tx(async (tx) => {
        if (!(await q.recordVisit(tx, id, { on: input.visitedOn, outcome: input.outcome, note: input.note ?? null, by: actor.userId }))) throw new AppError('conflict', 'visit_recorded');
        if (row.case_id) await cases.addEvent(tx, row.case_id, actor.userId, 'reintegration_visit', { on: input.visitedOn, due_on: row.due_on, outcome: input.outcome, placement_id: row.placement_id });
        await recordAudit(tx, ctx, { action: 'placement.follow_up_visit', entity: 'placement_follow_up', entityId: id, after: { visited_on: input.visitedOn, outcome: input.outcome } });
      });
      return presentFollowUpItem((await q.findFollowUp(db, id))!, today());
    },

    /** The deadline sweep: every lifecycle alert due today (by the clock), raised once and told to the facility's staff. */
    async raiseDueAlerts(): Promise<number> {
      return db.tx((tx) => this.raiseDueAlertsIn(tx));
    },

    /** The sweep inside the caller's transaction (the demo seed's). */
    async raiseDueAlertsIn(tx: Tx): Promise<number> {
      const raised = await q.raiseDueAlerts(tx, today(), clock.now());
      await tellAbout(tx, raised);
      // Follow-up visits past their date: told once to the staff of the facility the child left.
      const overdue = await q.markOverdueFollowUps(tx, today(), clock.now());
      await tellAbout(tx, overdue.map((o) => ({ ...o, rule: 'followup_overdue' })));
      if (raised.length || overdue.length) await recordAudit(tx, SYSTEM_CONTEXT, { action: 'placement.alerts_raised', entity: 'placement', entityId: null, meta: { count: raised.length, follow_ups_overdue: overdue.length, on: today() } });
      return raised.length + overdue.length;
    },
  };
}

/** The database's one-open-stay index refused a second admission made at the same moment. */
function alreadyPlaced(err: unknown): never {
  if (err && typeof err === 'object' && 'code' in err && err.code === '23505') throw new AppError('conflict', 'already_placed');
  throw err;
}

export type InstitutionService = ReturnType<typeof createInstitutionService>;
