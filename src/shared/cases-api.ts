import { z } from 'zod';
import { BidInput, BoardDecisionInput } from './bid.js';
import {
  AttachmentCreated, BidView, CaseCreateInput, CaseDetail, CaseListItem, CaseNotes, CaseImport, CaseSearchQuery, CaseloadSummary, Created, FamilyMember, FamilyMemberInput, FileBody, Taxonomies,
  TransferInput, TransferOutcome, TransferResponse, TransferView,
} from './cases.js';
import { Items, Ok } from './common.js';
import { routeTable, type RoutesOf } from './contract.js';
import { Consent, ConsentInput, ConsentWithdrawal } from './referrals.js';
import { DecisionInput, ReopenInput, StepInput } from './sop.js';

const Id = z.object({ id: z.uuid() });
/** Where a case stands after a step, a decision or a reopening. */
export const Moved = z.object({ step: z.string(), status: z.string().optional() });
export const BreakGlassInput = z.object({ reason: z.string().trim().min(15).max(1000) });
export const NoteInput = z.object({ body: z.string().trim().min(1).max(8000) });
export const ExportInput = z.object({
  format: z.enum(['csv', 'xlsx']),
  purpose: z.string().trim().min(10).max(500),
  filters: CaseSearchQuery.omit({ q: true, limit: true, offset: true }).default({}),
});
export const CaseList = z.object({ items: z.array(CaseListItem), total: z.number() });

/** The case-management API: cases and their SOP steps, notes, files, transfers, BIDs, family and consent. */
export const casesApi = routeTable({
  'GET /api/v1/cases': { summary: 'Search the cases one may see', querystring: CaseSearchQuery, response: { 200: CaseList } },
  'GET /api/v1/caseload': { summary: "One's caseload numbers for the day", response: { 200: CaseloadSummary } },
  'POST /api/v1/cases': { summary: 'Register a case (SOP step 1)', body: CaseCreateInput, response: { 201: CaseDetail } },
  'GET /api/v1/cases/:id': { summary: 'Read a case file (audited)', params: Id, response: { 200: CaseDetail } },
  'POST /api/v1/cases/:id/steps/:step': { summary: "Record an SOP step's form", params: Id.extend({ step: z.string().max(40) }), body: StepInput, response: { 200: Moved } },
  'POST /api/v1/cases/:id/plan-decision': { summary: 'Approve or return a case plan', params: Id, body: DecisionInput, response: { 200: Moved } },
  'POST /api/v1/cases/:id/closure-decision': { summary: 'Approve or return a case closure', params: Id, body: DecisionInput, response: { 200: Moved } },
  'POST /api/v1/cases/:id/reopen': { summary: 'Reopen a closed case', params: Id, body: ReopenInput, response: { 200: Moved } },
  'POST /api/v1/cases/:id/break-glass': { summary: "Emergency read of a case outside one's access, with a reason", params: Id, body: BreakGlassInput, response: { 200: CaseDetail } },
  'GET /api/v1/cases/:id/notes': { summary: "A case's notes and attachments", params: Id, response: { 200: CaseNotes } },
  'POST /api/v1/cases/:id/notes': { summary: 'Add a note to a case', params: Id, body: NoteInput, response: { 201: Ok } },
  // The file is the raw body (any type; checked by content on the server), its name in ?filename=.
  'POST /api/v1/cases/:id/attachments': { summary: 'Attach a file to a case', consumes: ['application/octet-stream'], params: Id, querystring: z.object({ filename: z.string().min(1).max(200) }), response: { 201: AttachmentCreated } },
  'GET /api/v1/cases/:id/attachments/:attachmentId': { summary: 'Download an attachment (audited)', params: Id.extend({ attachmentId: z.uuid() }), response: { 200: FileBody } },
  'POST /api/v1/cases/export': { summary: 'Export the case list as CSV or XLSX, with a purpose (audited)', body: ExportInput, response: { 200: FileBody } },
  'GET /api/v1/cases/:id/print': { summary: 'The printable case file (HTML, audited)', params: Id, response: { 200: FileBody } },
  'POST /api/v1/cases/:id/transfers': { summary: 'Ask to transfer a case', params: Id, body: TransferInput, response: { 201: Created } },
  'GET /api/v1/cases/:id/transfers': { summary: "A case's transfers", params: Id, response: { 200: Items(TransferView) } },
  'GET /api/v1/transfers': { summary: "Transfers waiting for one's answer", response: { 200: Items(TransferView) } },
  'POST /api/v1/transfers/:id/response': { summary: 'Accept or decline a transfer', params: Id, body: TransferResponse, response: { 200: TransferOutcome } },
  'GET /api/v1/cases/:id/bids': { summary: "A case's best-interest determinations", params: Id, response: { 200: Items(BidView) } },
  'POST /api/v1/cases/:id/bids': { summary: 'Submit a best-interest determination to the board', params: Id, body: BidInput, response: { 201: Created } },
  'POST /api/v1/cases/:id/bids/:bidId/decision': { summary: "Record the board's decision", params: Id.extend({ bidId: z.uuid() }), body: BoardDecisionInput, response: { 200: Items(BidView) } },
  'GET /api/v1/cases/:id/family': { summary: "The child's family members and caregivers", params: Id, response: { 200: Items(FamilyMember) } },
  'POST /api/v1/cases/:id/family': { summary: 'Add a family member or caregiver', params: Id, body: FamilyMemberInput, response: { 201: Items(FamilyMember) } },
  // The legacy CSV is the raw body (text/csv), checked as bytes (UTF-8 only); a job checks and writes it.
  'POST /api/v1/cases/imports': {
    summary: 'Upload a legacy CSV of cases: checked and written by a job, all rows or none', consumes: ['text/csv'],
    querystring: z.object({ filename: z.string().min(1).max(200).default('upload.csv'), again: z.enum(['true', 'false']).default('false') }), response: { 202: CaseImport },
  },
  'GET /api/v1/cases/imports/:id': { summary: "An import's progress and line-numbered report (its uploader only)", params: Id, response: { 200: CaseImport } },
  'GET /api/v1/cases/:id/consents': { summary: "A case's consents and assents", params: Id, response: { 200: Items(Consent) } },
  'POST /api/v1/cases/:id/consents': { summary: 'Record consent or assent', params: Id, body: ConsentInput, response: { 201: Items(Consent) } },
  'POST /api/v1/cases/:id/consents/:consentId/withdraw': { summary: 'Withdraw a consent', params: Id.extend({ consentId: z.uuid() }), body: ConsentWithdrawal, response: { 200: Items(Consent) } },
  'GET /api/v1/taxonomies': { summary: 'Reference lists for forms (concerns, disabilities, groups)', response: { 200: Taxonomies } },
});
declare module './contract.js' {
  interface ApiRoutes extends RoutesOf<typeof casesApi> {}
}
