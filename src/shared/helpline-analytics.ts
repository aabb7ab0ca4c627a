import { z } from 'zod';
import { IsoDate } from './common.js';
import { routeTable, type RoutesOf } from './contract.js';

/**
 * Helpline pattern analytics: aggregate counts, seasons, spikes and forecasts. Nothing here
 * names a person; a cell under the country's suppression threshold comes back as
 * `count: null, suppressed: true` for a reader whose role may not see small cells.
 */
export const ANALYTICS_LEVELS = ['division', 'district', 'upazila'] as const;
export type AnalyticsLevel = (typeof ANALYTICS_LEVELS)[number];
export const LEVEL_NUMBER: Record<AnalyticsLevel, 1 | 2 | 3> = { division: 1, district: 2, upazila: 3 };
export const COUNT_DIMENSIONS = ['area', 'category', 'period'] as const;

const Code = z.string().trim().min(1).max(80);

export const CountsQuery = z.object({
  from: IsoDate,
  to: IsoDate,
  period: z.enum(['week', 'month']).default('month'),
  level: z.enum(ANALYTICS_LEVELS).default('district'),
  /** What to count by (comma-separated): any of area, category, period; what is left out is summed over. */
  by: z.string().default('area,category,period').transform((v, ctx) => {
    const parts = [...new Set(v.split(',').map((p) => p.trim()).filter(Boolean))];
    if (parts.some((p) => !(COUNT_DIMENSIONS as readonly string[]).includes(p))) ctx.addIssue({ code: 'custom', message: 'unknown_dimension' });
    return parts as Array<(typeof COUNT_DIMENSIONS)[number]>;
  }),
  /** Count by top-level category rather than subcategory. */
  group: z.enum(['category', 'subcategory']).default('subcategory'),
  /** A category (all its subcategories) or one subcategory. */
  category: Code.optional(),
  /** Only places inside this unit (any level). */
  area: Code.optional(),
});
export type CountsQuery = z.infer<typeof CountsQuery>;

export const CountCell = z.object({
  areaCode: z.string().nullable(),
  categoryCode: z.string().nullable(),
  period: z.string().nullable(),
  count: z.number().nullable(),
  suppressed: z.boolean(),
});
export type CountCell = z.infer<typeof CountCell>;
export const Counts = z.object({ suppressBelow: z.number(), items: z.array(CountCell) });

export const SeasonalityQuery = z.object({ category: Code, month: z.string().regex(/^\d{4}-\d{2}$/).optional() });
export const Seasonality = z.object({
  category: z.string(),
  month: z.string(),
  suppressBelow: z.number(),
  items: z.array(z.object({
    areaCode: z.string(),
    /** Average contacts in each calendar month (January first) over the years on record, relative to the area's monthly average (1 = usual). */
    profile: z.array(z.number().nullable()),
    /** This month and the same month in earlier years, oldest first. */
    sameMonth: z.array(z.object({ year: z.number(), count: z.number().nullable(), suppressed: z.boolean() })),
  })),
});

export const SpikesQuery = z.object({
  from: IsoDate,
  to: IsoDate,
  level: z.enum(['division', 'district']).default('district'),
  category: Code.optional(),
});
export const Spike = z.object({
  areaCode: z.string(),
  categoryCode: z.string(),
  /** The week (its Monday). */
  period: z.string(),
  observed: z.number(),
  expected: z.number(),
  upper: z.number(),
  /** (observed - expected) / (upper - expected): above 1 is beyond the bound. */
  score: z.number(),
  method: z.enum(['farrington', 'ears']),
  /** Raised to the area's officers (false: inside the cool-down of an earlier alert). */
  alerted: z.boolean(),
});
export type Spike = z.infer<typeof Spike>;

export const ForecastQuery = z.object({ area: Code, category: Code });
export const Forecast = z.object({
  areaCode: z.string(),
  category: z.string(),
  suppressBelow: z.number(),
  history: z.array(z.object({ month: z.string(), count: z.number().nullable() })),
  /** The next three months; null when the history is too short (under two years) to model. */
  forecast: z.array(z.object({ month: z.string(), mean: z.number(), lower: z.number(), upper: z.number() })).nullable(),
  backtest: z.object({ mase: z.number().nullable(), naiveMase: z.number().nullable(), points: z.number() }),
});
export type Forecast = z.infer<typeof Forecast>;

export const DetectorReport = z.object({
  lastRun: z.object({ ranAt: z.string(), firstWeek: z.string(), lastWeek: z.string(), judged: z.number(), flagged: z.number(), alerted: z.number(), millis: z.number() }).nullable(),
  /** Scored against the outbreaks the seed planted (none on real data). */
  backtest: z.object({
    planted: z.number(),
    detected: z.number(),
    sensitivity: z.number().nullable(),
    falseAlertsPer100Cells: z.number().nullable(),
    medianWeeksToDetection: z.number().nullable(),
    outbreaks: z.array(z.object({ areaCode: z.string(), categoryCode: z.string(), firstWeek: z.string(), weeks: z.number(), detectedWeek: z.string().nullable() })),
  }),
});
export type DetectorReport = z.infer<typeof DetectorReport>;

export const helplineAnalyticsApi = routeTable({
  'GET /api/v1/helpline/analytics/counts': {
    summary: 'Completed contacts by area, category and week or month',
    description: 'Aggregate only. `by` chooses the dimensions; weekly counts go down to districts, monthly to upazilas. Cells under the suppression threshold are hidden for roles without helpline.analytics.cells.',
    querystring: CountsQuery, response: { 200: Counts },
  },
  'GET /api/v1/helpline/analytics/seasonality': { summary: "A category's month profile per division, and this month against the same month in earlier years", querystring: SeasonalityQuery, response: { 200: Seasonality } },
  'GET /api/v1/helpline/analytics/spikes': {
    summary: 'Area x category x week cells the spike detector flagged',
    description: 'The improved Farrington method (EARS C2 for series under two years), run weekly on completed contacts; observed, expected, the upper bound and the score of each flagged cell.',
    querystring: SpikesQuery, response: { 200: z.object({ items: z.array(Spike) }) },
  },
  'GET /api/v1/helpline/analytics/forecast': {
    summary: 'The next three months for one area and category, with the backtest error',
    description: 'MASE of rolling forecasts over the last twelve months, against the seasonal-naive forecast (below 1: better than "the same month last year").',
    querystring: ForecastQuery, response: { 200: Forecast },
  },
  'GET /api/v1/helpline/analytics/detector': { summary: "The spike detector's last run and its backtest on planted outbreaks", response: { 200: DetectorReport } },
});

declare module './contract.js' {
  interface ApiRoutes extends RoutesOf<typeof helplineAnalyticsApi> {}
}
