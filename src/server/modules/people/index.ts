import { PEOPLE_PERMISSIONS } from '../../../shared/permissions/people.js';
import { defineModule } from '../../platform/module.js';
import { createPeopleImporter, type PeopleImporter } from './import.js';
import { createLinkageService, type LinkageService } from './linkage/service.js';
import { registerPeopleRoutes } from './routes.js';
import { seedDemoLinkage } from './seed.js';
import { peopleService } from './service.js';
import { loadTaxonomies, type Taxonomies } from './taxonomies.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    /** The person registry: every module creates and reads people through it. */
    people: typeof peopleService;
    /** Concerns, disabilities and vulnerable groups (data/taxonomies). */
    taxonomies: Taxonomies;
    /** Record linkage: one child across sources (full runs, matching one record, review, merge and split). */
    linkage: LinkageService;
    /** Lists of people from other systems (ncpp import people, the web upload). */
    peopleImporter: PeopleImporter;
  }
}

/** The person registry (children and their families), record linkage across sources, and the reference lists that describe people. */
export const peopleModule = defineModule({
  name: 'people',
  permissions: Object.values(PEOPLE_PERMISSIONS),
  tables: ['persons', 'family_members', 'person_groups', 'link_models', 'link_terms', 'link_pairs', 'link_changes', 'people_imports'],
  create: (services) => ({
    people: peopleService,
    taxonomies: loadTaxonomies(services.config.referenceDataDir),
    // Cases are built after people (they register children through it); linkage asks them at call time.
    linkage: createLinkageService(services.db, services.geo, () => services.cases),
    peopleImporter: createPeopleImporter(services.db, services.geo),
  }),
  routes: registerPeopleRoutes,
  seed: { demoLast: seedDemoLinkage },
});
