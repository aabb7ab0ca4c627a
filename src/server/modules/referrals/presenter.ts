import type { Referral, Service } from '../../../shared/referrals.js';
import { SharedWithProvider } from '../../../shared/referrals.js';
import type { ReferralRow, ServiceRow } from './queries.js';

export function presentService(r: ServiceRow): Service {
  return {
    id: r.id, name: { en: r.name_en, local: r.name_local }, category: r.category as Service['category'], description: r.description,
    provider: { id: r.provider_id, name: r.provider_name }, place: { code: r.geo_code, name: r.place_name }, contact: { phone: r.contact_phone, email: r.contact_email },
  };
}

/** The provider's view carries no case id: they see the referral, not the case file. */
export function presentReferral(r: ReferralRow, view: 'case' | 'provider', allowedActions: string[]): Referral {
  return {
    id: r.id, caseId: view === 'case' ? r.case_id : null, service: { id: r.service_id, name: r.service_name, category: r.category }, provider: { id: r.provider_id, name: r.provider_name },
    status: r.status as Referral['status'], createdAt: r.created_at.toISOString(), respondedAt: r.responded_at?.toISOString() ?? null, responseReason: r.response_reason,
    feedback: r.feedback, shared: SharedWithProvider.parse(r.shared), allowedActions,
  };
}
