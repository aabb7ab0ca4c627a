import { can, type Actor } from '../../platform/access/actor.js';
import { scopeCovers, type Place } from '../../platform/access/scope.js';
import { CASE_PERMISSIONS as P } from '../../../shared/cases.js';

/** Deadlines for the initial assessment by risk level (SOP defaults; hours). */
export const INITIAL_ASSESSMENT_HOURS = { high: 24, medium: 72, low: 168 } as const;

export function initialAssessmentDue(risk: keyof typeof INITIAL_ASSESSMENT_HOURS, from: Date): Date {
  return new Date(from.getTime() + INITIAL_ASSESSMENT_HOURS[risk] * 3600_000);
}

/** A case is sensitive when any concern is (sexual abuse, exploitation, trafficking). */
export function isSensitive(concerns: readonly string[], sensitiveCodes: ReadonlySet<string>): boolean {
  return concerns.some((c) => sensitiveCodes.has(c));
}

/** Registering a case at a place needs `cases.create` with a scope covering it. */
export function mayRegisterAt(actor: Actor, place: Place): boolean {
  return can(actor, P.create) && scopeCovers(actor, P.create, place);
}

/** What the UI may offer on a case the actor can see (the API enforces the same rules). */
export function caseActions(actor: Actor, place: Place): string[] {
  const actions: string[] = [];
  if (scopeCovers(actor, P.assign, place)) actions.push('assign');
  return actions;
}
