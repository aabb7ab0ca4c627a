import { z } from 'zod';
import { Items } from './common.js';
import { HELPLINE_CALL_TYPES, HELPLINE_CHANNELS } from './values.js';
import { routeTable, type RoutesOf } from './contract.js';

/** A label in each language the country uses, keyed by language code. */
export const LocalisedText = z.record(z.string(), z.string());
export type LocalisedText = z.infer<typeof LocalisedText>;

export const CountryConfig = z.object({
  code: z.string().regex(/^[a-z]{2,3}$/),
  name: LocalisedText,
  languages: z.array(z.string()).min(1),
  localLanguage: z.string(),
  timezone: z.string(),
  currency: z.string().length(3),
  helpline: z.object({
    number: z.string(),
    name: LocalisedText,
    /** The contact form, by configuration: which call types and channels the helpline records, and how finely a place is taken. */
    form: z.object({
      callTypes: z.array(z.enum(HELPLINE_CALL_TYPES)).min(1).default([...HELPLINE_CALL_TYPES]),
      channels: z.array(z.enum(HELPLINE_CHANNELS)).min(1).default([...HELPLINE_CHANNELS]),
      /** The finest level a contact's place is resolved to (4: union in Bangladesh; 3: tehsil in Khyber Pakhtunkhwa). */
      placeLevel: z.number().int().min(1).max(4).default(4),
    }).default({ callTypes: [...HELPLINE_CALL_TYPES], channels: [...HELPLINE_CHANNELS], placeLevel: 4 }),
    /** Who an emergency may be dispatched to, and within how many minutes they must acknowledge before the supervisors are alerted. */
    dispatchTargets: z.array(z.object({ key: z.string().regex(/^[a-z0-9_]+$/), name: LocalisedText, ackMinutes: z.number().int().min(1).max(1440) })).default([]),
    /** Pattern analytics: cells under `suppressBelow` are hidden from roles without helpline.analytics.cells; a week needs `minCount` contacts to be a spike; an alerted cell stays quiet `coolDownWeeks` unless it grows. */
    analytics: z.object({
      suppressBelow: z.number().int().min(1).max(50).default(5),
      minCount: z.number().int().min(1).max(100).default(5),
      coolDownWeeks: z.number().int().min(0).max(52).default(4),
    }).default({ suppressBelow: 5, minCount: 5, coolDownWeeks: 4 }),
  }),
  levels: z
    .array(z.object({ level: z.number().int().min(1).max(4), key: z.string(), name: LocalisedText }))
    .min(1),
  geography: z.object({
    units: z.string(),
    geojson: z.record(z.string(), z.string()),
    flags: z.record(z.string(), LocalisedText),
  }),
  /** Facility types; a type with `phases` tracks each resident through them in order (a Shishu Paribar: housing and health, education, vocational training, reintegration). */
  institutionTypes: z.array(z.object({ key: z.string(), name: LocalisedText, phases: z.array(z.object({ key: z.string().regex(/^[a-z0-9_]+$/), name: LocalisedText })).optional() })),
  /** Months after a discharge to a family, a carer, a job or adult life at which the child is visited (reintegration follow-up). */
  reintegrationFollowUpMonths: z.array(z.number().int().min(1).max(60)).min(1).max(12).default([1, 3, 6, 12]),
});
export type CountryConfig = z.infer<typeof CountryConfig>;

/** One record of data/geo/<cc>/units.json. */
export const UnitRecord = z.object({
  code: z.string().min(1).max(40),
  level: z.number().int().min(1).max(4),
  parent: z.string().nullable(),
  name_en: z.string().min(1),
  name_local: z.string().nullable(),
  names_alt: z.array(z.string()).default([]),
  kind: z.string().nullable().default(null),
  code_source: z.enum(['official', 'local']),
  flags: z.array(z.string()).default([]),
  lat: z.number().nullable().default(null),
  lon: z.number().nullable().default(null),
  note: z.string().nullable().default(null),
});
export type UnitRecord = z.infer<typeof UnitRecord>;

export const GeoUnit = z.object({
  code: z.string(),
  level: z.number(),
  levelKey: z.string(),
  parentCode: z.string().nullable(),
  name: z.object({ en: z.string(), local: z.string().nullable() }),
  kind: z.string().nullable(),
  codeSource: z.enum(['official', 'local']),
  flags: z.array(z.string()),
  hasChildren: z.boolean().optional(),
});
export type GeoUnit = z.infer<typeof GeoUnit>;

export const GeoSearchQuery = z.object({
  q: z.string().trim().min(1).max(100),
  level: z.coerce.number().int().min(1).max(4).optional(),
  /** The lowest level wanted counted from the top (3: upazilas and unions), when `level` is not given. */
  minLevel: z.coerce.number().int().min(1).max(4).optional(),
  /** A unit whose places are listed first (the user's own area). */
  near: z.string().min(1).max(40).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type GeoSearchQuery = z.infer<typeof GeoSearchQuery>;

export const GeoSearchHit = GeoUnit.extend({
  score: z.number(),
  inArea: z.boolean(),
  within: z.array(z.object({ code: z.string(), level: z.number(), name: GeoUnit.shape.name })),
});
export type GeoSearchHit = z.infer<typeof GeoSearchHit>;

export const GeoCodeParam = z.object({ code: z.string().min(1).max(40) });

/** What the web app needs of the country configuration (public). */
export const CountryInfo = CountryConfig.pick({ code: true, name: true, languages: true, timezone: true, currency: true, helpline: true, levels: true, institutionTypes: true })
  .extend({ flags: CountryConfig.shape.geography.shape.flags });
export type CountryInfo = z.infer<typeof CountryInfo>;
/** A GeoJSON file (gzip when the client accepts it), or 304 when the client's copy is current. */
export const GeoJsonFile = z.unknown().meta({ type: 'string', format: 'binary', description: 'GeoJSON (application/geo+json), gzip-encoded when the client accepts it' });

/** The geography API: public reference data, no sign-in. */
export const geoApi = routeTable({
  'GET /api/v1/geo/country': { summary: "The running country's configuration", response: { 200: CountryInfo } },
  'GET /api/v1/geo/units': { summary: 'The top level of the administrative hierarchy', response: { 200: Items(GeoUnit) } },
  'GET /api/v1/geo/units/:code': { summary: 'One administrative unit and its path to the top', params: GeoCodeParam, response: { 200: z.object({ unit: GeoUnit, path: z.array(GeoUnit) }) } },
  'GET /api/v1/geo/units/:code/children': { summary: 'The units directly under one', params: GeoCodeParam, response: { 200: Items(GeoUnit) } },
  'GET /api/v1/geo/search': {
    summary: 'Find places by name in either script',
    description: 'Typo-tolerant. Places inside `near` come first; each result names the units it lies in, nearest first (union: upazila, district, division).',
    querystring: GeoSearchQuery, response: { 200: Items(GeoSearchHit) },
  },
  'GET /api/v1/geo/geojson/:level': { summary: 'Boundaries of one level as GeoJSON', params: z.object({ level: z.coerce.number().int().min(1).max(4) }), response: { 200: GeoJsonFile, 304: z.null() } },
});
declare module './contract.js' {
  interface ApiRoutes extends RoutesOf<typeof geoApi> {}
}
