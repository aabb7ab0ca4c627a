import type { Contact, ContactListItem, Dispatch, EarlierContact } from '../../../shared/helpline.js';
import { localName, type Lang } from '../../../shared/i18n/index.js';
import type { ContactRow, DispatchRow } from './queries.js';

/** A place as a contact shows it: its name and what it lies in, in the reader's language. */
export type PlaceNames = { code: string; name: string; within: string[] };

/** The last two digits only: enough to tell two callers apart, never the number (a reveal is its own, audited read). */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  return digits.length < 4 ? '••' : `${'•'.repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}`;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Row -> API: an explicit field list. The caller's number leaves only masked. */
export function presentContact(r: ContactRow, place: PlaceNames | null, phone: string | null, earlier: Contact['earlier'] = null, dispatches: Dispatch[] = []): Contact {
  const child = r.child as Record<string, unknown>;
  const caller = r.caller as Record<string, unknown>;
  return {
    id: r.id, clientId: r.client_id ?? r.id, status: r.status, receivedAt: r.received_at.toISOString(), channel: r.channel as Contact['channel'],
    callType: r.call_type as Contact['callType'], urgency: r.urgency as Contact['urgency'],
    caller: { anonymous: caller.anonymous === true, name: str(caller.name), relation: (caller.relation ?? null) as Contact['caller']['relation'], phoneMasked: maskPhone(phone) },
    child: {
      anonymous: child.anonymous === true, name: str(child.name), sex: (child.sex ?? null) as Contact['child']['sex'],
      ageYears: typeof child.ageYears === 'number' ? child.ageYears : null, ageEstimated: child.ageEstimated === true,
    },
    place, categories: r.categories, summary: r.summary ?? '',
    agent: r.agent_id ? { id: r.agent_id, name: r.agent_name ?? '' } : null,
    case: r.case_id && r.case_number && r.case_link ? { id: r.case_id, number: r.case_number, link: r.case_link } : null,
    completedAt: r.completed_at?.toISOString() ?? null, updatedAt: r.updated_at.toISOString(), earlier, dispatches,
  };
}

export function presentDispatch(d: DispatchRow): Dispatch {
  return {
    id: d.id, target: d.target, note: d.note, status: d.status, ackDue: d.ack_due.toISOString(), sentAt: d.sent_at.toISOString(), sentBy: d.sent_by_name,
    acknowledgedAt: d.acknowledged_at?.toISOString() ?? null, acknowledgedBy: d.acknowledged_by_name, ackNote: d.ack_note, escalatedAt: d.escalated_at?.toISOString() ?? null,
  };
}

export function presentEarlier(e: { id: string; received_at: Date; call_type: string | null; categories: string[]; agent_name: string; case_id: string | null; case_number: string | null }): EarlierContact {
  return {
    id: e.id, receivedAt: e.received_at.toISOString(), callType: e.call_type as EarlierContact['callType'], categories: e.categories, agent: e.agent_name,
    case: e.case_id && e.case_number ? { id: e.case_id, number: e.case_number } : null,
  };
}

export function presentListItem(r: ContactRow, placeName: string | null): ContactListItem {
  const full = presentContact(r, null, null);
  return {
    id: full.id, clientId: full.clientId, status: full.status, receivedAt: full.receivedAt, channel: full.channel, callType: full.callType, urgency: full.urgency,
    categories: full.categories, agent: full.agent, case: full.case, updatedAt: full.updatedAt, childName: full.child.name, placeName,
  };
}

export const placeName = (lang: Lang, u: { name_en: string; name_local: string | null }) => localName(lang, u.name_en, u.name_local);
