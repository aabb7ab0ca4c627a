import { z } from 'zod';
import { RISK_LEVELS, CASE_SOURCES, SEXES, FAMILY_RELATIONSHIPS } from './values.js';
export { RISK_LEVELS, CASE_SOURCES, SEXES, FAMILY_RELATIONSHIPS } from './values.js';
import { PastDate } from './common.js';
import { ReasonText } from './referrals.js';

export const RiskLevel = z.enum(RISK_LEVELS);
export type RiskLevel = z.infer<typeof RiskLevel>;
export const CaseSource = z.enum(CASE_SOURCES);
export type CaseSource = z.infer<typeof CaseSource>;
export type Sex = (typeof SEXES)[number];
export const SOP_STEPS = ['registration', 'initial_assessment', 'comprehensive_assessment', 'case_plan', 'plan_approval', 'implementation', 'follow_up', 'closure', 'post_closure'] as const;

export const PersonName = z.object({
  text: z.string().trim().min(1).max(120),
  kind: z.enum(['full', 'given', 'family', 'alias', 'nickname']).default('full'),
});

export const ChildInput = z
  .object({
    names: z.array(PersonName).min(1).max(10),
    sex: z.enum(SEXES),
    dateOfBirth: PastDate.optional(),
    ageYears: z.number().int().min(0).max(25).optional(),
    disabilities: z.array(z.string().max(40)).max(12).default([]),
    vulnerableGroups: z.array(z.string().max(40)).max(10).default([]),
    birthRegistrationNo: z.string().trim().regex(/^\d{17}$/).optional(),
    parentNid: z.string().trim().regex(/^(\d{10}|\d{13}|\d{17})$/).optional(),
    geoCode: z.string().min(1).max(40),
    addressDetail: z.string().trim().max(300).optional(),
    phone: z.string().trim().regex(/^\+?[0-9 -]{6,20}$/).optional(),
    /** A person record already on file that this child is (chosen from the possible matches): the new record joins that person. */
    linkTo: z.uuid().optional(),
  })
  .refine((c) => c.dateOfBirth !== undefined || c.ageYears !== undefined, { path: ['ageYears'], message: 'date_of_birth_or_age' });
export type ChildInput = z.infer<typeof ChildInput>;

export const CaseCreateInput = z.object({
  child: ChildInput,
  concerns: z.array(z.string().max(80)).min(1).max(10),
  riskLevel: RiskLevel,
  source: CaseSource,
  reportedOn: PastDate,
  summary: z.string().trim().max(4000).optional(),
  caseworkerId: z.uuid().optional(),
});
export type CaseCreateInput = z.infer<typeof CaseCreateInput>;

export const CASE_IMPORT_STATUSES = ['queued', 'checking', 'writing', 'done', 'rejected', 'rolling_back', 'failed'] as const;
/** A legacy import as its uploader follows it: progress while it runs, the report when it is refused. */
export const CaseImport = z.object({
  id: z.uuid(),
  fileName: z.string(),
  status: z.enum(CASE_IMPORT_STATUSES),
  rowsTotal: z.number().nullable(),
  rowsDone: z.number(),
  issueCount: z.number(),
  issues: z.array(z.object({ path: z.string(), code: z.string(), message: z.string(), params: z.record(z.string(), z.unknown()).optional() })),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type CaseImport = z.infer<typeof CaseImport>;

export const CASE_VIEWS = ['mine', 'overdue', 'high_risk_unassessed', 'awaiting_approval'] as const;

export const CaseSearchQuery = z.object({
  q: z.string().trim().max(100).optional(),
  view: z.enum(CASE_VIEWS).optional(),
  risk: RiskLevel.optional(),
  status: z.enum(['open', 'closed']).optional(),
  concern: z.string().max(80).optional(),
  place: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
export type CaseSearchQuery = z.infer<typeof CaseSearchQuery>;

/** Why a case was offered as a likely match of a child. */
export const MATCH_REASONS = ['name', 'phone', 'upazila', 'district', 'age'] as const;
/**
 * A case the child may already have, as the helpline sees it to join a contact to it: who and
 * where, never the case's content; a sensitive case's name comes as initials.
 */
export const CaseMatch = z.object({
  caseId: z.uuid(), caseNumber: z.string(), childName: z.string(), sex: z.string().nullable(), ageYears: z.number().nullable(),
  placeName: z.string().nullable(), status: z.string(), reportedOn: z.string(), score: z.number(), reasons: z.array(z.enum(MATCH_REASONS)),
});
export type CaseMatch = z.infer<typeof CaseMatch>;

export const CaseListItem = z.object({
  id: z.string(),
  caseNumber: z.string(),
  child: z.object({ id: z.string(), displayName: z.string(), names: z.array(z.string()), sex: z.string(), ageYears: z.number().nullable() }),
  status: z.string(),
  step: z.string(),
  riskLevel: RiskLevel,
  concerns: z.array(z.string()),
  sensitive: z.boolean(),
  place: z.object({ code: z.string().nullable(), name: z.string().nullable() }),
  initialAssessmentDue: z.string(),
  overdue: z.boolean(),
  registeredAt: z.string(),
  score: z.number().optional(),
});
export type CaseListItem = z.infer<typeof CaseListItem>;

export const CaseDetail = CaseListItem.extend({
  source: z.string(),
  reportedOn: z.string(),
  summary: z.string().nullable(),
  organisation: z.object({ id: z.string(), name: z.string() }),
  caseworker: z.object({ id: z.string(), name: z.string() }).nullable(),
  supervisor: z.object({ id: z.string(), name: z.string() }).nullable(),
  child: CaseListItem.shape.child.extend({
    dateOfBirth: z.string().nullable(),
    dobEstimated: z.boolean(),
    disabilities: z.array(z.string()),
    vulnerableGroups: z.array(z.string()),
    addressDetail: z.string().nullable(),
  }),
  timeline: z.array(z.object({ at: z.string(), kind: z.string(), actor: z.string().nullable(), data: z.record(z.string(), z.unknown()) })),
  steps: z.array(z.object({
    step: z.string(), data: z.record(z.string(), z.unknown()), skipped: z.array(z.string()), skipReason: z.string().nullable(), recordedBy: z.string().nullable(),
    recordedAt: z.string(), decision: z.string().nullable(), decidedBy: z.string().nullable(), decisionComment: z.string().nullable(),
  })),
  allowedActions: z.array(z.string()),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CaseloadSummary = z.object({
  mine: z.number(),
  team: z.number(),
  overdueInitialAssessment: z.number(),
  highRiskWithoutAssessment: z.number(),
  plansAwaitingApproval: z.number(),
  closuresAwaitingApproval: z.number(),
  referralsWithoutResponse: z.number(),
});
export type CaseloadSummary = z.infer<typeof CaseloadSummary>;

export const FamilyMemberInput = z.object({
  name: z.string().trim().min(1).max(200),
  relationship: z.enum(FAMILY_RELATIONSHIPS),
  phone: z.string().trim().regex(/^\+?[0-9 -]{6,20}$/).optional(),
  isCaregiver: z.boolean().default(false),
  livesWithChild: z.boolean().default(false),
  notes: z.string().trim().max(1000).optional(),
});
export type FamilyMemberInput = z.infer<typeof FamilyMemberInput>;

/** Notes and attachments of a case. */
export const CaseNote = z.object({ id: z.string(), body: z.string(), author: z.string().nullable(), createdAt: z.string() });
export const CaseAttachment = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number(), uploadedBy: z.string().nullable(), uploadedAt: z.string() });
export const CaseNotes = z.object({ notes: z.array(CaseNote), attachments: z.array(CaseAttachment) });
export type CaseNotes = z.infer<typeof CaseNotes>;
export const AttachmentCreated = CaseAttachment.pick({ id: true, fileName: true, contentType: true, sizeBytes: true });
/** A downloaded file (attachment, export, printable case file): bytes, not JSON. */
export const FileBody = z.unknown().meta({ type: 'string', format: 'binary', description: 'The file itself (see the content-type header)' });

/** A transfer as the sender's and receiver's views show it. */
export const TransferView = z.object({
  id: z.string(), status: z.string(), toOrganisation: z.string(), toGeoCode: z.string().nullable(), reason: z.string(),
  shared: z.object({ caseNumber: z.string(), riskLevel: z.string(), sensitive: z.boolean(), child: z.string().optional(), sex: z.string().optional(), ageYears: z.number().nullable().optional(), concerns: z.array(z.string()).optional() }),
  requestedAt: z.string(), responseReason: z.string().nullable(),
});
export type TransferView = z.infer<typeof TransferView>;
export const TransferOutcome = z.object({ status: z.enum(['accepted', 'declined']) });

/** A best-interest determination and the board's decision. */
export const BidView = z.object({
  id: z.string(), question: z.string(), options: z.array(z.object({ option: z.string(), assessment: z.string() })), recommendation: z.string(), childViews: z.string(),
  familyViews: z.string().nullable(), status: z.string(), submittedBy: z.string().nullable(), submittedAt: z.string(), decision: z.string().nullable(),
  decisionDate: z.string().nullable(), decisionNotes: z.string().nullable(), recordedBy: z.string().nullable(),
});
export type BidView = z.infer<typeof BidView>;

export const FamilyMember = z.object({ id: z.string(), name: z.string(), relationship: z.string(), phone: z.string().nullable(), isCaregiver: z.boolean(), livesWithChild: z.boolean(), notes: z.string().nullable() });
export type FamilyMember = z.infer<typeof FamilyMember>;

/** The reference lists a case form offers, labelled in every language. */
const TaxonomyItem = z.object({ code: z.string(), label: z.record(z.string(), z.string()) });
export const Taxonomies = z.object({
  concerns: z.array(TaxonomyItem.extend({ category: z.string(), category_label: z.record(z.string(), z.string()), sensitive: z.boolean(), aliases: z.array(z.string()) })),
  disabilities: z.array(TaxonomyItem),
  vulnerableGroups: z.array(TaxonomyItem),
});
export type Taxonomies = z.infer<typeof Taxonomies>;
export const ImportResult = z.object({ imported: z.number() });
export type ImportResult = z.infer<typeof ImportResult>;
export const Created = z.object({ id: z.string() });

export { CASE_PERMISSIONS } from './permissions/cases.js';

/** A transfer request, and the receiver's answer. */
export const TransferInput = z.object({
  toOrganisationId: z.uuid(),
  toUserId: z.uuid().optional(),
  newGeoCode: z.string().max(40).optional(),
  reason: ReasonText,
});
export const TransferResponse = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), caseworkerId: z.uuid().optional() }),
  z.object({ action: z.literal('decline'), reason: ReasonText }),
]);
export type TransferResponse = z.infer<typeof TransferResponse>;
