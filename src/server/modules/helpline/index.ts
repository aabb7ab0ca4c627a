import { HELPLINE_PERMISSIONS } from '../../../shared/permissions/helpline.js';
import { defineModule } from '../../platform/module.js';
import type { JobDefinition } from '../../platform/jobs/queue.js';

export const DISPATCH_SWEEP_JOB = 'helpline.dispatch.sweep';
import { loadIntakeForm } from './form.js';
import { registerHelplineRoutes } from './routes.js';
import { seedDemoContacts } from './seed.js';
import { createHelplineService, type HelplineService } from './service.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    helpline: HelplineService;
  }
}

/** Child Helpline 1098: contacts taken by agents, saved as they type, completed into a case through the case service. */
export const helplineModule = defineModule({
  name: 'helpline',
  permissions: Object.values(HELPLINE_PERMISSIONS),
  tables: ['helpline_contacts', 'helpline_dispatches'],
  create: ({ db, cases, geo, country, config, taxonomies, secretKey }) => ({
    helpline: createHelplineService(db, cases, geo, loadIntakeForm(config.referenceDataDir, country, (c) => Boolean(taxonomies.concern(c))), secretKey, country.localLanguage),
  }),
  routes: registerHelplineRoutes,
  jobs: ({ helpline, country }) => [
    // Every minute: dispatches past their acknowledgement deadline go to the supervisors.
    {
      name: DISPATCH_SWEEP_JOB,
      schedule: { cron: '* * * * *', tz: country.timezone },
      handler: async () => { await helpline.escalateOverdue(); },
    } satisfies JobDefinition<Record<string, never>> as JobDefinition<never>,
  ],
  seed: { demo: seedDemoContacts },
});
