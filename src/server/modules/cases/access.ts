import type { Actor } from '../../platform/access/actor.js';
import { can } from '../../platform/access/actor.js';
import { scopePredicate } from '../../platform/access/scope.js';
import { denyRead, type AuditContext } from '../../platform/audit/audit.js';
import type { Database, Queryable } from '../../platform/db/database.js';
import { sql, type Sql } from '../../platform/db/sql.js';
import { AppError } from '../../platform/errors.js';
import { CASE_PERMISSIONS as P } from '../../../shared/cases.js';

/**
 * The one gate to a case, imported by every operation of the module (the case file, workflow,
 * notes, transfers, best-interest determinations, consent) rather than handed to each.
 */

/** True (as SQL over `c`) when the caller is assigned to the case. */
export const assigned = (actor: Actor): Sql => sql`EXISTS (SELECT 1 FROM case_assignments ca WHERE ca.case_id = c.id AND ca.user_id = ${actor.userId})`;

/**
 * Who may see a case, inside the query: the caller's `cases.read` grants (scope, organisation
 * or assignment), and for a sensitive case only an explicit assignment.
 */
export function visibleCases(actor: Actor): Sql {
  const scope = scopePredicate(actor, P.read, { adm1: 'c.adm1_code', adm2: 'c.adm2_code', adm3: 'c.adm3_code', organisation: 'c.organisation_id', assigned });
  // The cases one's organisation registered and handed on (a helpline's), wherever they went.
  const registered = can(actor, P.readRegistered) ? sql` OR c.registered_by_org = ${actor.organisationId}` : sql``;
  return sql`((${scope}${registered}) AND (NOT c.sensitive OR ${assigned(actor)}))`;
}

/** The place and team of a case the caller may see. */
export type VisibleCase = { id: string; case_number: string; child_id: string; adm1_code: string | null; adm2_code: string | null; adm3_code: string | null; supervisor_id: string | null; caseworker_id: string | null };

function findVisible(db: Queryable, actor: Actor, id: string) {
  return db.maybeOne<VisibleCase>(sql`SELECT c.id, c.case_number, c.child_id, c.adm1_code, c.adm2_code, c.adm3_code, c.supervisor_id, c.caseworker_id
    FROM cases c WHERE c.id = ${id} AND ${visibleCases(actor)}`);
}

/** Existence without scope: only to decide whether a refused read is worth auditing. */
export async function caseExists(db: Queryable, id: string): Promise<boolean> {
  return Boolean(await db.maybeOne(sql`SELECT 1 AS x FROM cases WHERE id = ${id}`));
}

/** Assigned as the case's caseworker or supervisor (the people who record its steps). */
export async function isWorker(db: Queryable, caseId: string, userId: string): Promise<boolean> {
  return Boolean(await db.maybeOne(sql`SELECT 1 AS x FROM case_assignments WHERE case_id = ${caseId} AND user_id = ${userId} AND role IN ('caseworker', 'supervisor')`));
}

/** The case if the actor may see it, else 404 (the refused read audited when the case exists); 403 without cases.read. */
export async function requireVisible(db: Database, actor: Actor, id: string, ctx: AuditContext): Promise<VisibleCase> {
  if (!can(actor, P.read)) throw new AppError('forbidden');
  const row = await findVisible(db, actor, id);
  if (!row) return denyRead(db, ctx, 'case', id, await caseExists(db, id));
  return row;
}

/** The case if the actor may work on it: sees it, holds cases.work, and is assigned to it. */
export async function requireWorkable(db: Database, actor: Actor, id: string, ctx: AuditContext): Promise<VisibleCase> {
  if (!can(actor, P.work)) throw new AppError('forbidden');
  const row = await findVisible(db, actor, id);
  if (!row) return denyRead(db, ctx, 'case', id, await caseExists(db, id));
  if (!(await isWorker(db, id, actor.userId))) throw new AppError('forbidden', 'not_assigned');
  return row;
}
