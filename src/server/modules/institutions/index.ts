import { INSTITUTION_PERMISSIONS } from '../../../shared/institutions.js';
import { defineModule } from '../../platform/module.js';
import type { JobDefinition } from '../../platform/jobs/queue.js';
import { registerInstitutionRoutes } from './routes.js';
import { typeNames } from './presenter.js';
import { createGrants, type Grants } from './grants/service.js';
import { registerGrantRoutes } from './grants/routes.js';
import { seedDemoFacilities } from './seed.js';
import { seedNationalInstitutions } from './national-seed.js';
import { createInstitutionService, type InstitutionService } from './service.js';

export const LIFECYCLE_SWEEP_JOB = 'institutions.lifecycle.sweep';

declare module '../../platform/module.js' {
  interface ModuleServices {
    institutions: InstitutionService;
    grants: Grants;
  }
}

/** Facilities, the children placed in them, the lifecycle deadlines of their stays, and the capitation grants to NGO orphanages; talks to cases, people and referrals through their services. */
export const institutionsModule = defineModule({
  name: 'institutions',
  permissions: Object.values(INSTITUTION_PERMISSIONS),
  tables: ['facilities', 'placements', 'placement_alerts', 'placement_followups', 'grant_rates', 'grant_enrolments', 'grant_claims', 'grant_claim_lines'],
  create: ({ db, cases, referrals, geo, admin, clock, country }) => ({
    institutions: createInstitutionService(db, cases, referrals, geo, admin, clock, country.timezone, typeNames(country.institutionTypes, country.localLanguage),
      { types: country.institutionTypes.map((t) => t.key), followUpMonths: country.reintegrationFollowUpMonths }),
    grants: createGrants(db, geo, clock, country.timezone),
  }),
  routes: (app, services) => {
    registerInstitutionRoutes(app, services);
    registerGrantRoutes(app, services);
  },
  jobs: ({ institutions, country }) => [
    // Every night, in the country's time zone (and at once when a training installation's clock moves): alerts for the deadlines now near.
    {
      name: LIFECYCLE_SWEEP_JOB,
      schedule: { cron: '30 1 * * *', tz: country.timezone },
      followsClock: true,
      handler: async () => { await institutions.raiseDueAlerts(); },
    } satisfies JobDefinition<Record<string, never>> as JobDefinition<never>,
  ],
  seed: { demo: seedDemoFacilities, national: seedNationalInstitutions },
});
