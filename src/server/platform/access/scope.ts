import { FALSE, TRUE, join, raw, sql, type Sql } from '../db/sql.js';
import { grantsFor, type Actor, type Grant, type RoleBinding } from './actor.js';

/** A place as the access layer sees it: the admin codes at levels 1-3 (null where unknown). */
export type Place = { adm1: string | null; adm2: string | null; adm3: string | null };

/** The place of any row that carries the standard adm1_code / adm2_code / adm3_code columns. */
export function placeOf(row: { adm1_code: string | null; adm2_code: string | null; adm3_code: string | null }): Place {
  return { adm1: row.adm1_code, adm2: row.adm2_code, adm3: row.adm3_code };
}

/**
 * THE place rule, in memory: a binding at the nation covers everything, one at level 1-3
 * covers the places whose code at that level is the binding's. `geoPredicate` is the same rule
 * in SQL; the property test checks the two agree.
 */
export function bindingCovers(binding: Pick<RoleBinding, 'scopeLevel' | 'scopeCode'>, place: Place): boolean {
  switch (binding.scopeLevel) {
    case 0:
      return true;
    case 1:
      return place.adm1 === binding.scopeCode;
    case 2:
      return place.adm2 === binding.scopeCode;
    case 3:
      return place.adm3 === binding.scopeCode;
    default:
      return false;
  }
}

/** True when one of the actor's bindings for `permission` covers the place (reach aside): what the UI's allowed actions use. */
export function scopeCovers(actor: Actor, permission: string, place: Place): boolean {
  return grantsFor(actor, permission).some(({ binding }) => bindingCovers(binding, place));
}

/**
 * How a table exposes its place, owner and assignees to the access layer. Column names are
 * code, never input. `assigned` is an SQL fragment, true when the caller is assigned to
 * the row (each module knows its own assignment table).
 */
export type ScopeColumns = {
  /** Columns holding the row's admin codes at levels 1, 2 and 3. */
  adm1: string;
  adm2: string;
  adm3: string;
  organisation?: string;
  assigned?: (actor: Actor) => Sql;
};

function geoPredicate(grant: Grant, cols: ScopeColumns): Sql {
  const { scopeLevel, scopeCode } = grant.binding;
  switch (scopeLevel) {
    case 0:
      return TRUE;
    case 1:
      return sql`${raw(cols.adm1)} = ${scopeCode}`;
    case 2:
      return sql`${raw(cols.adm2)} = ${scopeCode}`;
    case 3:
      return sql`${raw(cols.adm3)} = ${scopeCode}`;
    default: {
      const never: never = scopeLevel;
      throw new Error(`Unknown scope level ${String(never)}`);
    }
  }
}

function reachPredicate(actor: Actor, grant: Grant, cols: ScopeColumns): Sql {
  switch (grant.reach) {
    case 'scope':
      return TRUE;
    case 'org':
      // A table without an owner column cannot satisfy an organisation-bound grant.
      return cols.organisation ? sql`${raw(cols.organisation)} = ${actor.organisationId}` : FALSE;
    case 'assigned':
      return cols.assigned ? cols.assigned(actor) : FALSE;
    default: {
      const never: never = grant.reach;
      throw new Error(`Unknown reach ${String(never)}`);
    }
  }
}

/** `scopeCovers` in SQL: the OR of the granting bindings' places, reach aside. */
export function placePredicate(actor: Actor, permission: string, cols: ScopeColumns): Sql {
  const grants = grantsFor(actor, permission);
  if (grants.length === 0) return FALSE;
  return sql`(${join(grants.map((g) => geoPredicate(g, cols)), ' OR ')})`;
}

/**
 * The WHERE-clause fragment that limits a query to the rows the caller may see for
 * `permission`: the OR of each granting role's (place AND reach). No grant gives FALSE, so
 * a forgotten permission returns nothing rather than everything.
 */
export function scopePredicate(actor: Actor, permission: string, cols: ScopeColumns): Sql {
  const grants = grantsFor(actor, permission);
  if (grants.length === 0) return FALSE;
  const parts = grants.map((g) => sql`(${geoPredicate(g, cols)} AND ${reachPredicate(actor, g, cols)})`);
  return sql`(${join(parts, ' OR ')})`;
}

/** The same rule as `scopePredicate`, in memory: the oracle the property test compares against. */
export type PlacedRecord = {
  adm1: string | null;
  adm2: string | null;
  adm3: string | null;
  organisation?: string | null;
  assignees?: readonly string[];
};

export function mayReach(actor: Actor, permission: string, record: PlacedRecord): boolean {
  return grantsFor(actor, permission).some((g) => {
    if (!bindingCovers(g.binding, record)) return false;
    if (g.reach === 'org') return record.organisation != null && record.organisation === actor.organisationId;
    if (g.reach === 'assigned') return (record.assignees ?? []).includes(actor.userId);
    return true;
  });
}
