import { z } from 'zod';
import { SERVICE_CATEGORIES, CONSENT_PURPOSES, TEXT_LIMITS } from './values.js';
export { SERVICE_CATEGORIES, CONSENT_PURPOSES, TEXT_LIMITS } from './values.js';
import { Items, PastDate } from './common.js';
import { routeTable, type RoutesOf } from './contract.js';

export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

export const Service = z.object({
  id: z.string(),
  name: z.object({ en: z.string(), local: z.string().nullable() }),
  category: z.enum(SERVICE_CATEGORIES),
  description: z.string().nullable(),
  provider: z.object({ id: z.string(), name: z.string() }),
  place: z.object({ code: z.string().nullable(), name: z.string().nullable() }),
  contact: z.object({ phone: z.string().nullable(), email: z.string().nullable() }),
});
export type Service = z.infer<typeof Service>;

export const ServiceInput = z.object({
  nameEn: z.string().trim().min(3).max(200),
  nameLocal: z.string().trim().max(200).optional(),
  category: z.enum(SERVICE_CATEGORIES),
  description: z.string().trim().max(2000).optional(),
  /** The description in the country's local language (Bangla in Bangladesh). */
  descriptionLocal: z.string().trim().max(2000).optional(),
  providerOrganisationId: z.uuid(),
  geoCode: z.string().max(40).nullable().optional(),
  contactPhone: z.string().trim().regex(/^\+?[0-9 -]{6,20}$/).optional(),
  contactEmail: z.email().optional(),
});
export type ServiceInput = z.infer<typeof ServiceInput>;

export const ServiceQuery = z.object({
  category: z.enum(SERVICE_CATEGORIES).optional(),
  place: z.string().max(40).optional(),
  q: z.string().trim().max(100).optional(),
});

export const ConsentInput = z.object({
  purpose: z.enum(CONSENT_PURPOSES),
  givenBy: z.enum(['child', 'parent', 'guardian', 'caregiver', 'court']),
  giverName: z.string().trim().max(200).optional(),
  childAssent: z.boolean().default(false),
  givenOn: PastDate,
});
export type ConsentInput = z.infer<typeof ConsentInput>;

export const Consent = z.object({
  id: z.string(), purpose: z.enum(CONSENT_PURPOSES), givenBy: z.string(), giverName: z.string().nullable(), childAssent: z.boolean(), givenOn: z.string(),
  withdrawnAt: z.string().nullable(), withdrawalNote: z.string().nullable(), active: z.boolean(),
});
export type Consent = z.infer<typeof Consent>;

const limited = (l: { min: number; max: number }) => z.string().trim().min(l.min).max(l.max);
/** Why a referral or transfer is asked for, or declined: one rule for all of them. */
export const ReasonText = limited(TEXT_LIMITS.reason);

export const ReferralInput = z.object({
  serviceId: z.uuid(),
  reason: ReasonText,
});

export const ReferralResponse = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept') }),
  z.object({ action: z.literal('decline'), reason: ReasonText }),
  z.object({ action: z.literal('complete'), feedback: limited(TEXT_LIMITS.feedback) }),
]);
export type ReferralResponse = z.infer<typeof ReferralResponse>;

export const ConsentWithdrawal = z.object({ note: limited(TEXT_LIMITS.withdrawalNote) });

/** What the provider receives: only what the consents in force at sending time allowed. */
export const SharedWithProvider = z.object({
  caseNumber: z.string(),
  reason: z.string(),
  consented: z.boolean(),
  child: z.object({ names: z.array(z.string()), sex: z.string(), ageYears: z.number().nullable(), disabilities: z.array(z.string()) }).nullable(),
  concerns: z.array(z.string()).nullable(),
  place: z.string().nullable(),
  caseworker: z.object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable() }).nullable(),
});
export type SharedWithProvider = z.infer<typeof SharedWithProvider>;

/**
 * What a referral would carry, shown before it is sent: the shared part, and what is held
 * back and why (no consent to refer in force).
 */
export const ReferralPreview = z.object({
  shared: SharedWithProvider,
  withheld: z.array(z.enum(['child', 'concerns', 'place'])),
  because: z.enum(['no_referral_consent']).nullable(),
});
export type ReferralPreview = z.infer<typeof ReferralPreview>;

export const ReferralWithdrawal = z.object({ reason: ReasonText });

export const Referral = z.object({
  id: z.string(),
  caseId: z.string().nullable(),
  service: z.object({ id: z.string(), name: z.string(), category: z.string() }),
  provider: z.object({ id: z.string(), name: z.string() }),
  status: z.enum(['pending', 'accepted', 'declined', 'completed', 'cancelled']),
  createdAt: z.string(),
  respondedAt: z.string().nullable(),
  responseReason: z.string().nullable(),
  feedback: z.string().nullable(),
  shared: SharedWithProvider,
  allowedActions: z.array(z.string()),
});
export type Referral = z.infer<typeof Referral>;

export { REFERRAL_PERMISSIONS } from './permissions/referrals.js';

const Id = z.object({ id: z.uuid() });
export const REFERRAL_STATUSES = ['pending', 'accepted', 'declined', 'completed', 'cancelled'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** The referrals API: the service directory, a case's referrals and a provider's inbox. */
export const referralsApi = routeTable({
  'GET /api/v1/services': { summary: 'The service directory', querystring: ServiceQuery, response: { 200: Items(Service) } },
  'POST /api/v1/services': { summary: 'Add a service to the directory', body: ServiceInput, response: { 201: Service } },
  'GET /api/v1/cases/:id/referrals': { summary: "A case's referrals", params: Id, response: { 200: Items(Referral) } },
  'POST /api/v1/cases/:id/referrals': { summary: 'Refer a case to a service', params: Id, body: ReferralInput, response: { 201: Referral } },
  'GET /api/v1/cases/:id/referral-preview': { summary: 'What a referral of the case would share with a provider, and what it holds back', params: Id, response: { 200: ReferralPreview } },
  'POST /api/v1/cases/:id/referrals/:referralId/withdraw': { summary: 'Withdraw a referral the provider has not accepted yet', params: Id.extend({ referralId: z.uuid() }), body: ReferralWithdrawal, response: { 200: Referral } },
  'GET /api/v1/referrals': { summary: "Referrals sent to one's organisation", querystring: z.object({ status: z.enum(REFERRAL_STATUSES).optional() }), response: { 200: Items(Referral) } },
  'POST /api/v1/referrals/:id/response': { summary: 'Accept, decline or complete a referral', params: Id, body: ReferralResponse, response: { 200: Referral } },
});
declare module './contract.js' {
  interface ApiRoutes extends RoutesOf<typeof referralsApi> {}
}
