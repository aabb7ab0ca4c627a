import type { ChildInput, FamilyMemberInput } from '../../../shared/cases.js';
import type { Place } from '../../platform/access/scope.js';
import type { Queryable } from '../../platform/db/database.js';
import { raw, sql, type Sql } from '../../platform/db/sql.js';
import { linkColumns, linkInputOf } from './linkage/fields.js';

export type PersonRow = {
  id: string; names: Array<{ text: string; kind: string }>; display_name: string; sex: string; date_of_birth: string | null; dob_estimated: boolean;
  disabilities: string[]; vulnerable_groups: string[]; geo_code: string | null; address_detail: string | null;
};

/** A person row for a bulk load (the national seed, imports), phonetic keys already computed; the linkage columns are computed on insert. */
export type NewPersonRow = {
  id: string; names: Array<{ text: string; kind: string }>; display_name: string; name_key: string; name_folded: string; sex: string;
  date_of_birth: string | null; dob_estimated: boolean; geo_code: string | null; adm1_code: string | null; adm2_code: string | null; adm3_code: string | null;
  source?: string; source_id?: string | null; father_name?: string | null; mother_name?: string | null; phone?: string | null; import_id?: string | null;
};

/** The linkage columns of a row about to be written. */
export function linkColumnsOf(r: Parameters<typeof linkInputOf>[0]) {
  return linkColumns(linkInputOf(r));
}

/** The INSERT of a child as a CTE named `name` (RETURNING id). */
export function insertPersonCte(name: string, child: ChildInput, place: Place & { code: string }, keys: { nameKey: string; nameFolded: string }, dob: string, userId: string | null): Sql {
  const link = linkColumnsOf({ names: child.names, date_of_birth: dob, dob_estimated: child.dateOfBirth === undefined, sex: child.sex, geo_code: place.code,
    adm2_code: place.adm2, adm3_code: place.adm3, phone: child.phone ?? null });
  return sql`${raw(name)} AS (
    INSERT INTO persons (names, display_name, name_key, name_folded, sex, date_of_birth, dob_estimated, disabilities, vulnerable_groups,
                         birth_registration_no, parent_nid, geo_code, adm1_code, adm2_code, adm3_code, address_detail, phone, link_name, link_keys)
    VALUES (${JSON.stringify(child.names)}::jsonb, ${child.names[0]!.text}, ${keys.nameKey}, ${keys.nameFolded}, ${child.sex}, ${dob},
            ${child.dateOfBirth === undefined}, ${child.disabilities}, ${child.vulnerableGroups}, ${child.birthRegistrationNo ?? null},
            ${child.parentNid ?? null}, ${place.code}, ${place.adm1}, ${place.adm2}, ${place.adm3}, ${child.addressDetail ?? null}, ${child.phone ?? null},
            ${link.linkName}, ${link.linkKeys}::text[])
    RETURNING id)${child.linkTo ? linkToCtes(name, child.linkTo, userId) : sql``}`;
}

/**
 * The new record joins the person of record `linkTo` (the worker chose it from the possible
 * matches): the person's group (made from `linkTo` when it stood alone), and the judgement
 * kept like a reviewer's, so no later run parts them.
 */
function linkToCtes(name: string, linkTo: string, userId: string | null): Sql {
  const n = raw(name);
  // Statement-level: the foreign key to the person inserted by the sibling CTE is checked when the statement ends.
  return sql`, ${raw(`${name}_group`)} AS (
    INSERT INTO person_groups (person_id, link_group)
    SELECT ${n}.id, coalesce((SELECT link_group FROM person_groups WHERE person_id = ${linkTo}), ${linkTo}::uuid) FROM ${n} RETURNING link_group),
  ${raw(`${name}_anchor`)} AS (INSERT INTO person_groups (person_id, link_group) VALUES (${linkTo}, ${linkTo}) ON CONFLICT (person_id) DO NOTHING RETURNING person_id),
  ${raw(`${name}_judged`)} AS (
    INSERT INTO link_pairs (a, b, weight, probability, levels, partials, model_version, status, decided_by, decided_at)
    SELECT least(${n}.id, ${linkTo}::uuid), greatest(${n}.id, ${linkTo}::uuid), 0, 1, '{}', '{}', 0, 'same', ${userId}, now() FROM ${n}
    ON CONFLICT (a, b) DO UPDATE SET status = 'same', decided_by = EXCLUDED.decided_by, decided_at = now() RETURNING a)`;
}

export function runInsert(tx: Queryable, cte: Sql) {
  return tx.one<{ id: string }>(sql`WITH ${cte} SELECT id FROM person`);
}

export function insertFamilyMember(tx: Queryable, personId: string, m: FamilyMemberInput, userId: string) {
  return tx.one<{ id: string }>(sql`
    INSERT INTO family_members (person_id, name, relationship, phone, is_caregiver, lives_with_child, notes, created_by)
    VALUES (${personId}, ${m.name}, ${m.relationship}, ${m.phone ?? null}, ${m.isCaregiver}, ${m.livesWithChild}, ${m.notes ?? null}, ${userId}) RETURNING id`);
}

export function familyOf(db: Queryable, personId: string) {
  return db.query<{ id: string; name: string; relationship: string; phone: string | null; is_caregiver: boolean; lives_with_child: boolean; notes: string | null }>(sql`
    SELECT id, name, relationship, phone, is_caregiver, lives_with_child, notes FROM family_members WHERE person_id = ${personId} ORDER BY is_caregiver DESC, created_at`);
}

/** `JOIN persons <alias> ON <alias>.id = <idColumn>`; column names are code, never input. */
export function joinPerson(alias: string, idColumn: string): Sql {
  return sql`JOIN persons ${raw(alias)} ON ${raw(alias)}.id = ${raw(idColumn)}`;
}

/** True (as SQL) when the person in `idColumn`, or one of their family, has a phone number containing `digits`. */
export function phoneMatches(idColumn: string, digits: string): Sql {
  return sql`EXISTS (SELECT 1 FROM persons pp LEFT JOIN family_members f ON f.person_id = pp.id WHERE pp.id = ${raw(idColumn)}
    AND (regexp_replace(coalesce(pp.phone, ''), '[^0-9]', '', 'g') LIKE ${`%${digits}%`} OR regexp_replace(coalesce(f.phone, ''), '[^0-9]', '', 'g') LIKE ${`%${digits}%`}))`;
}

export async function insertMany(tx: Queryable, persons: NewPersonRow[]): Promise<void> {
  const rows = persons.map((p) => {
    const link = linkColumnsOf(p);
    return { source: 'case_registration', ...p, link_name: link.linkName, link_keys: link.linkKeys };
  });
  await tx.query(sql`INSERT INTO persons (id, names, display_name, name_key, name_folded, sex, date_of_birth, dob_estimated, geo_code, adm1_code, adm2_code, adm3_code,
      source, source_id, father_name, mother_name, phone, import_id, link_name, link_keys)
    SELECT id, names, display_name, name_key, name_folded, sex, date_of_birth, dob_estimated, geo_code, adm1_code, adm2_code, adm3_code,
      source, source_id, father_name, mother_name, phone, import_id, link_name, ARRAY(SELECT jsonb_array_elements_text(link_keys))
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id uuid, names jsonb, display_name text, name_key text, name_folded text, sex text,
      date_of_birth date, dob_estimated boolean, geo_code text, adm1_code text, adm2_code text, adm3_code text,
      source text, source_id text, father_name text, mother_name text, phone text, import_id uuid, link_name text, link_keys jsonb)`);
}

/** Removes people a failed bulk load created (nothing else refers to them yet). */
export async function deleteMany(tx: Queryable, ids: string[]): Promise<void> {
  if (ids.length) await tx.query(sql`DELETE FROM persons WHERE id = ANY(${ids}::uuid[])`);
}

/** Through the owner's function: ANALYZE needs the table owner, and the app runs as its own role. */
export async function analyzePersons(db: Queryable): Promise<void> {
  await db.query(sql`SELECT analyze_persons()`);
}

export function findPerson(db: Queryable, id: string) {
  return db.maybeOne<PersonRow>(sql`
    SELECT id, names, display_name, sex, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth, dob_estimated, disabilities, vulnerable_groups, geo_code, address_detail
    FROM persons WHERE id = ${id}`);
}
