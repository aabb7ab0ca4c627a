import type { DemoSeedStep } from '../../platform/module.js';
import { sql } from '../../platform/db/sql.js';

type DemoService = { name_en: string; name_local: string; category: string; provider: string; geo: string | null; phone: string | null; description: string };

/**
 * The demo service directory: the concentric rings around a child in Kurigram, from the
 * upazila's social services office to the national Artificial Limb Centre.
 */
export const DEMO_SERVICES: DemoService[] = [
  { name_en: 'Artificial limbs and assistive devices', name_local: 'কৃত্রিম অঙ্গ ও সহায়ক উপকরণ', category: 'disability', provider: 'ALC', geo: null, phone: '+880 2 9116090', description: 'Prosthetics, orthotics and fitting for children, free for children in state care.' },
  { name_en: 'Disability allowance', name_local: 'প্রতিবন্ধী ভাতা', category: 'social_allowance', provider: 'DSS-554952', geo: '554952', phone: null, description: 'Monthly allowance for registered persons with disabilities.' },
  { name_en: 'Suborno Nagorik (disability identity) card', name_local: 'সুবর্ণ নাগরিক কার্ড', category: 'disability', provider: 'DSS-554952', geo: '554952', phone: null, description: 'Disability registration and identity card, the door to disability allowances and services.' },
  { name_en: 'Emergency shelter and rehabilitation', name_local: 'জরুরি আশ্রয় ও পুনর্বাসন', category: 'shelter', provider: 'ICRC-TONGI', geo: '3033', phone: null, description: 'Integrated Child Rehabilitation Centre: rescue, stabilisation, mainstreaming.' },
  { name_en: 'Psychosocial counselling', name_local: 'মনোসামাজিক কাউন্সেলিং', category: 'psychosocial', provider: 'NGO-KURIGRAM', geo: '554952', phone: null, description: 'Individual and family counselling in Bangla.' },
  { name_en: 'School re-enrolment support', name_local: 'বিদ্যালয়ে পুনঃভর্তি সহায়তা', category: 'education', provider: 'NGO-KURIGRAM', geo: '5549', phone: null, description: 'Admission, stipend application and school materials.' },
  { name_en: 'Family tracing and reunification', name_local: 'পরিবার অনুসন্ধান ও পুনর্মিলন', category: 'family_tracing', provider: 'NGO-BRAC', geo: null, phone: null, description: 'Tracing families of separated children across districts.' },
  { name_en: 'Haor child protection outreach', name_local: 'হাওর শিশু সুরক্ষা আউটরিচ', category: 'psychosocial', provider: 'NGO-HAOR', geo: '609089', phone: null, description: 'Boat-based outreach to families in the haor during the flood season.' },
];

/** The demo service directory, for the organisations the admin module's demo step made (`orgIds`). */
export const seedDemoServices: DemoSeedStep = async (tx, { services, shared }) => {
  const orgIds = shared.get('orgIds') as Map<string, string> | undefined;
  if (!orgIds) throw new Error('Seed: the demo service step needs the organisations of the admin step');
  for (const s of DEMO_SERVICES) {
    const provider = orgIds.get(s.provider);
    if (!provider) throw new Error(`Seed: no organisation ${s.provider}`);
    const unit = s.geo ? await services.geo.find(s.geo) : undefined;
    await tx.query(sql`
      INSERT INTO services (name_en, name_local, category, description, provider_organisation_id, geo_code, adm1_code, adm2_code, adm3_code, contact_phone)
      VALUES (${s.name_en}, ${s.name_local}, ${s.category}, ${s.description}, ${provider}, ${unit?.code ?? null}, ${unit?.adm1_code ?? null}, ${unit?.adm2_code ?? null}, ${unit?.adm3_code ?? null}, ${s.phone})`);
  }
  return { services: DEMO_SERVICES.length };
};
