import type { ChildInput, FamilyMemberInput } from '../../../shared/cases.js';
import { foldedKeys, nameKey } from '../../../shared/phonetic.js';
import type { Queryable } from '../../platform/db/database.js';
import type { Sql } from '../../platform/db/sql.js';
import type { Place } from '../../platform/access/scope.js';
import * as q from './queries.js';
import type { NewPersonRow, PersonRow } from './queries.js';

export type { NewPersonRow, PersonRow } from './queries.js';

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
  async create(tx: Queryable, child: ChildInput, place: Place & { code: string }, reportedOn: Date, userId: string | null = null): Promise<{ id: string; nameKey: string; nameFolded: string }> {
    const insert = this.insertCte('person', child, place, reportedOn, userId);
    const row = await q.runInsert(tx, insert.sql);
    return { id: row.id, nameKey: insert.nameKey, nameFolded: insert.nameFolded };
  },

  /**
   * create() as a CTE named `name` (RETURNING id), for a caller's single-statement write. With
   * `child.linkTo` (checked by the caller: a record it may see) the new record joins that
   * record's person, by `userId`'s judgement.
   */
  insertCte(name: string, child: ChildInput, place: Place & { code: string }, reportedOn: Date, userId: string | null = null): { sql: Sql; nameKey: string; nameFolded: string } {
    const keys = personKeys(child.names);
    const dob = child.dateOfBirth ?? estimatedDob(child.ageYears ?? 0, reportedOn);
    return { ...keys, sql: q.insertPersonCte(name, child, place, keys, dob, userId) };
  },

  async addFamilyMember(tx: Queryable, personId: string, m: FamilyMemberInput, userId: string): Promise<string> {
    return (await q.insertFamilyMember(tx, personId, m, userId)).id;
  },

  async family(db: Queryable, personId: string) {
    const rows = await q.familyOf(db, personId);
    return rows.map((r) => ({ id: r.id, name: r.name, relationship: r.relationship, phone: r.phone, isCaregiver: r.is_caregiver, livesWithChild: r.lives_with_child, notes: r.notes }));
  },

  /**
   * `JOIN persons <alias> ON <alias>.id = <idColumn>`: for a caller's list or case-file
   * statement that shows a person's name beside its own row in one round trip.
   */
  joinPerson: q.joinPerson,

  /** True (as SQL) when the person in `idColumn`, or one of their family, has a phone number containing `digits`. */
  phoneMatches: q.phoneMatches,

  /** Bulk load (national seed, legacy import), inside the caller's transaction. */
  insertMany(tx: Queryable, persons: NewPersonRow[]): Promise<void> {
    return q.insertMany(tx, persons);
  },

  /** Removes the people of a bulk load that failed part-way, inside the caller's transaction. */
  removeMany(tx: Queryable, ids: string[]): Promise<void> {
    return q.deleteMany(tx, ids);
  },

  /** Fresh planner statistics after a bulk load. */
  analyze(db: Queryable): Promise<void> {
    return q.analyzePersons(db);
  },

  get(db: Queryable, id: string): Promise<PersonRow | undefined> {
    return q.findPerson(db, id);
  },
};
