import type { Actor } from '../../../platform/access/actor.js';
import { can } from '../../../platform/access/actor.js';
import { scopePredicate } from '../../../platform/access/scope.js';
import { denyRead, recordAudit, type AuditContext } from '../../../platform/audit/audit.js';
import type { Database, Queryable, Tx } from '../../../platform/db/database.js';
import { raw, sql, type Sql } from '../../../platform/db/sql.js';
import { AppError } from '../../../platform/errors.js';
import type { Lang } from '../../../../shared/i18n/index.js';
import { PEOPLE_PERMISSIONS as P } from '../../../../shared/permissions/people.js';
import type { MatchQuery } from '../../../../shared/people.js';
import type { GeoService } from '../../geo/service.js';
import { estimatedDob } from '../service.js';
import { levelsOf } from './compare.js';
import { linkAll, matchOne, type LinkageResult } from './engine.js';
import { evaluatePairs, type Evaluation } from './evaluate.js';
import { linkColumns, linkInputOf, linkSource, type LinkInput } from './fields.js';
import { Scorer, type LinkageModel } from './model.js';
import { presentAgreements, presentRecord } from './presenter.js';
import * as q from './queries.js';

/** What linkage needs from case management, asked at call time (cases is built after people). */
export type CaseLookups = {
  /** SQL, true when the actor may see a case of the person whose id is in column `col`. */
  visiblePerson(actor: Actor, col: string): Sql;
  /** The cases of these person records that the actor may see (the person's timeline). */
  casesOf(actor: Actor, personIds: string[]): Promise<Array<{ id: string; caseNumber: string; status: string; registeredAt: string; childId: string }>>;
};

/** The open queue keeps this many pairs, best first (a full run at national scale finds more). */
const REVIEW_KEEP = 50_000;
const PAGE = 20;
/** Candidates read for one new record; blocks are capped, so this is rarely reached. */
const CANDIDATES = 1500;

export type RunStats = LinkageResult['stats'] & { version: number; moved: number; writeSeconds: number; totalSeconds: number };

export function createLinkageService(db: Database, geo: GeoService, cases: () => CaseLookups) {
  // The newest model, its dropped keys as a set, and the term frequencies: read once per model
  // version (each registration form asks for matches; a model changes with a full run).
  let current: { version: number; model: LinkageModel; dropped: Set<string>; createdAt: Date } | undefined;
  const currentModel = async () => {
    const v = await q.latestVersion(db);
    if (!v) return undefined;
    if (current?.version !== v.version) {
      const row = (await q.latestModel(db))!;
      current = { version: row.version, model: row.model, dropped: new Set(row.model.ncpp.dropped_keys), createdAt: row.created_at };
    }
    return current;
  };
  let terms: { version: number; map: Map<string, number> } | undefined;
  const termsFor = async (version: number) => {
    if (terms?.version !== version) {
      const map = new Map<string, number>();
      for (const t of await db.query<{ word: string; log2_tf: number }>(sql`SELECT word, log2_tf FROM link_terms`)) map.set(t.word, t.log2_tf);
      terms = { version, map };
    }
    return terms.map;
  };

  /** A record the actor may see: a case record as its case allows, a list record within people.read. */
  const visible = (actor: Actor, alias: string): Sql => {
    const list = scopePredicate(actor, P.read, { adm1: `${alias}.adm1_code`, adm2: `${alias}.adm2_code`, adm3: `${alias}.adm3_code` });
    return sql`(CASE WHEN ${raw(alias)}.source = 'case_registration' THEN ${cases().visiblePerson(actor, `${alias}.id`)} ELSE ${list} END)`;
  };
  /** A record the actor may judge: visible, and within people.link.review's area. */
  const reviewable = (actor: Actor, alias: string): Sql =>
    sql`(${visible(actor, alias)} AND ${scopePredicate(actor, P.review, { adm1: `${alias}.adm1_code`, adm2: `${alias}.adm2_code`, adm3: `${alias}.adm3_code` })})`;

  async function visibleIds(conn: Queryable, actor: Actor, ids: string[], judge = false): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await conn.query<{ id: string }>(sql`SELECT p.id FROM persons p WHERE p.id = ANY(${ids}::uuid[]) AND ${judge ? reviewable(actor, 'p') : visible(actor, 'p')}`);
    return new Set(rows.map((r) => r.id));
  }

  const exists = async (id: string) => Boolean(await db.maybeOne(sql`SELECT 1 AS x FROM persons WHERE id = ${id}`));

  async function records(conn: Queryable, ids: string[], lang: Lang) {
    const rows = await q.recordsIn(conn, ids);
    return Promise.all(rows.map(async (r) => presentRecord(r, r.geo_code ? await geo.find(r.geo_code) : undefined, lang)));
  }

  /** Fills the linkage columns of records written before linkage existed (and of any a bulk path left without them). */
  async function fillMissing(conn: Queryable = db): Promise<number> {
    let filled = 0;
    for (;;) {
      const rows = await q.missingLinkColumns(conn, 5000);
      if (!rows.length) return filled;
      await q.setLinkColumns(conn, rows.map((r) => {
        const c = linkColumns(linkInputOf(r));
        return { id: r.id, link_name: c.linkName, link_keys: c.linkKeys };
      }));
      filled += rows.length;
    }
  }

  /** Merges the persons of records a and b (a's group stays); answers the change, or null when they were one already. */
  async function merge(tx: Queryable, a: string, b: string, userId: string | null): Promise<string | null> {
    const ga = await q.groupOf(tx, a, true);
    const gb = await q.groupOf(tx, b, true);
    const target = ga[0]?.link_group ?? a;
    if (gb.some((r) => r.link_group === target) || (ga.length === 1 && gb.length === 1 && a === b)) return null;
    const moves = [...ga, ...gb].filter((r) => r.link_group !== target);
    await q.setGroups(tx, moves.map((r) => ({ id: r.id, group: target })));
    const change = await q.insertChange(tx, { kind: 'merge', groupId: target, before: { groups: moves.map((r) => ({ id: r.id, group: r.link_group })), pairs: [{ a, b }] }, reason: null, userId });
    return change.id;
  }

  return {
    visible,
    fillMissing,

    /** True when the actor may see the record, so may join a new child to its person. */
    async mayLink(actor: Actor, recordId: string): Promise<boolean> {
      return (await visibleIds(db, actor, [recordId])).size === 1;
    },

    /**
     * A full run: every record blocked, compared, the model estimated afresh (reviewers'
     * judgements as labels), clustered; groups, model, term frequencies and the review queue
     * written in one transaction with its audit row.
     */
    async run(ctx: AuditContext, progress: (stage: string, done: number, total: number) => void = () => undefined, within?: Tx): Promise<RunStats> {
      const started = performance.now();
      const conn = within ?? db;
      await fillMissing(conn);
      progress('load', 0, 1);
      const rows = await q.allForLinkage(conn);
      progress('load', 1, 1);
      const sources = rows.map(sourceOf);
      const decisions = (await q.decisions(conn)).map((d) => ({ a: d.a, b: d.b, match: d.status === 'same' }));
      const version = ((await q.latestModel(conn))?.version ?? 0) + 1;
      const result = linkAll(sources, { decisions, version, progress });
      const writeStarted = performance.now();
      const moves = groupMoves(rows, result.labels);
      const scorer = new Scorer(result.model);
      const district = (k: number) => rows[k]!.adm2_code;
      const pairs: q.NewPair[] = result.review.slice(0, REVIEW_KEEP).map((p) => {
        const [x, y] = rows[p.i]!.id < rows[p.j]!.id ? [p.i, p.j] : [p.j, p.i];
        const levels = levelsOf(p.pattern);
        return { a: rows[x]!.id, b: rows[y]!.id, weight: p.weight, probability: p.probability, levels, partials: scorer.partials(levels, p.tfLog2), adm2_a: district(x), adm2_b: district(y) };
      });
      const stats = { ...result.stats, version, moved: moves.length };
      const write = async (tx: Tx) => {
        await q.setGroups(tx, moves);
        await q.insertModel(tx, version, result.model, { ...result.stats }, ctx.actorUserId);
        await q.replaceTerms(tx, result.terms);
        await q.replaceOpenPairs(tx, pairs, version);
        await recordAudit(tx, ctx, { action: 'people.link.run', entity: 'link_model', entityId: String(version), after: { ...stats } });
      };
      if (within) await write(within);
      else await db.tx(write);
      progress('write', 1, 1);
      const end = performance.now();
      return { ...stats, writeSeconds: (end - writeStarted) / 1000, totalSeconds: (end - started) / 1000 };
    },

    /**
     * Persons already on record who may be this child: the record's blocking keys find its
     * candidates through the index, the newest model scores them, one answer per person,
     * best first, only what the actor may see. The search is audited with what it offered.
     */
    async matches(actor: Actor, query: MatchQuery, ctx: AuditContext, lang: Lang) {
      if (!can(actor, P.read) && !can(actor, 'cases.create')) throw new AppError('forbidden');
      const latest = await currentModel();
      if (!latest) return [];
      const input = await matchInput(geo, query);
      const own = linkSource('new', input);
      const keys = linkColumns(input).linkKeys.filter((k) => !latest.dropped.has(k));
      if (!keys.length) return [];
      const rows = await q.candidates(db, keys, CANDIDATES);
      const tf = await termsFor(latest.version);
      const scored = matchOne(own, rows.map((r) => sourceOf(r)), latest.model, (w) => tf.get(w)).filter((m) => m.band !== 'none');
      const byId = new Map(rows.map((r) => [r.id, r]));
      const best = new Map<string, (typeof scored)[number]>();
      for (const m of scored) {
        const person = byId.get(m.id)!.link_group ?? m.id;
        if (!best.has(person)) best.set(person, m);
      }
      const seen = await visibleIds(db, actor, [...best.values()].map((m) => m.id));
      const top = [...best.entries()].filter(([, m]) => seen.has(m.id)).slice(0, 5);
      const shown = await records(db, top.map(([, m]) => m.id), lang);
      const members = await q.membersOf(db, top.map(([p]) => p));
      // How many of each person's records the reader may see, from the same member list.
      const sightOf = await visibleIds(db, actor, members.map((m) => m.id));
      const groupSizes = new Map<string, number>();
      for (const m of members) if (sightOf.has(m.id)) groupSizes.set(m.grp, (groupSizes.get(m.grp) ?? 0) + 1);
      const caseRows = await cases().casesOf(actor, members.map((m) => m.id));
      const casesOfPerson = (person: string) => {
        const ids = new Set(members.filter((m) => m.grp === person).map((m) => m.id));
        return caseRows.filter((c) => ids.has(c.childId)).map((c) => ({ id: c.id, caseNumber: c.caseNumber, status: c.status }));
      };
      await db.tx((tx) => recordAudit(tx, ctx, { action: 'people.match_search', entity: 'person', entityId: null, meta: { offered: top.map(([, m]) => m.id) } }));
      return top.map(([personId, m]) => ({
        personId, record: shown.find((r) => r.id === m.id)!, probability: m.probability, band: m.band,
        agreements: presentAgreements(m.levels, m.partials), records: groupSizes.get(personId) ?? 1, cases: casesOfPerson(personId),
      }));

    },

    /** The pairs waiting for a judgement, both records within the reviewer's area and sight. */
    async reviewQueue(actor: Actor, query: { status: 'open' | 'unsure'; offset: number }, ctx: AuditContext, lang: Lang) {
      if (!can(actor, P.review)) throw new AppError('forbidden');
      const rows = await q.openPairs(db, (alias) => reviewable(actor, alias), query.status, PAGE, query.offset);
      const shown = new Map((await records(db, rows.flatMap((r) => [r.a, r.b]), lang)).map((r) => [r.id, r]));
      const latest = await currentModel();
      if (rows.length) await db.tx((tx) => recordAudit(tx, ctx, { action: 'people.review.read', entity: 'person', entityId: null, meta: { pairs: rows.map((r) => [r.a, r.b]) } }));
      return {
        items: rows.map((r) => ({
          a: shown.get(r.a)!, b: shown.get(r.b)!, probability: r.probability, weight: r.weight, status: r.status as 'open' | 'unsure', modelVersion: r.model_version,
          agreements: presentAgreements(r.levels, r.partials),
        })),
        total: rows[0]?.total ?? 0,
        model: latest ? { version: latest.version, createdAt: latest.createdAt.toISOString() } : null,
      };
    },

    /** A judgement on a pair: the same child merges the two persons; every judgement is kept for the next estimation. */
    async decide(actor: Actor, input: { a: string; b: string; decision: 'same' | 'different' | 'unsure' }, ctx: AuditContext): Promise<{ ok: true; changeId: string | null }> {
      if (!can(actor, P.review)) throw new AppError('forbidden');
      const [a, b] = input.a < input.b ? [input.a, input.b] : [input.b, input.a];
      if (a === b) throw new AppError('validation', 'validation', [{ path: 'b', code: 'same_record', message: '' }]);
      const mine = await visibleIds(db, actor, [a, b], true);
      if (mine.size !== 2) return denyRead(db, ctx, 'person', mine.has(a) ? b : a, await exists(mine.has(a) ? b : a));
      return db.tx(async (tx) => {
        const pair = await q.pair(tx, a, b);
        await q.upsertDecision(tx, { a, b, status: input.decision, userId: actor.userId });
        const changeId = input.decision === 'same' ? await merge(tx, a, b, actor.userId) : null;
        await recordAudit(tx, ctx, { action: 'people.link.decide', entity: 'person', entityId: a, before: pair ? { status: pair.status } : null, after: { b, decision: input.decision, change: changeId } });
        return { ok: true as const, changeId };
      });
    },

    /** Takes records out of their person; they become a person of their own, and no run joins them back. */
    async split(actor: Actor, id: string, input: { records: string[]; reason: string }, ctx: AuditContext): Promise<{ changeId: string }> {
      if (!can(actor, P.review)) throw new AppError('forbidden');
      if (!(await visibleIds(db, actor, [id], true)).size) return denyRead(db, ctx, 'person', id, await exists(id));
      return db.tx(async (tx) => {
        const group = await q.groupOf(tx, id, true);
        const ids = new Set(group.map((r) => r.id));
        const moving = [...new Set(input.records)];
        if (moving.some((r) => !ids.has(r))) throw new AppError('validation', 'validation', [{ path: 'records', code: 'not_in_person', message: '' }]);
        const remaining = group.filter((r) => !moving.includes(r.id)).map((r) => r.id);
        if (!remaining.length) throw new AppError('validation', 'validation', [{ path: 'records', code: 'split_all', message: '' }]);
        if ((await visibleIds(tx, actor, moving, true)).size !== moving.length) throw new AppError('forbidden', 'outside_your_area');
        const current = group[0]!.link_group ?? id;
        const stay = remaining.length > 1 ? (remaining.includes(current) ? current : remaining[0]!) : null;
        const leave = moving.length > 1 ? moving[0]! : null;
        const moves = group.map((r) => ({ id: r.id, from: r.link_group, group: moving.includes(r.id) ? leave : stay })).filter((m) => m.from !== m.group);
        await q.setGroups(tx, moves);
        const pairs = moving.slice(0, 50).flatMap((m) => remaining.slice(0, 50).map((r) => (m < r ? { a: m, b: r } : { a: r, b: m })));
        const fresh = [];
        for (const p of pairs) {
          if (!(await q.pair(tx, p.a, p.b))) fresh.push(p);
          await q.upsertDecision(tx, { ...p, status: 'different', userId: actor.userId });
        }
        const change = await q.insertChange(tx, { kind: 'split', groupId: current, before: { groups: moves.map((m) => ({ id: m.id, group: m.from })), pairs: fresh }, reason: input.reason, userId: actor.userId });
        await recordAudit(tx, ctx, { action: 'people.link.split', entity: 'person', entityId: id, after: { records: moving, change: change.id }, meta: { reason: input.reason } });
        return { changeId: change.id };
      });
    },

    /** Undoes a merge or a split: the records' groups as they were before it; a merge's pair goes back to the queue. */
    async undo(actor: Actor, changeId: string, ctx: AuditContext): Promise<{ ok: true }> {
      if (!can(actor, P.review)) throw new AppError('forbidden');
      return db.tx(async (tx) => {
        const c = await q.change(tx, changeId);
        if (!c) throw new AppError('not_found');
        if (c.undone_at) throw new AppError('conflict', 'already_undone');
        const ids = c.before.groups.map((g) => g.id);
        if ((await visibleIds(tx, actor, ids, true)).size !== ids.length) throw new AppError('forbidden', 'outside_your_area');
        await q.setGroups(tx, c.before.groups);
        if (c.kind === 'merge') await q.reopenPairs(tx, c.before.pairs ?? [], 'same');
        else await q.deleteDecisions(tx, c.before.pairs ?? []);
        await q.markUndone(tx, c.id, actor.userId);
        await recordAudit(tx, ctx, { action: `people.link.undo_${c.kind}`, entity: 'link_change', entityId: c.id, after: { records: ids } });
        return { ok: true as const };
      });
    },

    /** One child across sources: the records the reader may see, the cases among them, the merges and splits. */
    async person(actor: Actor, id: string, ctx: AuditContext, lang: Lang) {
      const group = await q.groupOf(db, id);
      const mine = await visibleIds(db, actor, group.map((r) => r.id));
      if (!mine.has(id)) return denyRead(db, ctx, 'person', id, group.length > 0);
      const shown = await records(db, [...mine], lang);
      const caseRows = await cases().casesOf(actor, [...mine]);
      const groupId = group[0]?.link_group ?? id;
      const changes = await q.changesOf(db, [groupId, ...mine]);
      await db.tx((tx) => recordAudit(tx, ctx, { action: 'person.read', entity: 'person', entityId: id, meta: { records: [...mine] } }));
      const timeline = [
        ...shown.map((r) => ({ at: r.recordedAt, kind: 'record' as const, recordId: r.id, source: r.source, caseId: null, caseNumber: null, status: null })),
        ...caseRows.map((c) => ({ at: c.registeredAt, kind: 'case' as const, recordId: c.childId, source: 'case_registration', caseId: c.id, caseNumber: c.caseNumber, status: c.status })),
      ].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
      return {
        id: groupId, records: shown, timeline, mayReview: can(actor, P.review),
        changes: changes.map((c) => ({ id: c.id, kind: c.kind as 'merge' | 'split', madeAt: c.made_at.toISOString(), undoneAt: c.undone_at?.toISOString() ?? null, reason: c.reason })),
      };
    },

    /** Children, not records: by district, sex and age band within the actor's sight (the dashboard's counts). */
    async counts(actor: Actor, lang: Lang) {
      if (!can(actor, P.read)) throw new AppError('forbidden');
      const rows = await q.childCounts(db, visible(actor, 'p'));
      return {
        rows: await Promise.all(rows.map(async (r) => {
          const d = r.adm2_code ? await geo.find(r.adm2_code) : undefined;
          return { district: d ? { code: d.code, name: lang === 'bn' ? d.name_local ?? d.name_en : d.name_en } : null, sex: r.sex, ageBand: r.age_band, children: r.children, records: r.records };
        })),
      };
    },

    /** `source,source_id,person_id` for every record (the CLI's export). */
    exportRows(): Promise<Array<{ source: string; source_id: string; person_id: string }>> {
      return q.exportRows(db);
    },

    /** Pairwise precision, recall and F1 of the current persons against a labelled truth (source, source_id, entity). */
    async evaluate(truth: Array<{ source: string; source_id: string; entity: string }>): Promise<Evaluation & { unmatched: number }> {
      const persons = new Map((await q.exportRows(db)).map((r) => [`${r.source}\u0000${r.source_id}`, r.person_id]));
      let unmatched = 0;
      const rows: Array<{ predicted: string; truth: string }> = [];
      for (const t of truth) {
        const p = persons.get(`${t.source}\u0000${t.source_id}`);
        if (p) rows.push({ predicted: p, truth: t.entity });
        else unmatched++;
      }
      return { ...evaluatePairs(rows), unmatched };
    },

    latestModel(): Promise<{ version: number; model: LinkageModel } | undefined> {
      return q.latestModel(db);
    },
  };
}

export type LinkageService = ReturnType<typeof createLinkageService>;

/** A stored row as the engine reads it (its stored link name, parents from the row or its family). */
function sourceOf(r: q.LinkRow) {
  return linkSource(r.id, linkInputOf({ ...r, names: [], father_name: r.father, mother_name: r.mother }), r.link_name ?? '');
}

/** What a registration form (or any caller) knows, as a record to match. */
async function matchInput(geo: GeoService, m: MatchQuery): Promise<LinkInput> {
  const unit = m.geoCode ? await geo.find(m.geoCode) : undefined;
  const dob = m.dateOfBirth ?? (m.ageYears !== undefined ? estimatedDob(m.ageYears, new Date()) : null);
  return {
    names: [m.name], dob, dobEstimated: !m.dateOfBirth, sex: m.sex ?? null,
    union: unit && unit.level >= 4 ? unit.code : null, upazila: unit?.adm3_code ?? null, district: unit?.adm2_code ?? null,
    father: m.father ?? null, mother: m.mother ?? null, phone: m.phone ?? null,
  };
}

/**
 * Each record's new group from the run's clusters: a cluster of one stands alone (null); a
 * larger one keeps the group most of its records already had, if that is one of its records'
 * ids (a person's id survives a re-run), else takes its smallest record id. Only records
 * whose group changes are listed.
 */
export function groupMoves(rows: ReadonlyArray<{ id: string; link_group: string | null }>, labels: Int32Array): Array<{ id: string; group: string | null }> {
  const members = new Map<number, number[]>();
  labels.forEach((l, k) => {
    const m = members.get(l);
    if (m) m.push(k);
    else members.set(l, [k]);
  });
  const moves: Array<{ id: string; group: string | null }> = [];
  const taken = new Set<string>();
  for (const ks of members.values()) {
    let group: string | null = null;
    if (ks.length > 1) {
      // A group id is always the id of one of its own records (a record split off elsewhere
      // would otherwise be counted in the group named after it).
      const ids = new Set(ks.map((k) => rows[k]!.id));
      const votes = new Map<string, number>();
      for (const k of ks) {
        const g = rows[k]!.link_group;
        if (g && ids.has(g) && !taken.has(g)) votes.set(g, (votes.get(g) ?? 0) + 1);
      }
      group = [...votes.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]?.[0] ?? ks.map((k) => rows[k]!.id).sort()[0]!;
      taken.add(group);
    }
    for (const k of ks) if (rows[k]!.link_group !== group) moves.push({ id: rows[k]!.id, group });
  }
  return moves;
}

