import { CASE_PERMISSIONS } from '../../../shared/cases.js';
import { SEND_MAIL_JOB } from '../../platform/auth/service.js';
import { defineModule } from '../../platform/module.js';
import type { JobDefinition } from '../../platform/jobs/queue.js';
import { createBestInterest, type BestInterest } from './best-interest/bid.js';
import { createConsents, type Consents } from './consent/consent.js';
import { DAILY_DIGEST_JOB, digestMail } from './caseload/digest.js';
import { createCaseExporter, type CaseExporter } from './import-export/export.js';
import { CASE_IMPORT_JOB, createCaseImporter, type CaseImporter } from './import-export/import.js';
import { seedNationalCases } from './seed/national-seed.js';
import { createNotesAndFiles, type NotesAndFiles } from './notes-files/notes-files.js';
import { registerCaseRoutes } from './routes.js';
import { seedDemoCases } from './seed/seed.js';
import { createCaseService, type CaseService } from './core/service.js';
import { createTransfers, type Transfers } from './transfers/transfer.js';
import { createWorkflow, type Workflow } from './workflow/workflow.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    cases: CaseService;
    workflow: Workflow;
    caseImporter: CaseImporter;
    caseExporter: CaseExporter;
    notesFiles: NotesAndFiles;
    transfers: Transfers;
    bids: BestInterest;
    consents: Consents;
  }
}

/** SOP case management: registration to closure, transfers, best-interest determination, notes, import and export. */
export const casesModule = defineModule({
  name: 'cases',
  permissions: Object.values(CASE_PERMISSIONS),
  tables: ['cases', 'case_counters', 'case_assignments', 'case_events', 'case_steps', 'consents', 'case_notes', 'case_attachments', 'case_transfers', 'case_bids', 'case_imports'],
  create(services) {
    const { db, geo, taxonomies, country, files, jobs } = services;
    // Referrals are listed after cases (they use the case service); caseloads ask them at call time.
    const cases = createCaseService(db, geo, taxonomies, country.code, (caseIds, before) => services.referrals.waitingSince(caseIds, before), (actor, id) => services.linkage.mayLink(actor, id));
    return {
      cases,
      workflow: createWorkflow(db),
      caseImporter: createCaseImporter(db, geo, taxonomies, country.code, jobs),
      caseExporter: createCaseExporter(db, taxonomies),
      notesFiles: createNotesAndFiles(db, files),
      transfers: createTransfers(db, geo),
      bids: createBestInterest(db),
      consents: createConsents(db),
    };
  },
  routes: registerCaseRoutes,
  jobs: ({ cases, caseImporter, db, jobs, country, config }) => [
    // Every morning, in the country's time zone: one email to each worker with something late or waiting.
    {
      name: DAILY_DIGEST_JOB,
      schedule: { cron: '0 8 * * *', tz: country.timezone },
      handler: async () => {
        for (const d of await cases.digests()) await db.tx((tx) => jobs.enqueue(tx, SEND_MAIL_JOB, digestMail(d, config.publicUrl)));
      },
    } satisfies JobDefinition<Record<string, never>> as JobDefinition<never>,
    // Legacy imports: checked, then written in chunks; a stopped worker's import resumes (docs/import-cases.md).
    { name: CASE_IMPORT_JOB, retryLimit: 10, retryDelay: 15, handler: ({ importId }) => caseImporter.run(importId) } satisfies JobDefinition<{ importId: string }> as JobDefinition<never>,
  ],
  seed: { demo: seedDemoCases, national: seedNationalCases },
  rollups: [],
});
