import { ADMIN_PERMISSIONS } from '../../../shared/admin.js';
import { defineModule } from '../../platform/module.js';
import { registerAdminRoutes } from './routes.js';
import { seedDemoAccounts } from './seed.js';
import { seedNationalTeams } from './national-seed.js';
import { createAdminService, type AdminService } from './service.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    admin: AdminService;
  }
}

/**
 * Organisations, and the management of accounts, roles and scopes. Accounts themselves
 * (users, role bindings, roles) are platform tables, written through platform/auth/accounts.ts.
 */
export const adminModule = defineModule({
  name: 'admin',
  permissions: Object.values(ADMIN_PERMISSIONS),
  tables: ['organisations'],
  create: ({ db, geo }) => ({ admin: createAdminService(db, geo) }),
  routes: (app, { admin, jobs, clock }) => registerAdminRoutes(app, admin, jobs, clock),
  seed: { demo: seedDemoAccounts, national: seedNationalTeams },
});
