import { HELPLINE_PERMISSIONS as P } from '../../../../shared/helpline.js';
import { LEVEL_NUMBER, type CountsQuery, type DetectorReport, type Forecast, type Spike } from '../../../../shared/helpline-analytics.js';
import type { CountryConfig } from '../../../../shared/geo.js';
import { can, type Actor } from '../../../platform/access/actor.js';
import { usersHolding } from '../../../platform/access/holders.js';
import type { Database, Queryable, Tx } from '../../../platform/db/database.js';
import { LRUCache } from 'lru-cache';
import type { Sql } from '../../../platform/db/sql.js';
import { AppError } from '../../../platform/errors.js';
import { bothNames, notify } from '../../../platform/notifications/notifications.js';
import type { GeoService } from '../../geo/service.js';
import type { LoadedIntakeForm } from '../form.js';
import { alertsToRaise } from './cooldown.js';
import { detectWeekly } from './detector.js';
import { backtestMonthly, forecastMonthly } from './forecast.js';
import * as q from './queries.js';

const DAY = 86_400_000;
const MAX_CELLS = 20_000;
/** Weeks of history the detector reads before the first week it judges: five years and the window. */
const HISTORY_WEEKS = 5 * 52 + 4;

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (day: string, n: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY));
/** The Monday of the week a day falls in. */
export function mondayOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return addDays(day, -((d.getUTCDay() + 6) % 7));
}
/** The last complete week at a moment, in a time zone: the Monday of the week before this one. */
export function lastCompleteWeek(now: Date, timezone: string): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return addDays(mondayOf(today), -7);
}
function weeksBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let w = first; w <= last; w = addDays(w, 7)) out.push(w);
  return out;
}
const addMonths = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
};

export type DetectRun = { firstWeek: string; lastWeek: string; judged: number; flagged: number; alerted: number; millis: number };

/**
 * Helpline pattern analytics, all aggregate: counts from the rollups, each season's profile,
 * the weekly spike detector (and its alerts), forecasts with their backtest. Every read is
 * limited to the reader's scope inside the query, and cells under the country's threshold are
 * hidden from roles that may not see small cells.
 */
export function createHelplineAnalytics(db: Database, geo: GeoService, form: LoadedIntakeForm, country: CountryConfig) {
  const settings = country.helpline.analytics;
  const tz = country.timezone;
  const mayRead = (actor: Actor) => { if (!can(actor, P.analytics)) throw new AppError('forbidden'); };
  const shown = (actor: Actor) => {
    const all = can(actor, P.smallCells);
    return (n: number) => (all || n >= settings.suppressBelow ? { count: n, suppressed: false } : { count: null, suppressed: true });
  };

  /**
   * Counts as computed at a version of the rollups, by statement (its text and values, which
   * hold the reader's scope), reused while the version stands: officials opening the page ask
   * the same few questions, and the rollups change only when a contact is completed or
   * imported. Raw counts: suppression is applied per reader after. Bounded by rows held.
   */
  const computed = new LRUCache<string, { version: string; rows: q.CountRow[] }>({ maxSize: 200_000, sizeCalculation: (e) => e.rows.length + 1 });
  async function countRows(statement: Sql): Promise<q.CountRow[]> {
    const { text, values } = statement.toQuery();
    const key = `${text}\u0000${JSON.stringify(values)}`;
    // Read before the counts: a write committed in between makes the entry newer than its version, never older.
    const version = await q.countsVersion(db);
    const hit = computed.get(key);
    if (hit?.version === version) return hit.rows;
    const rows = await db.query<q.CountRow>(statement);
    computed.set(key, { version, rows });
    return rows;
  }

  function categoryName(code: string) {
    const sub = form.subcategory(code);
    const label = sub?.label ?? form.categories.find((c) => c.code === code)?.label;
    return bothNames(label?.en ?? code, label?.[country.localLanguage] ?? null);
  }

  async function within(area: string | undefined) {
    if (!area) return undefined;
    const unit = await geo.find(area);
    if (!unit || unit.level > 3) throw new AppError('validation', 'validation', [{ path: 'area', code: 'unknown_unit', message: '' }]);
    return { level: unit.level as 1 | 2 | 3, code: unit.code };
  }

  /** Judges one category's series (each district, and each division as the sum of its districts). */
  function judgeCategory(category: string, dates: readonly string[], rows: Awaited<ReturnType<typeof q.weeklyOfCategory>>, first: number) {
    const index = new Map(dates.map((d, i) => [d, i]));
    const series = new Map<string, { level: 1 | 2; adm1: string; adm2: string | null; counts: number[] }>();
    const get = (key: string, level: 1 | 2, adm1: string, adm2: string | null) => {
      let s = series.get(key);
      if (!s) series.set(key, (s = { level, adm1, adm2, counts: new Array<number>(dates.length).fill(0) }));
      return s;
    };
    for (const r of rows) {
      const i = index.get(r.week);
      if (i === undefined) continue;
      get(`2:${r.adm2_code}`, 2, r.adm1_code, r.adm2_code).counts[i]! += r.n;
      get(`1:${r.adm1_code}`, 1, r.adm1_code, null).counts[i]! += r.n;
    }
    const range = Array.from({ length: dates.length - first }, (_, i) => first + i);
    const flagged: q.SpikeRow[] = [];
    let judged = 0;
    for (const [key, s] of series) {
      const results = detectWeekly(dates, s.counts, range, { minCount: settings.minCount });
      if (s.level === 2) judged += results.length;
      for (const r of results) {
        if (!r.alarm) continue;
        flagged.push({ level: s.level, area_code: key.slice(2), adm1_code: s.adm1, adm2_code: s.adm2, category, week: dates[r.index]!, observed: r.observed, expected: r.expected, upper: r.upper, score: r.score, method: r.method, alerted: false });
      }
    }
    return { flagged, judged };
  }

  return {
    /**
     * Runs the spike detector over the weeks from `firstWeek` to `lastWeek` (Mondays), replacing
     * what earlier runs flagged in those weeks. Cells outside their cool-down are alerted; with
     * `notify`, each alert goes to the officers of that district (or division), in the same
     * transaction. A backfill over past weeks does not notify anyone.
     */
    async detect(opts: { firstWeek: string; lastWeek: string; notify: boolean }, inTx?: Tx): Promise<DetectRun> {
      // A seed passes its transaction (on the embedded database it holds the only connection).
      const conn: Queryable = inTx ?? db;
      const write = <T>(fn: (tx: Tx) => Promise<T>) => (inTx ? fn(inTx) : db.tx(fn));
      const started = Date.now();
      const firstWeek = mondayOf(opts.firstWeek);
      const lastWeek = mondayOf(opts.lastWeek);
      const historyFrom = addDays(firstWeek, -7 * HISTORY_WEEKS);
      const categories = await q.categoriesCounted(conn, historyFrom, lastWeek);
      const flagged: q.SpikeRow[] = [];
      let judged = 0;
      const dataStart = await q.firstWeek(conn);
      if (!dataStart || categories.length === 0) return { firstWeek, lastWeek, judged: 0, flagged: 0, alerted: 0, millis: Date.now() - started };
      const dates = weeksBetween(dataStart > historyFrom ? (dataStart < firstWeek ? dataStart : firstWeek) : historyFrom, lastWeek);
      const first = dates.indexOf(firstWeek);
      for (const category of categories) {
        const result = judgeCategory(category, dates, await q.weeklyOfCategory(conn, category, dates[0]!, lastWeek), first);
        flagged.push(...result.flagged);
        judged += result.judged;
      }
      // The cool-down, per level: alerts of earlier runs count, so a rerun does not re-alert.
      const earlier = await q.alertsBefore(conn, firstWeek, settings.coolDownWeeks);
      const raisedKeys = new Set<string>();
      for (const level of [1, 2] as const) {
        const cells = flagged.filter((f) => f.level === level).map((f) => ({ areaCode: f.area_code, categoryCode: f.category, period: f.week, observed: f.observed }));
        const before = earlier.filter((e) => e.level === level).map((e) => ({ areaCode: e.area_code, categoryCode: e.category, period: e.week, observed: e.observed }));
        for (const c of alertsToRaise(cells, before, settings.coolDownWeeks)) raisedKeys.add(`${level}|${c.areaCode}|${c.categoryCode}|${c.period}`);
      }
      for (const f of flagged) f.alerted = raisedKeys.has(`${f.level}|${f.area_code}|${f.category}|${f.week}`);
      const run = { firstWeek, lastWeek, judged, flagged: flagged.length, alerted: raisedKeys.size, millis: 0 };
      await write(async (tx) => {
        await q.replaceSpikes(tx, firstWeek, lastWeek, flagged);
        if (opts.notify) {
          for (const f of flagged.filter((x) => x.alerted)) {
            const unit = await geo.find(f.area_code);
            const officers = await usersHolding(tx, { permission: P.spikeAlerts, at: { level: f.level, code: f.area_code } });
            const params = { category: categoryName(f.category), area: bothNames(unit?.name_en ?? f.area_code, unit?.name_local), observed: f.observed, expected: Math.round(f.expected * 10) / 10 };
            for (const o of officers) await notify(tx, o, 'helpline_spike', params, `/helpline/analytics?area=${f.area_code}&category=${f.category}`);
          }
        }
        run.millis = Date.now() - started;
        await q.recordRun(tx, run);
      });
      return run;
    },

    /** Rebuilds the rollups from the contacts (after an import or a seed). */
    rebuildCounts: (tx: Queryable) => q.rebuildCounts(tx, tz),
    plantOutbreaks: (tx: Queryable, rows: readonly q.PlantedRow[]) => q.plant(tx, rows),

    /** The weekly job: judge the last complete week. */
    async detectLastWeek(now: Date = new Date()): Promise<DetectRun> {
      const week = lastCompleteWeek(now, tz);
      return this.detect({ firstWeek: week, lastWeek: week, notify: true });
    },

    async counts(actor: Actor, query: CountsQuery) {
      mayRead(actor);
      if (query.from > query.to) throw new AppError('validation', 'validation', [{ path: 'to', code: 'before_from', message: '' }]);
      if (query.period === 'week' && query.level === 'upazila' && query.by.includes('area')) {
        throw new AppError('validation', 'validation', [{ path: 'level', code: 'weekly_to_district', message: '' }]);
      }
      const rows = await countRows(q.counts(actor, {
        from: query.from, to: query.to, period: query.period, level: LEVEL_NUMBER[query.level],
        byArea: query.by.includes('area'), byCategory: query.by.includes('category'), byPeriod: query.by.includes('period'),
        topLevel: query.group === 'category', category: query.category, within: await within(query.area),
      }, MAX_CELLS + 1));
      if (rows.length > MAX_CELLS) throw new AppError('validation', 'validation', [{ path: 'by', code: 'too_many_cells', message: '' }]);
      const show = shown(actor);
      return { suppressBelow: settings.suppressBelow, items: rows.map((r) => ({ areaCode: r.area, categoryCode: r.category, period: r.period, ...show(r.n) })) };
    },

    /** Each division's month profile for a category, and one month against the same month in earlier years. */
    async seasonality(actor: Actor, query: { category: string; month?: string | undefined }) {
      mayRead(actor);
      const span = await q.monthSpan(db);
      const month = query.month ?? span.last ?? new Date().toISOString().slice(0, 7);
      const rows = await q.monthlySeries(db, actor, query.category, 1);
      const show = shown(actor);
      const byArea = new Map<string, Map<string, number>>();
      for (const r of rows) (byArea.get(r.area) ?? byArea.set(r.area, new Map()).get(r.area)!).set(r.month, r.n);
      const items = [...byArea].map(([areaCode, months]) => {
        const years = new Set<number>();
        if (span.first && span.last) for (let m = span.first; m <= span.last; m = addMonths(m, 1)) years.add(Number(m.slice(0, 4)));
        const perMonth = Array.from({ length: 12 }, () => ({ sum: 0, n: 0 }));
        if (span.first && span.last) {
          for (let m = span.first; m <= span.last; m = addMonths(m, 1)) {
            const slot = perMonth[Number(m.slice(5, 7)) - 1]!;
            slot.sum += months.get(m) ?? 0;
            slot.n++;
          }
        }
        const means = perMonth.map((s) => (s.n ? s.sum / s.n : null));
        const known = means.filter((v): v is number => v !== null);
        const overall = known.length ? known.reduce((a, b) => a + b, 0) / known.length : 0;
        const sameMonth = [...years].sort().filter((y) => `${y}${month.slice(4)}` <= month && (!span.first || `${y}${month.slice(4)}` >= span.first))
          .map((year) => ({ year, ...show(months.get(`${year}${month.slice(4)}`) ?? 0) }));
        return { areaCode, profile: means.map((v) => (v === null || overall === 0 ? null : Math.round((v / overall) * 100) / 100)), sameMonth };
      });
      return { category: query.category, month, suppressBelow: settings.suppressBelow, items };
    },

    async spikes(actor: Actor, query: { from: string; to: string; level: 'division' | 'district'; category?: string | undefined }): Promise<Spike[]> {
      mayRead(actor);
      const rows = await q.spikes(db, actor, { from: query.from, to: query.to, level: LEVEL_NUMBER[query.level] as 1 | 2, category: query.category });
      return rows.map((r) => ({ areaCode: r.area_code, categoryCode: r.category, period: r.week, observed: r.observed, expected: r.expected, upper: r.upper, score: r.score, method: r.method, alerted: r.alerted }));
    },

    /** The next three months for a district (or division) and category, with the rolling backtest's error. */
    async forecast(actor: Actor, query: { area: string; category: string }): Promise<Forecast> {
      mayRead(actor);
      const unit = await geo.find(query.area);
      if (!unit || unit.level > 2) throw new AppError('validation', 'validation', [{ path: 'area', code: 'unknown_unit', message: '' }]);
      const span = await q.monthSpan(db);
      const rows = await q.monthlySeries(db, actor, query.category, unit.level as 1 | 2, unit.code);
      const byMonth = new Map(rows.map((r) => [r.month, r.n]));
      const months: string[] = [];
      if (span.first && span.last) for (let m = span.first; m <= span.last; m = addMonths(m, 1)) months.push(m);
      // The last month on record is usually still running: it is shown, not modelled.
      const complete = months.filter((m) => m < new Date().toISOString().slice(0, 7));
      const counts = complete.map((m) => byMonth.get(m) ?? 0);
      const firstMonth = complete[0] ? Number(complete[0].slice(5, 7)) - 1 : 0;
      const show = shown(actor);
      const predicted = rows.length ? forecastMonthly(counts, firstMonth) : null;
      const last = complete[complete.length - 1];
      const hideSmall = !can(actor, P.smallCells);
      return {
        areaCode: unit.code, category: query.category, suppressBelow: settings.suppressBelow,
        history: months.map((m) => ({ month: m, count: show(byMonth.get(m) ?? 0).count })),
        forecast: predicted && last
          ? predicted.map((p) => ({ month: addMonths(last, p.step), mean: Math.round(p.mean * 10) / 10, lower: p.lower, upper: p.upper }))
            .map((p) => (hideSmall && p.mean < settings.suppressBelow ? { ...p, mean: 0, lower: 0, upper: settings.suppressBelow } : p))
          : null,
        backtest: rows.length ? backtestMonthly(counts, firstMonth) : { mase: null, naiveMase: null, points: 0 },
      };
    },

    /**
     * The detector scored against the outbreaks a seed planted: found (a district flag for that
     * category inside the outbreak's weeks), weeks to the first flag, and flags outside any
     * planted outbreak per 100 district cells judged.
     */
    async detectorReport(actor: Actor): Promise<DetectorReport> {
      mayRead(actor);
      const run = await q.lastRun(db);
      const planted = await q.planted(db);
      const flags = planted.length ? await q.districtSpikesOf(db, [...new Set(planted.map((p) => p.category))]) : [];
      const outbreaks = planted.map((p) => {
        const end = addDays(p.first_week, 7 * (p.weeks - 1));
        const hits = flags.filter((f) => f.area_code === p.area_code && f.category === p.category && f.week >= p.first_week && f.week <= end).map((f) => f.week).sort();
        return { areaCode: p.area_code, categoryCode: p.category, firstWeek: p.first_week, weeks: p.weeks, detectedWeek: hits[0] ?? null };
      });
      const detected = outbreaks.filter((o) => o.detectedWeek);
      const delays = detected.map((o) => (Date.parse(o.detectedWeek!) - Date.parse(o.firstWeek)) / (7 * DAY)).sort((a, b) => a - b);
      let falseAlerts: number | null = null;
      // Scored on the run that judged every planted week (the seed's backfill), not the latest weekly one.
      const span = planted.length ? await q.coveringRun(db, planted[0]!.first_week, planted.reduce((m, p) => (addDays(p.first_week, 7 * (p.weeks - 1)) > m ? addDays(p.first_week, 7 * (p.weeks - 1)) : m), planted[0]!.first_week)) : null;
      if (span && span.judged > 0) {
        const total = await q.districtFlagsBetween(db, span.first_week, span.last_week);
        const inside = flags.filter((f) => f.week >= span.first_week && f.week <= span.last_week && planted.some((p) => p.area_code === f.area_code && p.category === f.category && f.week >= p.first_week && f.week <= addDays(p.first_week, 7 * (p.weeks - 1)))).length;
        falseAlerts = Math.round(((total - inside) / span.judged) * 100 * 100) / 100;
      }
      return {
        lastRun: run ? { ranAt: run.ran_at.toISOString(), firstWeek: run.first_week, lastWeek: run.last_week, judged: run.judged, flagged: run.flagged, alerted: run.alerted, millis: run.millis } : null,
        backtest: {
          planted: planted.length, detected: detected.length,
          sensitivity: planted.length ? Math.round((detected.length / planted.length) * 1000) / 1000 : null,
          falseAlertsPer100Cells: falseAlerts,
          medianWeeksToDetection: delays.length ? delays[Math.floor(delays.length / 2)]! : null,
          outbreaks,
        },
      };
    },
  };
}
export type HelplineAnalytics = ReturnType<typeof createHelplineAnalytics>;
