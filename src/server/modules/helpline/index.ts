import { HELPLINE_PERMISSIONS } from '../../../shared/permissions/helpline.js';
import { defineModule } from '../../platform/module.js';
import type { JobDefinition } from '../../platform/jobs/queue.js';
import { createHelplineAnalytics, type HelplineAnalytics } from './analytics/service.js';
import { createHelplineDesk, type HelplineDesk } from './desk.js';
import { loadIntakeForm } from './form.js';
import { createContactImporter, type ContactImporter } from './import/importer.js';
import { createContactReferrals, type ContactReferrals } from './referrals.js';
import { registerHelplineRoutes } from './routes.js';
import { seedDemoContacts } from './seed.js';
import { seedNationalContacts } from './national-seed.js';
import { createHelplineService, type HelplineService } from './service.js';

export const DISPATCH_SWEEP_JOB = 'helpline.dispatch.sweep';
export const SPIKE_DETECT_JOB = 'helpline.spikes.detect';

declare module '../../platform/module.js' {
  interface ModuleServices {
    helpline: HelplineService;
    helplineAnalytics: HelplineAnalytics;
    helplineDesk: HelplineDesk;
    helplineImporter: ContactImporter;
    helplineReferrals: ContactReferrals;
  }
}

/** Child Helpline 1098: contacts taken by agents, saved as they type, completed into a case through the case service. */
export const helplineModule = defineModule({
  name: 'helpline',
  permissions: Object.values(HELPLINE_PERMISSIONS),
  tables: ['helpline_contacts', 'helpline_dispatches', 'helpline_calls', 'helpline_callbacks', 'helpline_weekly_counts', 'helpline_monthly_counts', 'helpline_spikes', 'helpline_detector_runs', 'helpline_planted_outbreaks', 'helpline_imports', 'helpline_import_rows', 'helpline_import_lookups', 'helpline_referrals', 'helpline_counts_version'],
  create: ({ db, cases, geo, referrals, country, config, taxonomies, secretKey, live }) => {
    const form = loadIntakeForm(config.referenceDataDir, country, (c) => Boolean(taxonomies.concern(c)));
    const helpline = createHelplineService(db, cases, geo, form, secretKey, country.localLanguage, country.timezone, live);
    const analytics = createHelplineAnalytics(db, geo, form, country);
    return {
      helpline,
      helplineDesk: createHelplineDesk(db, live, secretKey, country.timezone, helpline.mayRead),
      helplineAnalytics: analytics,
      helplineImporter: createContactImporter(db, geo, form, country),
      helplineReferrals: createContactReferrals(db, referrals, helpline.mayRead),
    };
  },
  routes: registerHelplineRoutes,
  jobs: ({ helpline, helplineAnalytics, country }) => [
    // Every minute: dispatches past their acknowledgement deadline go to the supervisors.
    {
      name: DISPATCH_SWEEP_JOB,
      schedule: { cron: '* * * * *', tz: country.timezone },
      handler: async () => { await helpline.escalateOverdue(); },
    } satisfies JobDefinition<Record<string, never>> as JobDefinition<never>,
    // Mondays at 02:00: the spike detector judges the week that just ended and alerts the districts.
    {
      name: SPIKE_DETECT_JOB,
      schedule: { cron: '0 2 * * 1', tz: country.timezone },
      handler: async () => { await helplineAnalytics.detectLastWeek(); },
    } satisfies JobDefinition<Record<string, never>> as JobDefinition<never>,
  ],
  seed: { demo: seedDemoContacts, national: seedNationalContacts },
});
