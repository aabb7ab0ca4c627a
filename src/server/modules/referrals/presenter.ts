import type { Referral, Service } from '../../../shared/referrals.js';
import { SharedWithProvider } from '../../../shared/referrals.js';
import type { ReferralRow, ServiceRow } from './queries.js';
import { localName, type Lang } from '../../../shared/i18n/index.js';

/** A directory entry: its name in both languages (for editing), the rest in the reader's. */
export function presentService(r: ServiceRow, lang: Lang): Service {
  return {
    id: r.id, name: { en: r.name_en, local: r.name_local }, category: r.category as Service['category'],
    description: r.description === null && r.description_local === null ? null : localName(lang, r.description ?? r.description_local ?? '', r.description_local),
    provider: { id: r.provider_id, name: localName(lang, r.provider_name, r.provider_name_local) },
    place: { code: r.geo_code, name: r.place_name === null ? null : localName(lang, r.place_name, r.place_name_local) }, contact: { phone: r.contact_phone, email: r.contact_email },
  };
}

/** The provider's view carries no case id: they see the referral, not the case file. Names in the reader's language. */
export function presentReferral(r: ReferralRow, view: 'case' | 'provider', allowedActions: string[], lang: Lang): Referral {
  return {
    id: r.id, caseId: view === 'case' ? r.case_id : null, service: { id: r.service_id, name: localName(lang, r.service_name, r.service_name_local), category: r.category },
    provider: { id: r.provider_id, name: localName(lang, r.provider_name, r.provider_name_local) },
    status: r.status as Referral['status'], createdAt: r.created_at.toISOString(), respondedAt: r.responded_at?.toISOString() ?? null, responseReason: r.response_reason,
    feedback: r.feedback, shared: SharedWithProvider.parse(r.shared), allowedActions,
  };
}
