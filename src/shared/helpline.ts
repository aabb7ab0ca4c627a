import { z } from 'zod';
import { IsoDate, Items, Ok } from './common.js';
import { Service } from './referrals.js';
import { CaseMatch } from './cases.js';
import { routeTable, type RoutesOf } from './contract.js';
import { CALLER_RELATIONS, HELPLINE_CALL_TYPES, HELPLINE_CHANNELS, HELPLINE_URGENCIES, SEXES } from './values.js';
export { CALLER_RELATIONS, HELPLINE_CALL_TYPES, HELPLINE_CHANNELS, HELPLINE_URGENCIES } from './values.js';
export { HELPLINE_PERMISSIONS } from './permissions/helpline.js';

export type CallType = (typeof HELPLINE_CALL_TYPES)[number];
/** Call types about a child in need: they need a place and at least one category to be completed. */
export const CALL_TYPES_ABOUT_A_CHILD: readonly CallType[] = ['child_self', 'adult_about_child', 'emergency'];

const Text = (max: number) => z.string().trim().max(max);

/**
 * A contact as the agent has it so far. Every field may still be empty: the form is saved as
 * the agent types, and checked for completeness only when the contact is completed.
 */
export const ContactDraft = z.object({
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  channel: z.enum(HELPLINE_CHANNELS).default('voice'),
  callType: z.enum(HELPLINE_CALL_TYPES).nullable().default(null),
  urgency: z.enum(HELPLINE_URGENCIES).nullable().default(null),
  caller: z.object({
    anonymous: z.boolean().default(false),
    name: Text(120).default(''),
    relation: z.enum(CALLER_RELATIONS).nullable().default(null),
    /** ASCII or Bangla digits, +880 or 0: kept encrypted, found again by a keyed hash. */
    phone: z.string().trim().regex(/^[+0-9০-৯ -]{0,20}$/).default(''),
  }).default({ anonymous: false, name: '', relation: null, phone: '' }),
  child: z.object({
    anonymous: z.boolean().default(false),
    name: Text(120).default(''),
    sex: z.enum(SEXES).nullable().default(null),
    ageYears: z.number().int().min(0).max(25).nullable().default(null),
    ageEstimated: z.boolean().default(false),
  }).default({ anonymous: false, name: '', sex: null, ageYears: null, ageEstimated: false }),
  geoCode: z.string().min(1).max(40).nullable().default(null),
  categories: z.array(z.string().max(80)).max(10).default([]),
  summary: Text(4000).default(''),
});
export type ContactDraft = z.infer<typeof ContactDraft>;

/** Completing a contact: on its own, opening a case for the child, or joining one the agent can see. */
export const ContactCompletion = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('none') }),
  z.object({ outcome: z.literal('create_case') }),
  z.object({ outcome: z.literal('link_case'), caseId: z.uuid() }),
]);
export type ContactCompletion = z.infer<typeof ContactCompletion>;

/** An emergency dispatch: who was sent, by when they must acknowledge, and what became of it. */
export const Dispatch = z.object({
  id: z.uuid(), target: z.string(), note: z.string(), status: z.enum(['sent', 'acknowledged', 'escalated']),
  ackDue: z.string(), sentAt: z.string(), sentBy: z.string(), acknowledgedAt: z.string().nullable(), acknowledgedBy: z.string().nullable(), ackNote: z.string().nullable(), escalatedAt: z.string().nullable(),
});
export type Dispatch = z.infer<typeof Dispatch>;
export const DispatchInput = z.object({ target: z.string().min(1).max(40), note: Text(1000).default('') });
export const AcknowledgeInput = z.object({ note: Text(500).default('') });

/** An earlier contact from the same number, as the repeat-caller banner shows it. */
export const EarlierContact = z.object({
  id: z.uuid(), receivedAt: z.string(), callType: z.enum(HELPLINE_CALL_TYPES).nullable(), categories: z.array(z.string()), agent: z.string(),
  case: z.object({ id: z.string(), number: z.string() }).nullable(),
});
export type EarlierContact = z.infer<typeof EarlierContact>;

export const Contact = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  status: z.enum(['draft', 'completed']),
  receivedAt: z.string(),
  channel: z.enum(HELPLINE_CHANNELS),
  callType: z.enum(HELPLINE_CALL_TYPES).nullable(),
  urgency: z.enum(HELPLINE_URGENCIES).nullable(),
  caller: z.object({ anonymous: z.boolean(), name: z.string(), relation: z.enum(CALLER_RELATIONS).nullable(), phoneMasked: z.string().nullable() }),
  child: ContactDraft.shape.child.unwrap(),
  place: z.object({ code: z.string(), name: z.string(), within: z.array(z.string()) }).nullable(),
  categories: z.array(z.string()),
  summary: z.string(),
  /** Who took it; null for a contact imported from an earlier system. */
  agent: z.object({ id: z.string(), name: z.string() }).nullable(),
  case: z.object({ id: z.string(), number: z.string(), link: z.enum(['created', 'linked']) }).nullable(),
  completedAt: z.string().nullable(),
  updatedAt: z.string(),
  /** Earlier contacts from the same number, newest first (at most 5, and how many in all); null for a reader who may not see them. */
  earlier: z.object({ total: z.number(), items: z.array(EarlierContact) }).nullable(),
  dispatches: z.array(Dispatch),
});
export type Contact = z.infer<typeof Contact>;

export const ContactListQuery = z.object({
  status: z.enum(['draft', 'completed']).optional(),
  /** Only the caller's own contacts (a supervisor's "mine"). */
  mine: z.enum(['true', 'false']).optional(),
  from: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export const ContactListItem = Contact.pick({ id: true, clientId: true, status: true, receivedAt: true, channel: true, callType: true, urgency: true, categories: true, agent: true, case: true, updatedAt: true })
  .extend({ childName: z.string(), placeName: z.string().nullable() });
export type ContactListItem = z.infer<typeof ContactListItem>;

/**
 * A service in the directory the caller was referred to from the contact: they were given its
 * details. Nothing about the child goes to the provider (a case's referral does that, under its consents).
 */
export const ContactReferral = z.object({
  id: z.uuid(), service: Service, note: z.string(), referredAt: z.string(), referredBy: z.object({ id: z.string(), name: z.string() }),
  /** The one who made it may take it back while the contact is still open. */
  removable: z.boolean(),
});
export type ContactReferral = z.infer<typeof ContactReferral>;
export const ContactReferralInput = z.object({ serviceId: z.uuid(), note: Text(500).default('') });

const Label = z.record(z.string(), z.string());
/** The intake form as the country configures it, with the category list (category > subcategory). */
export const IntakeForm = z.object({
  helpline: z.object({ number: z.string(), name: Label }),
  callTypes: z.array(z.enum(HELPLINE_CALL_TYPES)),
  channels: z.array(z.enum(HELPLINE_CHANNELS)),
  placeLevel: z.number(),
  dispatchTargets: z.array(z.object({ key: z.string(), name: Label, ackMinutes: z.number() })),
  categories: z.array(z.object({
    code: z.string(), label: Label,
    subcategories: z.array(z.object({ code: z.string(), label: Label, concern: z.string().nullable(), priority: z.boolean() })),
  })),
});
export type IntakeForm = z.infer<typeof IntakeForm>;

const ClientId = z.object({ clientId: z.uuid() });
const Id = z.object({ id: z.uuid() });

/** Child Helpline 1098: contacts, saved as the agent types, completed into a case or not. */
export const helplineApi = routeTable({
  'GET /api/v1/helpline/form': { summary: 'The contact form: call types, channels and categories as the country configures them', response: { 200: IntakeForm } },
  'PUT /api/v1/helpline/contacts/:clientId': {
    summary: 'Save a contact as it stands (a draft)',
    description: 'Keyed by the id the browser gave the contact: saving again updates the same draft, so a retried save never makes two contacts. A completed contact is not changed (409).',
    params: ClientId, body: ContactDraft, response: { 200: Contact },
  },
  'POST /api/v1/helpline/contacts/:id/complete': {
    summary: 'Complete a contact, perhaps opening or joining a case',
    description: 'Checks the contact is complete for its call type; opening a case goes through the case service in the same transaction (the case is routed to the team of the child\'s upazila).',
    params: Id, body: ContactCompletion, response: { 200: Contact },
  },
  'GET /api/v1/helpline/contacts/:id': { summary: 'Read a contact (audited)', params: Id, response: { 200: Contact } },
  'GET /api/v1/helpline/contacts/:id/matches': {
    summary: "The child's likely existing cases, best first (audited)",
    description: "From the contact's child name (either script), the caller's number, the place, the age and the sex: up to five cases to join the contact to (complete with outcome link_case). Who and where only; a sensitive case's name as initials.",
    params: Id, response: { 200: z.object({ items: z.array(CaseMatch) }) },
  },
  'POST /api/v1/helpline/contacts/:id/number': {
    summary: "Reveal a caller's full number (audited)",
    description: 'For roles with helpline.numbers.reveal; everyone else sees numbers masked to their last two digits.',
    params: Id, response: { 200: z.object({ number: z.string().nullable() }) },
  },
  'POST /api/v1/helpline/contacts/:id/dispatches': {
    summary: 'Dispatch an emergency response from a contact',
    description: 'The target comes from the country\'s list; it must acknowledge within that target\'s minutes, or the helpline supervisors are alerted (a job sweeps every minute).',
    params: Id, body: DispatchInput, response: { 201: Dispatch },
  },
  'POST /api/v1/helpline/dispatches/:id/acknowledge': { summary: 'Record that the responders acknowledged a dispatch', params: Id, body: AcknowledgeInput, response: { 200: Dispatch } },
  'GET /api/v1/helpline/contacts/:id/referrals': { summary: 'Services the caller was referred to from the contact', params: Id, response: { 200: Items(ContactReferral) } },
  'POST /api/v1/helpline/contacts/:id/referrals': {
    summary: 'Refer the caller to a service in the directory',
    description: 'Records that the caller was given the service\'s details (the directory: GET /api/v1/services?place=, nearest first). Referring the same contact to the same service again returns the first referral (200). Nothing about the child is sent to the provider: refer the case for that.',
    params: Id, body: ContactReferralInput, response: { 200: ContactReferral, 201: ContactReferral },
  },
  'DELETE /api/v1/helpline/contacts/:id/referrals/:referralId': {
    summary: 'Take back a referral made by mistake, while the contact is open', params: Id.extend({ referralId: z.uuid() }), response: { 200: Ok },
  },
  'GET /api/v1/helpline/contacts': { summary: 'Contacts one may see, newest first (drafts: one\'s own unfinished calls)', querystring: ContactListQuery, response: { 200: z.object({ items: z.array(ContactListItem) }) } },
});

declare module './contract.js' {
  interface ApiRoutes extends RoutesOf<typeof helplineApi> {}
}
