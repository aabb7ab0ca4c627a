import type { Actor } from '../../../platform/access/actor.js';
import { placePredicate } from '../../../platform/access/scope.js';
import type { Queryable } from '../../../platform/db/database.js';
import { join, raw, sql, TRUE, type Sql } from '../../../platform/db/sql.js';
import { HELPLINE_PERMISSIONS as P } from '../../../../shared/helpline.js';

/** The week (its Monday) and month of a contact, in the country's time zone. */
const weekOf = (tz: string) => sql`date_trunc('week', h.received_at AT TIME ZONE ${tz})::date`;
const monthOf = (tz: string) => sql`date_trunc('month', h.received_at AT TIME ZONE ${tz})::date`;
/** What is counted: completed contacts with a place, once per category they carry. */
const COUNTED = sql`h.status = 'completed' AND h.adm3_code IS NOT NULL`;

/** Adds one completed contact to the rollups (inside the transaction that completes it). */
export async function countContact(tx: Queryable, contactId: string, tz: string) {
  await tx.query(sql`
    INSERT INTO helpline_weekly_counts (week, adm1_code, adm2_code, category, n)
    SELECT ${weekOf(tz)}, h.adm1_code, h.adm2_code, c.category, 1 FROM helpline_contacts h CROSS JOIN unnest(h.categories) AS c(category) WHERE h.id = ${contactId} AND ${COUNTED}
    ON CONFLICT (adm2_code, category, week) DO UPDATE SET n = helpline_weekly_counts.n + 1`);
  await tx.query(sql`
    INSERT INTO helpline_monthly_counts (month, adm1_code, adm2_code, adm3_code, category, n)
    SELECT ${monthOf(tz)}, h.adm1_code, h.adm2_code, h.adm3_code, c.category, 1 FROM helpline_contacts h CROSS JOIN unnest(h.categories) AS c(category) WHERE h.id = ${contactId} AND ${COUNTED}
    ON CONFLICT (adm3_code, category, month) DO UPDATE SET n = helpline_monthly_counts.n + 1`);
}

/**
 * Two data-modifying CTEs that add the rows of `source` (a CTE named in the same statement,
 * holding inserted contacts: status, received_at, the adm codes and categories) to the
 * rollups: an import counts what it inserts in the statement that inserts it.
 */
export function countInsertedCtes(source: string, tz: string): Sql {
  const from = raw(source);
  return sql`
    counted_weeks AS (
      INSERT INTO helpline_weekly_counts (week, adm1_code, adm2_code, category, n)
      SELECT ${weekOf(tz)}, h.adm1_code, h.adm2_code, c.category, count(*) FROM ${from} h CROSS JOIN unnest(h.categories) AS c(category) WHERE ${COUNTED} GROUP BY 1, 2, 3, 4
      ON CONFLICT (adm2_code, category, week) DO UPDATE SET n = helpline_weekly_counts.n + EXCLUDED.n
    ),
    counted_months AS (
      INSERT INTO helpline_monthly_counts (month, adm1_code, adm2_code, adm3_code, category, n)
      SELECT ${monthOf(tz)}, h.adm1_code, h.adm2_code, h.adm3_code, c.category, count(*) FROM ${from} h CROSS JOIN unnest(h.categories) AS c(category) WHERE ${COUNTED} GROUP BY 1, 2, 3, 4, 5
      ON CONFLICT (adm3_code, category, month) DO UPDATE SET n = helpline_monthly_counts.n + EXCLUDED.n
    )`;
}

/** Rebuilds both rollups from the contacts (after an import or a seed). */
export async function rebuildCounts(tx: Queryable, tz: string) {
  await tx.query(sql`DELETE FROM helpline_weekly_counts`);
  await tx.query(sql`DELETE FROM helpline_monthly_counts`);
  await tx.query(sql`
    INSERT INTO helpline_weekly_counts (week, adm1_code, adm2_code, category, n)
    SELECT ${weekOf(tz)}, h.adm1_code, h.adm2_code, c.category, count(*) FROM helpline_contacts h CROSS JOIN unnest(h.categories) AS c(category) WHERE ${COUNTED} GROUP BY 1, 2, 3, 4`);
  await tx.query(sql`
    INSERT INTO helpline_monthly_counts (month, adm1_code, adm2_code, adm3_code, category, n)
    SELECT ${monthOf(tz)}, h.adm1_code, h.adm2_code, h.adm3_code, c.category, count(*) FROM helpline_contacts h CROSS JOIN unnest(h.categories) AS c(category) WHERE ${COUNTED} GROUP BY 1, 2, 3, 4, 5`);
}

const WEEKLY_SCOPE = { adm1: 'r.adm1_code', adm2: 'r.adm2_code', adm3: 'NULL::text' };
const MONTHLY_SCOPE = { adm1: 'r.adm1_code', adm2: 'r.adm2_code', adm3: 'r.adm3_code' };
const AREA_COLUMN = { 1: 'r.adm1_code', 2: 'r.adm2_code', 3: 'r.adm3_code' } as const;

export type CountFilter = {
  from: string; to: string; period: 'week' | 'month'; level: 1 | 2 | 3;
  byArea: boolean; byCategory: boolean; byPeriod: boolean; topLevel: boolean;
  category?: string | undefined;
  /** Only places inside this unit: its level and code. */
  within?: { level: 1 | 2 | 3; code: string } | undefined;
};

function categoryFilter(category: string | undefined): Sql {
  if (!category) return TRUE;
  return category.includes('.') ? sql`r.category = ${category}` : sql`r.category LIKE ${`${category}.%`}`;
}

/** The rollups' version (0021): it moves on, in the writer's transaction, with every write to either. */
export async function countsVersion(db: Queryable): Promise<string> {
  return (await db.one<{ version: string }>(sql`SELECT version::text FROM helpline_counts_version WHERE id`)).version;
}

export type CountRow = { area: string | null; category: string | null; period: string | null; n: number };

/** Counts from the weekly (district) or monthly (upazila) rollup, grouped as asked, inside the actor's scope. */
export function counts(actor: Actor, f: CountFilter, limit: number): Sql {
  const table = f.period === 'week' ? 'helpline_weekly_counts' : 'helpline_monthly_counts';
  const time = f.period === 'week' ? 'r.week' : 'r.month';
  const cols = f.period === 'week' ? WEEKLY_SCOPE : MONTHLY_SCOPE;
  const area = raw(AREA_COLUMN[f.level]);
  const cat = f.topLevel ? sql`split_part(r.category, '.', 1)` : sql`r.category`;
  const where = [placePredicate(actor, P.analytics, cols), sql`${raw(time)} BETWEEN ${f.from}::date AND ${f.to}::date`, categoryFilter(f.category)];
  if (f.within) where.push(sql`${raw(AREA_COLUMN[f.within.level])} = ${f.within.code}`);
  return sql`
    SELECT ${f.byArea ? area : sql`NULL::text`} AS area, ${f.byCategory ? cat : sql`NULL::text`} AS category,
      ${f.byPeriod ? sql`to_char(${raw(time)}, 'YYYY-MM-DD')` : sql`NULL::text`} AS period, sum(r.n)::int AS n
    FROM ${raw(table)} r WHERE ${join(where, ' AND ')}
    GROUP BY 1, 2, 3 ORDER BY 3, 1, 2 LIMIT ${limit}`;
}

/** Monthly totals of one category (or all its subcategories) per area at `level`, inside the actor's scope. */
export function monthlySeries(db: Queryable, actor: Actor, category: string, level: 1 | 2, areaCode?: string) {
  const area = raw(AREA_COLUMN[level]);
  const where = [placePredicate(actor, P.analytics, MONTHLY_SCOPE), categoryFilter(category)];
  if (areaCode) where.push(sql`${area} = ${areaCode}`);
  return db.query<{ area: string; month: string; n: number }>(sql`
    SELECT ${area} AS area, to_char(r.month, 'YYYY-MM') AS month, sum(r.n)::int AS n
    FROM helpline_monthly_counts r WHERE ${join(where, ' AND ')} GROUP BY 1, 2 ORDER BY 1, 2`);
}

/** The span of the monthly rollup (first and last month with any count). */
export async function monthSpan(db: Queryable): Promise<{ first: string | null; last: string | null }> {
  const [r] = await db.query<{ first: string | null; last: string | null }>(sql`SELECT to_char(min(month), 'YYYY-MM') AS first, to_char(max(month), 'YYYY-MM') AS last FROM helpline_monthly_counts`);
  return r ?? { first: null, last: null };
}

/** Every district's weekly series of one category between two weeks (sparse: weeks without contacts are absent). */
export function weeklyOfCategory(db: Queryable, category: string, from: string, to: string) {
  return db.query<{ adm1_code: string; adm2_code: string; week: string; n: number }>(sql`
    SELECT adm1_code, adm2_code, to_char(week, 'YYYY-MM-DD') AS week, n FROM helpline_weekly_counts
    WHERE category = ${category} AND week BETWEEN ${from}::date AND ${to}::date`);
}

/** Categories with any count in the period (the detector only walks these). */
export async function categoriesCounted(db: Queryable, from: string, to: string): Promise<string[]> {
  return (await db.query<{ category: string }>(sql`SELECT DISTINCT category FROM helpline_weekly_counts WHERE week BETWEEN ${from}::date AND ${to}::date ORDER BY 1`)).map((r) => r.category);
}

export type SpikeRow = { level: 1 | 2; area_code: string; adm1_code: string; adm2_code: string | null; category: string; week: string; observed: number; expected: number; upper: number; score: number; method: 'farrington' | 'ears'; alerted: boolean };

/** Replaces the flagged cells of the judged weeks (a rerun over the same weeks gives the same table). */
export async function replaceSpikes(tx: Queryable, firstWeek: string, lastWeek: string, rows: readonly SpikeRow[]) {
  await tx.query(sql`DELETE FROM helpline_spikes WHERE week BETWEEN ${firstWeek}::date AND ${lastWeek}::date`);
  for (let i = 0; i < rows.length; i += 2000) {
    await tx.query(sql`
      INSERT INTO helpline_spikes (level, area_code, adm1_code, adm2_code, category, week, observed, expected, upper, score, method, alerted)
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 2000))}::jsonb) AS r(level smallint, area_code text, adm1_code text, adm2_code text, category text,
        week date, observed int, expected double precision, upper double precision, score double precision, method text, alerted boolean)`);
  }
}

/** The alerts raised in the weeks before `before` (the cool-down's memory). */
export function alertsBefore(db: Queryable, before: string, weeks: number) {
  return db.query<{ level: number; area_code: string; category: string; week: string; observed: number }>(sql`
    SELECT level, area_code, category, to_char(week, 'YYYY-MM-DD') AS week, observed FROM helpline_spikes
    WHERE alerted AND week < ${before}::date AND week >= ${before}::date - ${weeks * 7}::int`);
}

export async function recordRun(tx: Queryable, run: { firstWeek: string; lastWeek: string; judged: number; flagged: number; alerted: number; millis: number }) {
  await tx.query(sql`INSERT INTO helpline_detector_runs (first_week, last_week, judged, flagged, alerted, millis) VALUES (${run.firstWeek}, ${run.lastWeek}, ${run.judged}, ${run.flagged}, ${run.alerted}, ${run.millis})`);
}

type RunRow = { ran_at: Date; first_week: string; last_week: string; judged: number; flagged: number; alerted: number; millis: number };
const RUN_COLUMNS = sql`ran_at, to_char(first_week, 'YYYY-MM-DD') AS first_week, to_char(last_week, 'YYYY-MM-DD') AS last_week, judged, flagged, alerted, millis`;

export async function lastRun(db: Queryable): Promise<RunRow | null> {
  const [r] = await db.query<RunRow>(sql`SELECT ${RUN_COLUMNS} FROM helpline_detector_runs ORDER BY id DESC LIMIT 1`);
  return r ?? null;
}

/** The latest run that judged every week from `from` to `to`. */
export async function coveringRun(db: Queryable, from: string, to: string): Promise<RunRow | null> {
  const [r] = await db.query<RunRow>(sql`SELECT ${RUN_COLUMNS} FROM helpline_detector_runs WHERE first_week <= ${from}::date AND last_week >= ${to}::date ORDER BY id DESC LIMIT 1`);
  return r ?? null;
}

export async function firstWeek(db: Queryable): Promise<string | null> {
  const [r] = await db.query<{ w: string | null }>(sql`SELECT to_char(min(week), 'YYYY-MM-DD') AS w FROM helpline_weekly_counts`);
  return r?.w ?? null;
}

const SPIKE_SCOPE = { adm1: 'r.adm1_code', adm2: 'r.adm2_code', adm3: 'NULL::text' };

/** Flagged cells in a period at one level, inside the actor's scope, strongest first within a week. */
export function spikes(db: Queryable, actor: Actor, f: { from: string; to: string; level: 1 | 2; category?: string | undefined }) {
  return db.query<SpikeRow>(sql`
    SELECT r.level, r.area_code, r.adm1_code, r.adm2_code, r.category, to_char(r.week, 'YYYY-MM-DD') AS week, r.observed, r.expected, r.upper, r.score, r.method, r.alerted
    FROM helpline_spikes r
    WHERE ${placePredicate(actor, P.analytics, SPIKE_SCOPE)} AND r.level = ${f.level} AND r.week BETWEEN ${f.from}::date AND ${f.to}::date AND ${categoryFilter(f.category)}
    ORDER BY r.week DESC, r.score DESC LIMIT 2000`);
}

export type PlantedRow = { area_code: string; category: string; first_week: string; weeks: number; extra: number };

export function planted(db: Queryable) {
  return db.query<PlantedRow>(sql`SELECT area_code, category, to_char(first_week, 'YYYY-MM-DD') AS first_week, weeks, extra FROM helpline_planted_outbreaks ORDER BY first_week`);
}

export async function plant(tx: Queryable, rows: readonly PlantedRow[]) {
  await tx.query(sql`DELETE FROM helpline_planted_outbreaks`);
  if (rows.length) await tx.query(sql`INSERT INTO helpline_planted_outbreaks (area_code, category, first_week, weeks, extra) SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(area_code text, category text, first_week date, weeks int, extra int)`);
}

/** District-level flagged cells of the planted categories, for the backtest (no scope: the backtest is about the detector, aggregate). */
export function districtSpikesOf(db: Queryable, categories: readonly string[]) {
  return db.query<{ area_code: string; category: string; week: string }>(sql`
    SELECT area_code, category, to_char(week, 'YYYY-MM-DD') AS week FROM helpline_spikes WHERE level = 2 AND category = ANY(${[...categories]}::text[])`);
}

/** How many district cells the detector judged and flagged across its runs over the planted period. */
export async function districtFlagsBetween(db: Queryable, from: string, to: string): Promise<number> {
  const [r] = await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM helpline_spikes WHERE level = 2 AND week BETWEEN ${from}::date AND ${to}::date`);
  return r?.n ?? 0;
}
