import type { ChildInput, FamilyMemberInput } from '../../../shared/cases.js';
import { foldedKeys, nameKey } from '../../../shared/phonetic.js';
import type { Queryable } from '../../platform/db/database.js';
import { raw, sql, type Sql } from '../../platform/db/sql.js';
import type { Place } from '../../platform/access/scope.js';

export type PersonRow = {
  id: string; names: Array<{ text: string; kind: string }>; display_name: string; sex: string; date_of_birth: string | null; dob_estimated: boolean;
  disabilities: string[]; vulnerable_groups: string[]; geo_code: string | null; address_detail: string | null;
};

/** A person row for a bulk load (the national seed), keys already computed. */
export type NewPersonRow = {
  id: string; names: Array<{ text: string; kind: string }>; display_name: string; name_key: string; name_folded: string; sex: string;
  date_of_birth: string | null; dob_estimated: boolean; geo_code: string; adm1_code: string | null; adm2_code: string | null; adm3_code: string | null;
};

/** The phonetic keys of all of a person's names: what cross-script search matches on. */
export function personKeys(names: Array<{ text: string }>) {
  return {
    // A Bangla name and its Latin spelling usually share a key: keep each key once (shorter
    // strings make every similarity comparison cheaper).
    nameKey: [...new Set(names.map((n) => nameKey(n.text)).filter(Boolean))].join(' | '),
    nameFolded: [...new Set(names.flatMap((n) => foldedKeys(n.text)))].join(' | '),
  };
}

/** Date of birth from a stated age: the middle of that year of life, marked as estimated. */
export function estimatedDob(ageYears: number, on: Date): string {
  const d = new Date(Date.UTC(on.getUTCFullYear() - ageYears, on.getUTCMonth(), on.getUTCDate()));
  d.setUTCMonth(d.getUTCMonth() - 6);
  return d.toISOString().slice(0, 10);
}

export function ageOn(dob: string | null, on = new Date()): number | null {
  if (!dob) return null;
  const b = new Date(`${dob}T00:00:00Z`);
  let age = on.getUTCFullYear() - b.getUTCFullYear();
  if (on.getUTCMonth() < b.getUTCMonth() || (on.getUTCMonth() === b.getUTCMonth() && on.getUTCDate() < b.getUTCDate())) age--;
  return age;
}

/**
 * The person registry. Other modules create and read people only through this service, so
 * record linkage (a later issue) has one place to work on.
 */
export const peopleService = {
  /** Registers a child inside the caller's transaction; the caller has validated the place. */
  async create(tx: Queryable, child: ChildInput, place: Place & { code: string }, reportedOn: Date): Promise<{ id: string; nameKey: string; nameFolded: string }> {
    const insert = this.insertCte('person', child, place, reportedOn);
    const row = await tx.one<{ id: string }>(sql`WITH ${insert.sql} SELECT id FROM person`);
    return { id: row.id, nameKey: insert.nameKey, nameFolded: insert.nameFolded };
  },

  /** create() as a CTE named `name` (RETURNING id), for a caller's single-statement write. */
  insertCte(name: string, child: ChildInput, place: Place & { code: string }, reportedOn: Date): { sql: Sql; nameKey: string; nameFolded: string } {
    const keys = personKeys(child.names);
    const dob = child.dateOfBirth ?? estimatedDob(child.ageYears ?? 0, reportedOn);
    return {
      nameKey: keys.nameKey,
      nameFolded: keys.nameFolded,
      sql: sql`${raw(name)} AS (
        INSERT INTO persons (names, display_name, name_key, name_folded, sex, date_of_birth, dob_estimated, disabilities, vulnerable_groups,
                             birth_registration_no, parent_nid, geo_code, adm1_code, adm2_code, adm3_code, address_detail, phone)
        VALUES (${JSON.stringify(child.names)}::jsonb, ${child.names[0]!.text}, ${keys.nameKey}, ${keys.nameFolded}, ${child.sex}, ${dob},
                ${child.dateOfBirth === undefined}, ${child.disabilities}, ${child.vulnerableGroups}, ${child.birthRegistrationNo ?? null},
                ${child.parentNid ?? null}, ${place.code}, ${place.adm1}, ${place.adm2}, ${place.adm3}, ${child.addressDetail ?? null}, ${child.phone ?? null})
        RETURNING id)`,
    };
  },

  async addFamilyMember(tx: Queryable, personId: string, m: FamilyMemberInput, userId: string): Promise<string> {
    const row = await tx.one<{ id: string }>(sql`
      INSERT INTO family_members (person_id, name, relationship, phone, is_caregiver, lives_with_child, notes, created_by)
      VALUES (${personId}, ${m.name}, ${m.relationship}, ${m.phone ?? null}, ${m.isCaregiver}, ${m.livesWithChild}, ${m.notes ?? null}, ${userId}) RETURNING id`);
    return row.id;
  },

  async family(db: Queryable, personId: string) {
    const rows = await db.query<{ id: string; name: string; relationship: string; phone: string | null; is_caregiver: boolean; lives_with_child: boolean; notes: string | null }>(sql`
      SELECT id, name, relationship, phone, is_caregiver, lives_with_child, notes FROM family_members WHERE person_id = ${personId} ORDER BY is_caregiver DESC, created_at`);
    return rows.map((r) => ({ id: r.id, name: r.name, relationship: r.relationship, phone: r.phone, isCaregiver: r.is_caregiver, livesWithChild: r.lives_with_child, notes: r.notes }));
  },

  /**
   * `JOIN persons <alias> ON <alias>.id = <idColumn>`: for a caller's list or case-file
   * statement that shows a person's name beside its own row in one round trip. Column names
   * are code, never input.
   */
  joinPerson(alias: string, idColumn: string): Sql {
    return sql`JOIN persons ${raw(alias)} ON ${raw(alias)}.id = ${raw(idColumn)}`;
  },

  /** True (as SQL) when the person in `idColumn`, or one of their family, has a phone number containing `digits`. */
  phoneMatches(idColumn: string, digits: string): Sql {
    return sql`EXISTS (SELECT 1 FROM persons pp LEFT JOIN family_members f ON f.person_id = pp.id WHERE pp.id = ${raw(idColumn)}
      AND (regexp_replace(coalesce(pp.phone, ''), '[^0-9]', '', 'g') LIKE ${`%${digits}%`} OR regexp_replace(coalesce(f.phone, ''), '[^0-9]', '', 'g') LIKE ${`%${digits}%`}))`;
  },

  /** Bulk load (national seed), inside the caller's transaction. */
  async insertMany(tx: Queryable, persons: NewPersonRow[]): Promise<void> {
    await tx.query(sql`INSERT INTO persons (id, names, display_name, name_key, name_folded, sex, date_of_birth, dob_estimated, geo_code, adm1_code, adm2_code, adm3_code)
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(persons)}::jsonb) AS x(id uuid, names jsonb, display_name text, name_key text, name_folded text, sex text,
        date_of_birth date, dob_estimated boolean, geo_code text, adm1_code text, adm2_code text, adm3_code text)`);
  },

  /** Fresh planner statistics after a bulk load. */
  async analyze(db: Queryable): Promise<void> {
    await db.query(sql`ANALYZE persons`);
  },

  async get(db: Queryable, id: string): Promise<PersonRow | undefined> {
    return db.maybeOne<PersonRow>(sql`
      SELECT id, names, display_name, sex, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth, dob_estimated, disabilities, vulnerable_groups, geo_code, address_detail
      FROM persons WHERE id = ${id}`);
  },
};
