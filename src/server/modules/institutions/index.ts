import { INSTITUTION_PERMISSIONS } from '../../../shared/institutions.js';
import { defineModule } from '../../platform/module.js';
import type { JobDefinition } from '../../platform/jobs/queue.js';
import { registerInstitutionRoutes } from './routes.js';
import { phaseNames, typeNames } from './presenter.js';
import { createGrants, type Grants } from './grants/service.js';
import { registerGrantRoutes } from './grants/routes.js';
import { seedDemoFacilities } from './seed.js';
import { seedNationalInstitutions } from './national-seed.js';
import { createInstitutionService, type InstitutionService } from './service.js';
import { createInspections, loadCareStandards, type Inspections } from './inspections/service.js';
import { registerInspectionRoutes } from './inspections/routes.js';

export const LIFECYCLE_SWEEP_JOB = 'institutions.lifecycle.sweep';

declare module '../../platform/module.js' {
  interface ModuleServices {
    institutions: InstitutionService;
    grants: Grants;
    inspections: Inspections;
  }
}

/** Facilities, the children placed in them, the lifecycle deadlines of their stays, and the capitation grants to NGO orphanages; talks to cases, people and referrals through their services. */
export const institutionsModule = defineModule({
  name: 'institutions',
  permissions: Object.values(INSTITUTION_PERMISSIONS),
  tables: ['facilities', 'placements', 'placement_alerts', 'placement_followups', 'placement_phases', 'grant_rates', 'grant_enrolments', 'grant_claims', 'grant_claim_lines',
    'facility_inspections', 'inspection_actions'],
  create: ({ db, cases, referrals, geo, admin, clock, country, config }) => ({
    institutions: createInstitutionService(db, cases, referrals, geo, admin, clock, country.timezone, typeNames(country.institutionTypes, country.localLanguage),
      { types: country.institutionTypes.map((t) => t.key), followUpMonths: country.reintegrationFollowUpMonths, phaseName: phaseNames(country.institutionTypes, country.localLanguage),
        phases: new Map(country.institutionTypes.map((t) => [t.key, (t.phases ?? []).map((p) => p.key)])) }),
    grants: createGrants(db, geo, clock, country.timezone),
    inspections: createInspections(db, loadCareStandards(config.referenceDataDir), clock, country.timezone),
  }),
  routes: (app, services) => {
    registerInstitutionRoutes(app, services);
    registerGrantRoutes(app, services);
    registerInspectionRoutes(app, services);
  },
  jobs: ({ institutions, inspections, country }) => [
    // Every night, in the country's time zone (and at once when a training installation's clock moves): alerts for the deadlines now near, the follow-up visits and inspections overdue.
    {
      name: LIFECYCLE_SWEEP_JOB,
      schedule: { cron: '30 1 * * *', tz: country.timezone },
      followsClock: true,
      handler: async () => {
        await institutions.raiseDueAlerts();
        await inspections.sweep();
      },
    } satisfies JobDefinition<Record<string, never>> as JobDefinition<never>,
  ],
  seed: { demo: seedDemoFacilities, national: seedNationalInstitutions },
});
