import { z } from 'zod';
import { Items, Ok, PastDate } from './common.js';
import { routeTable, type RoutesOf } from './contract.js';
import { PersonName } from './cases.js';

/** The comparisons record linkage makes of two records, in the model's order. */
export const LINK_COMPARISONS = ['name', 'birth_date', 'sex', 'place', 'family'] as const;
export const LINK_DECISIONS = ['same', 'different', 'unsure'] as const;
export const LINK_BANDS = ['link', 'review', 'none'] as const;

/** A source's name for `ncpp import people --source` and the upload: lower-case letters, digits, _ and -. */
export const SourceName = z.string().regex(/^[a-z][a-z0-9_-]{1,39}$/, 'source_name');

/** One source record as a reader sees it (only ever a record the reader may see). */
export const LinkedRecord = z.object({
  id: z.uuid(),
  source: z.string(),
  sourceId: z.string().nullable(),
  names: z.array(z.string()),
  sex: z.string(),
  dateOfBirth: z.string().nullable(),
  dobEstimated: z.boolean(),
  ageYears: z.number().int().nullable(),
  place: z.object({ code: z.string(), name: z.string() }).nullable(),
  father: z.string().nullable(),
  mother: z.string().nullable(),
  recordedAt: z.string(),
});
export type LinkedRecord = z.infer<typeof LinkedRecord>;

/** How two records compare on one field: the level the engine gave and what it weighed. */
export const Agreement = z.object({
  comparison: z.enum(LINK_COMPARISONS),
  /** -1: one side has nothing to compare; 0: disagree; higher: closer. */
  level: z.number().int(),
  levelLabel: z.string(),
  weight: z.number(),
});

export const MatchQuery = z.object({
  name: PersonName.shape.text,
  sex: z.enum(['female', 'male', 'other', 'unknown']).optional(),
  dateOfBirth: PastDate.optional(),
  ageYears: z.coerce.number().int().min(0).max(25).optional(),
  geoCode: z.string().max(20).optional(),
  phone: z.string().max(30).optional(),
  father: z.string().max(120).optional(),
  mother: z.string().max(120).optional(),
});
export type MatchQuery = z.infer<typeof MatchQuery>;

export const PossibleMatch = z.object({
  personId: z.uuid(),
  record: LinkedRecord,
  probability: z.number(),
  band: z.enum(LINK_BANDS),
  agreements: z.array(Agreement),
  /** How many records the person has that the reader may see (this one included). */
  records: z.number().int(),
  /** The person's cases the reader may see. */
  cases: z.array(z.object({ id: z.uuid(), caseNumber: z.string(), status: z.string() })),
});

export const ReviewPair = z.object({
  a: LinkedRecord,
  b: LinkedRecord,
  probability: z.number(),
  weight: z.number(),
  agreements: z.array(Agreement),
  status: z.enum(['open', 'unsure']),
  modelVersion: z.number().int(),
});
export const ReviewQuery = z.object({ status: z.enum(['open', 'unsure']).default('open'), offset: z.coerce.number().int().min(0).default(0) });
export const ReviewPage = z.object({ items: z.array(ReviewPair), total: z.number().int(), model: z.object({ version: z.number().int(), createdAt: z.string() }).nullable() });
export const Decision = z.object({ a: z.uuid(), b: z.uuid(), decision: z.enum(LINK_DECISIONS) });
export const DecisionResult = z.object({ ok: z.literal(true), changeId: z.uuid().nullable() });

export const LinkChange = z.object({ id: z.uuid(), kind: z.enum(['merge', 'split']), madeAt: z.string(), undoneAt: z.string().nullable(), reason: z.string().nullable() });
export const TimelineEntry = z.object({
  at: z.string(),
  kind: z.enum(['record', 'case']),
  recordId: z.uuid(),
  source: z.string(),
  caseId: z.uuid().nullable(),
  caseNumber: z.string().nullable(),
  status: z.string().nullable(),
});
export const Person = z.object({
  id: z.uuid(),
  records: z.array(LinkedRecord),
  timeline: z.array(TimelineEntry),
  changes: z.array(LinkChange),
  mayReview: z.boolean(),
});
export const Split = z.object({ records: z.array(z.uuid()).min(1).max(200), reason: z.string().trim().min(3).max(500) });
export const ChangeResult = z.object({ changeId: z.uuid() });

export const ChildCounts = z.object({
  rows: z.array(z.object({ district: z.object({ code: z.string(), name: z.string() }).nullable(), sex: z.string(), ageBand: z.string(), children: z.number().int(), records: z.number().int() })),
});
export const ImportQuery = z.object({ source: SourceName, again: z.enum(['true', 'false']).optional() });
export const ImportResult = z.object({ rows: z.number().int(), source: z.string() });

const Id = z.object({ id: z.uuid() });

export const peopleApi = routeTable({
  'GET /api/v1/people/matches': { summary: 'Persons already on record who may be the child being registered, best first', querystring: MatchQuery, response: { 200: Items(PossibleMatch) } },
  'GET /api/v1/people/review': { summary: 'Pairs of records record linkage could not decide, for a person to judge', querystring: ReviewQuery, response: { 200: ReviewPage } },
  'POST /api/v1/people/review': { summary: 'Judge a pair: the same child (merges them), different children, or not sure', body: Decision, response: { 200: DecisionResult } },
  'GET /api/v1/people/counts': { summary: 'Children (not records) by district, sex and age band, within one\u2019s area', response: { 200: ChildCounts } },
  'POST /api/v1/people/imports': { summary: 'Import a list of people from another system (CSV, all rows or none)', querystring: ImportQuery, consumes: ['text/csv'], response: { 201: ImportResult } },
  'GET /api/v1/people/:id': { summary: 'A child across sources: every record the reader may see, the timeline, merges and splits', params: Id, response: { 200: Person } },
  'POST /api/v1/people/:id/split': { summary: 'Take records out of a person (they become a person of their own)', params: Id, body: Split, response: { 200: ChangeResult } },
  'POST /api/v1/people/changes/:id/undo': { summary: 'Undo a merge or a split', params: Id, response: { 200: Ok } },
});
declare module './contract.js' {
  interface ApiRoutes extends RoutesOf<typeof peopleApi> {}
}
