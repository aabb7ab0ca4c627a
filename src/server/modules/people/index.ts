import { defineModule } from '../../platform/module.js';
import { peopleService } from './service.js';
import { loadTaxonomies, type Taxonomies } from './taxonomies.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    /** The person registry: every module creates and reads people through it. */
    people: typeof peopleService;
    /** Concerns, disabilities and vulnerable groups (data/taxonomies). */
    taxonomies: Taxonomies;
  }
}

/** The person registry (children and their families), and the reference lists that describe them. */
export const peopleModule = defineModule({
  name: 'people',
  permissions: [],
  tables: ['persons', 'family_members'],
  create: ({ config }) => ({ people: peopleService, taxonomies: loadTaxonomies(config.referenceDataDir) }),
});
