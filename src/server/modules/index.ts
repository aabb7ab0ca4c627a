import type { ModuleManifest } from '../platform/module.js';
import { adminModule } from './admin/index.js';
import { casesModule } from './cases/index.js';
import { geoModule } from './geo/index.js';
import { peopleModule } from './people/index.js';
import { referralsModule } from './referrals/index.js';
import { helplineModule } from './helpline/index.js';
import { institutionsModule } from './institutions/index.js';

/**
 * Every domain module, in dependency order: a module may use the services of those above it.
 * Adding a module is one line here (docs/MODULES.md).
 */
export const MODULES: readonly ModuleManifest[] = [
  geoModule,
  peopleModule,
  adminModule,
  casesModule,
  referralsModule,
  helplineModule,
  institutionsModule,
];
