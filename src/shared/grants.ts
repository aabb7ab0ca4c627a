import { z } from 'zod';
import { Items } from './common.js';
import { routeTable, type RoutesOf } from './contract.js';
import { CLAIM_FLAGS, CLAIM_STATUSES, SPOT_RESULTS, TEXT_LIMITS } from './values.js';
export { CLAIM_FLAGS, CLAIM_STATUSES, SPOT_RESULTS } from './values.js';

/** A month as its first day, YYYY-MM-01. */
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-01$/, 'first_of_month');

export const GrantRate = z.object({ amount: z.number(), effectiveFrom: z.string(), note: z.string().nullable() });
export const GrantRateInput = z.object({ amount: z.number().int().min(1).max(1_000_000), effectiveFrom: Month, note: z.string().trim().max(500).optional() });

export const Claim = z.object({
  id: z.string(),
  facility: z.object({ id: z.string(), name: z.string(), district: z.string().nullable() }),
  month: z.string(),
  rate: z.number(),
  claimedChildren: z.number(),
  verifiedChildren: z.number(),
  claimedAmount: z.number(),
  payableAmount: z.number(),
  flags: z.array(z.enum(CLAIM_FLAGS)),
  status: z.enum(CLAIM_STATUSES),
  decisionNote: z.string().nullable(),
  disbursementRef: z.string().nullable(),
  spotChecks: z.object({ sampled: z.number(), recorded: z.number() }),
  allowedActions: z.array(z.enum(['spot_check', 'approve', 'return', 'disburse'])),
});
export type Claim = z.infer<typeof Claim>;

export const ClaimLine = z.object({
  enrolmentId: z.string(),
  child: z.object({ id: z.string(), name: z.string(), sex: z.string(), ageYears: z.number().nullable() }),
  verified: z.boolean(),
  flags: z.array(z.enum(CLAIM_FLAGS)),
  spotCheck: z.boolean(),
  spotResult: z.enum(SPOT_RESULTS).nullable(),
  spotNote: z.string().nullable(),
});
export type ClaimLine = z.infer<typeof ClaimLine>;

export const ClaimDetail = Claim.extend({ lines: z.array(ClaimLine) });
export type ClaimDetail = z.infer<typeof ClaimDetail>;

export const ClaimsQuery = z.object({
  month: Month.optional(),
  status: z.enum(CLAIM_STATUSES).optional(),
  /** A district or upazila code. */
  place: z.string().max(40).optional(),
  flaggedOnly: z.coerce.boolean().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const GenerateInput = z.object({ month: Month, /** A district code: only its orphanages (default: all within one's scope). */ district: z.string().max(40).optional() });
export const SpotCheckInput = z.object({ enrolmentId: z.uuid(), result: z.enum(SPOT_RESULTS), note: z.string().trim().max(1000).optional() });
export const ClaimDecision = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve'), note: z.string().trim().max(TEXT_LIMITS.reason.max).optional() }),
  z.object({ action: z.literal('return'), note: z.string().trim().min(TEXT_LIMITS.reason.min).max(TEXT_LIMITS.reason.max) }),
]);
export const DisbursementInput = z.object({ reference: z.string().trim().min(3).max(100) });
export const EnrolmentInput = z.object({ personId: z.uuid(), enrolledOn: z.iso.date() });

const Id = z.object({ id: z.uuid() });

/** The capitation-grant API: rates, enrolments, the monthly claims and their verification. */
export const grantsApi = routeTable({
  'GET /api/v1/grants/rates': { summary: 'The capitation rates, newest first', response: { 200: Items(GrantRate) } },
  'POST /api/v1/grants/rates': { summary: 'Set the rate from a month on', body: GrantRateInput, response: { 201: GrantRate } },
  'POST /api/v1/facilities/:id/enrolments': { summary: 'Enrol a child of the registry in an orphanage\'s grant', params: Id, body: EnrolmentInput, response: { 201: z.object({ id: z.string() }) } },
  'POST /api/v1/grants/claims/generate': { summary: "Generate (or regenerate) a month's claims of the orphanages in one's scope", body: GenerateInput, response: { 200: z.object({ claims: z.number(), lines: z.number(), flagged: z.number() }) } },
  'GET /api/v1/grants/claims': { summary: 'Claims, flagged ones first', querystring: ClaimsQuery, response: { 200: Items(Claim) } },
  'GET /api/v1/grants/claims/:id': { summary: 'One claim with its lines', params: Id, response: { 200: ClaimDetail } },
  'POST /api/v1/grants/claims/:id/spot-checks': { summary: 'Record the result of a spot check of a sampled child', params: Id, body: SpotCheckInput, response: { 200: ClaimDetail } },
  'POST /api/v1/grants/claims/:id/decision': { summary: 'Approve or return a claim', params: Id, body: ClaimDecision, response: { 200: ClaimDetail } },
  'POST /api/v1/grants/claims/:id/disbursement': { summary: "Record an approved claim's payment", params: Id, body: DisbursementInput, response: { 200: ClaimDetail } },
});
declare module './contract.js' {
  interface ApiRoutes extends RoutesOf<typeof grantsApi> {}
}
