import { hashPassword } from '../../platform/auth/passwords.js';
import { encrypt } from '../../platform/crypto/secrets.js';
import { createAccount, setBindings } from '../../platform/auth/accounts.js';
import { sql } from '../../platform/db/sql.js';
import type { DemoSeedStep } from '../../platform/module.js';

export const DEMO_PASSWORD = 'Ncpp-Demo-2026';

/** A fixed base32 TOTP secret for the demo administrator, printed by `npm start`. */
export const DEMO_ADMIN_TOTP_SECRET = 'JBSWY3DPEHPK3PXPNCPPDEMO';

export type DemoLogin = { username: string; fullName: string; role: string; org: string; scopeLevel: number; scope: string | null; email: string; lang: 'en' | 'bn' };

// Kurigram (char, river floods), Sunamganj (haor): the districts the demo stories happen in.
const KURIGRAM = '5549';
const KURIGRAM_SADAR = '554952';
const ULIPUR = '554994';
const SUNAMGANJ = '6090';
const SUNAMGANJ_SADAR = '609089';
// Boalia, Rajshahi city: the demo's baby home (Chotomoni Nibash). It takes children from the
// whole country, so its manager's binding is national, limited to its own organisation (@org).
const BOALIA = '508122';

/** The fixed demo logins: people, tests and docs rely on these names. */
export const DEMO_LOGINS: DemoLogin[] = [
  { username: 'admin', fullName: 'Shahana Parvin', role: 'system_admin', org: 'DSS-HQ', scopeLevel: 0, scope: null, email: 'admin@ncpp.localhost', lang: 'en' },
  { username: 'national', fullName: 'Abul Kalam Azad', role: 'national_manager', org: 'DSS-HQ', scopeLevel: 0, scope: null, email: 'national@ncpp.localhost', lang: 'en' },
  { username: 'kurigram.officer', fullName: 'Mosammat Rokeya Begum', role: 'district_officer', org: `DSS-${KURIGRAM}`, scopeLevel: 2, scope: KURIGRAM, email: 'kurigram.officer@ncpp.localhost', lang: 'bn' },
  { username: 'kurigram.supervisor', fullName: 'Md Habibur Rahman', role: 'case_supervisor', org: `DSS-${KURIGRAM_SADAR}`, scopeLevel: 3, scope: KURIGRAM_SADAR, email: 'kurigram.supervisor@ncpp.localhost', lang: 'bn' },
  { username: 'kurigram.caseworker', fullName: 'Nasrin Akter', role: 'caseworker', org: `DSS-${KURIGRAM_SADAR}`, scopeLevel: 3, scope: KURIGRAM_SADAR, email: 'kurigram.caseworker@ncpp.localhost', lang: 'bn' },
  { username: 'ulipur.caseworker', fullName: 'Md Rafiqul Islam', role: 'caseworker', org: `DSS-${ULIPUR}`, scopeLevel: 3, scope: ULIPUR, email: 'ulipur.caseworker@ncpp.localhost', lang: 'bn' },
  { username: 'ngo.caseworker', fullName: 'Sumaiya Khatun', role: 'ngo_caseworker', org: 'NGO-KURIGRAM', scopeLevel: 3, scope: KURIGRAM_SADAR, email: 'ngo.caseworker@ncpp.localhost', lang: 'en' },
  { username: 'sunamganj.caseworker', fullName: 'Dipankar Das', role: 'caseworker', org: `DSS-${SUNAMGANJ_SADAR}`, scopeLevel: 3, scope: SUNAMGANJ_SADAR, email: 'sunamganj.caseworker@ncpp.localhost', lang: 'bn' },
  { username: 'helpline.agent', fullName: 'Farzana Yasmin', role: 'helpline_agent', org: 'HELPLINE', scopeLevel: 0, scope: null, email: 'helpline.agent@ncpp.localhost', lang: 'bn' },
  { username: 'helpline.supervisor', fullName: 'Tanvir Ahmed Chowdhury', role: 'helpline_supervisor', org: 'HELPLINE', scopeLevel: 0, scope: null, email: 'helpline.supervisor@ncpp.localhost', lang: 'en' },
  { username: 'institution.manager', fullName: 'Kamrun Nahar', role: 'institution_manager', org: 'SP-KURIGRAM', scopeLevel: 3, scope: KURIGRAM_SADAR, email: 'institution.manager@ncpp.localhost', lang: 'bn' },
  { username: 'babyhome.manager', fullName: 'Shamima Sultana', role: 'institution_manager', org: 'BH-RAJSHAHI', scopeLevel: 0, scope: null, email: 'babyhome.manager@ncpp.localhost', lang: 'en' },
  { username: 'orphanage.manager', fullName: 'Maulana Abdur Rahim', role: 'institution_manager', org: 'ORPH-ULIPUR', scopeLevel: 3, scope: ULIPUR, email: 'orphanage.manager@ncpp.localhost', lang: 'bn' },
  { username: 'partner.focal', fullName: 'Sarah Thompson', role: 'partner_focal', org: 'INGO-SCI', scopeLevel: 0, scope: null, email: 'partner.focal@ncpp.localhost', lang: 'en' },
  { username: 'editor', fullName: 'Mahmudul Hasan', role: 'portal_editor', org: 'MOSW', scopeLevel: 0, scope: null, email: 'editor@ncpp.localhost', lang: 'en' },
  { username: 'moderator', fullName: 'Nusrat Jahan', role: 'portal_moderator', org: 'DSS-HQ', scopeLevel: 0, scope: null, email: 'moderator@ncpp.localhost', lang: 'en' },
  { username: 'alc.focal', fullName: 'Rezaul Karim', role: 'service_provider', org: 'ALC', scopeLevel: 0, scope: null, email: 'alc.focal@ncpp.localhost', lang: 'en' },
  { username: 'contact.centre', fullName: '1098 contact-centre system', role: 'contact_centre_system', org: 'HELPLINE', scopeLevel: 0, scope: null, email: 'contact.centre@ncpp.localhost', lang: 'en' },
];

type OrgSeed = { ref: string; name_en: string; name_local: string | null; short: string | null; type: string; geo: string | null };

const NATIONAL_ORGS: OrgSeed[] = [
  { ref: 'MOSW', name_en: 'Ministry of Social Welfare', name_local: 'সমাজকল্যাণ মন্ত্রণালয়', short: 'MoSW', type: 'ministry', geo: '3026' },
  { ref: 'MOWCA', name_en: 'Ministry of Women and Children Affairs', name_local: 'মহিলা ও শিশু বিষয়ক মন্ত্রণালয়', short: 'MoWCA', type: 'ministry', geo: '3026' },
  { ref: 'DSS-HQ', name_en: 'Department of Social Services, Child Protection Unit', name_local: 'সমাজসেবা অধিদফতর, শিশু সুরক্ষা ইউনিট', short: 'CPU-DSS', type: 'dss_office', geo: '3026' },
  { ref: 'HELPLINE', name_en: 'Child Helpline 1098', name_local: 'চাইল্ড হেল্পলাইন ১০৯৮', short: '1098', type: 'dss_office', geo: '3026' },
  { ref: 'UNICEF', name_en: 'UNICEF Bangladesh', name_local: 'ইউনিসেফ বাংলাদেশ', short: 'UNICEF', type: 'un_agency', geo: '3026' },
  { ref: 'UNHCR', name_en: 'UNHCR Bangladesh', name_local: 'ইউএনএইচসিআর বাংলাদেশ', short: 'UNHCR', type: 'un_agency', geo: '2022' },
  { ref: 'INGO-SCI', name_en: 'Save the Children in Bangladesh', name_local: 'সেভ দ্য চিলড্রেন বাংলাদেশ', short: 'SCI', type: 'ingo', geo: '3026' },
  { ref: 'INGO-PLAN', name_en: 'Plan International Bangladesh', name_local: 'প্ল্যান ইন্টারন্যাশনাল বাংলাদেশ', short: 'Plan', type: 'ingo', geo: '3026' },
  { ref: 'INGO-WV', name_en: 'World Vision Bangladesh', name_local: 'ওয়ার্ল্ড ভিশন বাংলাদেশ', short: 'WVB', type: 'ingo', geo: '3026' },
  { ref: 'NGO-BRAC', name_en: 'BRAC', name_local: 'ব্র্যাক', short: 'BRAC', type: 'national_ngo', geo: '3026' },
  { ref: 'NGO-KURIGRAM', name_en: 'Kurigram Shishu Odhikar Forum', name_local: 'কুড়িগ্রাম শিশু অধিকার ফোরাম', short: 'KSOF', type: 'local_ngo', geo: KURIGRAM_SADAR },
  { ref: 'NGO-HAOR', name_en: 'Haor Shishu Kalyan Sangstha', name_local: 'হাওর শিশু কল্যাণ সংস্থা', short: 'HSKS', type: 'local_ngo', geo: SUNAMGANJ_SADAR },
  { ref: 'CBO-ULIPUR', name_en: 'Ulipur Char Community Child Protection Committee', name_local: 'উলিপুর চর কমিউনিটি শিশু সুরক্ষা কমিটি', short: null, type: 'cbo', geo: ULIPUR },
  { ref: 'SP-KURIGRAM', name_en: 'Sarkari Shishu Paribar (Boys), Kurigram', name_local: 'সরকারি শিশু পরিবার (বালক), কুড়িগ্রাম', short: null, type: 'institution', geo: KURIGRAM_SADAR },
  { ref: 'BH-RAJSHAHI', name_en: 'Chotomoni Nibash (Baby Home), Rajshahi', name_local: 'ছোটমণি নিবাস, রাজশাহী', short: null, type: 'institution', geo: BOALIA },
  { ref: 'ORPH-ULIPUR', name_en: 'Ulipur Darul Ihsan Orphanage', name_local: 'উলিপুর দারুল ইহসান এতিমখানা', short: null, type: 'local_ngo', geo: ULIPUR },
  { ref: 'ICRC-TONGI', name_en: 'Integrated Child Rehabilitation Centre, Tongi', name_local: 'সমন্বিত শিশু পুনর্বাসন কেন্দ্র, টঙ্গী', short: null, type: 'institution', geo: '3033' },
  { ref: 'ALC', name_en: 'Artificial Limb Centre, Department of Social Services', name_local: 'কৃত্রিম অঙ্গ কেন্দ্র, সমাজসেবা অধিদফতর', short: 'ALC', type: 'dss_office', geo: '3026' },
];

const GIVEN_EN = ['Rafiq', 'Nasrin', 'Kamal', 'Shirin', 'Jahangir', 'Ayesha', 'Rubel', 'Fatema', 'Sohel', 'Taslima', 'Anwar', 'Sharmin', 'Mizanur', 'Rehana', 'Shahidul', 'Moushumi'];
const FAMILY_EN = ['Islam', 'Rahman', 'Akter', 'Hossain', 'Begum', 'Khatun', 'Ahmed', 'Chowdhury', 'Sarkar', 'Mia', 'Uddin', 'Das'];

/**
 * The demo accounts: national bodies, a DSS office in every district and in the demo
 * upazilas, UN agencies, INGOs, NGOs, an institution, the fixed demo logins and more
 * caseworkers and supervisors in several districts. Deterministic: the same every time.
 * Leaves `orgIds` (organisation id by reference) and `users` (by username) for later steps.
 */
export const seedDemoAccounts: DemoSeedStep = async (tx, { services, rnd, shared, progress }) => {
  // One hash for every demo account: they share the printed demo password anyway.
  const hash = await hashPassword(DEMO_PASSWORD);
  const orgIds = new Map<string, string>();
  const users = new Map<string, DemoUser>();
  shared.set('orgIds', orgIds);
  shared.set('users', users);

  const insertOrg = async (o: OrgSeed): Promise<string> => {
    const unit = o.geo ? await services.geo.find(o.geo) : undefined;
    const row = await tx.one<{ id: string }>(sql`
      INSERT INTO organisations (name_en, name_local, short_name, type, geo_code, adm1_code, adm2_code, adm3_code)
      VALUES (${o.name_en}, ${o.name_local}, ${o.short}, ${o.type}, ${unit?.code ?? null}, ${unit?.adm1_code ?? null}, ${unit?.adm2_code ?? null}, ${unit?.adm3_code ?? null})
      RETURNING id`);
    return row.id;
  };

  for (const o of NATIONAL_ORGS) orgIds.set(o.ref, await insertOrg(o));
  progress('organisations');
  for (const d of await services.geo.unitsAt(2)) {
    orgIds.set(`DSS-${d.code}`, await insertOrg({ ref: '', name_en: `District Social Services Office, ${d.name_en}`, name_local: `জেলা সমাজসেবা কার্যালয়, ${d.name_local}`, short: null, type: 'dss_office', geo: d.code }));
  }
  progress('district offices');
  for (const code of [KURIGRAM_SADAR, '554977', ULIPUR, SUNAMGANJ_SADAR]) {
    const u = await services.geo.find(code);
    if (!u) throw new Error(`Seed: no upazila ${code}`);
    orgIds.set(`DSS-${u.code}`, await insertOrg({ ref: '', name_en: `Upazila Social Services Office, ${u.name_en}`, name_local: `উপজেলা সমাজসেবা কার্যালয়, ${u.name_local}`, short: null, type: 'dss_office', geo: u.code }));
  }
  progress('upazila offices');

  const addUser = async (u: { username: string; fullName: string; org: string; email: string | null; lang: string; role: string; scopeLevel: number; scope: string | null; totp?: string }) => {
    const orgId = orgIds.get(u.org);
    if (!orgId) throw new Error(`Seed: no organisation ${u.org}`);
    const id = await createAccount(tx, {
      username: u.username, fullName: u.fullName, email: u.email, phone: null, organisationId: orgId, passwordHash: hash, lang: u.lang as 'en' | 'bn', isDemo: true,
      totpSecretEnc: u.totp ? encrypt(services.secretKey, u.totp) : null,
    });
    await setBindings(tx, id, [{ role: u.role, scopeLevel: u.scopeLevel, scopeCode: u.scope }]);
    users.set(u.username, { id, organisationId: orgId, scopeCode: u.scope });
  };
  for (const d of DEMO_LOGINS) await addUser({ ...d, ...(d.role === 'system_admin' ? { totp: DEMO_ADMIN_TOTP_SECRET } : {}) });

  // More staff in the flood- and haor-affected districts, so lists and scopes have substance.
  const staffDistricts = [KURIGRAM, SUNAMGANJ, '5532', '4539', '2022', '1078'];
  for (let i = 0; i < DEMO_STAFF; i++) {
    const district = staffDistricts[i % staffDistricts.length] as string;
    const given = rnd.pick(GIVEN_EN);
    const family = rnd.pick(FAMILY_EN);
    const supervisor = i % 6 === 5;
    await addUser({
      username: `${given}.${family}.${i + 1}`.toLowerCase(),
      fullName: `${given} ${family}`,
      org: `DSS-${district}`,
      email: null,
      lang: rnd.next() < 0.7 ? 'bn' : 'en',
      role: supervisor ? 'case_supervisor' : 'caseworker',
      scopeLevel: 2,
      scope: district,
    });
  }
  progress('users');
  return { organisations: orgIds.size, users: DEMO_LOGINS.length + DEMO_STAFF };
};

/** A demo account as later seed steps need it. */
export type DemoUser = { id: string; organisationId: string; scopeCode: string | null };

const DEMO_STAFF = 60;
