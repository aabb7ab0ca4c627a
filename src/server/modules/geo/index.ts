import { defineModule } from '../../platform/module.js';
import type { CountryConfig } from '../../../shared/geo.js';
import { loadCountry } from './country.js';
import { loadGeography } from './loader.js';
import { registerGeoRoutes } from './routes.js';
import { createGeoService, type GeoService } from './service.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    /** The running country's configuration (levels, helpline number, time zone). */
    country: CountryConfig;
    geo: GeoService;
  }
}

/** Admin geography and the country configuration: reference data every other module places its rows in. */
export const geoModule = defineModule({
  name: 'geo',
  permissions: [],
  tables: ['geo_units'],
  create({ config, db }) {
    const country = loadCountry(config.referenceDataDir, config.country);
    return { country, geo: createGeoService(db, country, config.referenceDataDir) };
  },
  async prepare(db, { config, country }) {
    const r = await loadGeography(db, config.referenceDataDir, country);
    if (!r.skipped) return `geography loaded: ${r.loaded} units`;
  },
  warm: async ({ geo }) => {
    await geo.find('');
  },
  routes: (app, { geo }) => registerGeoRoutes(app, geo),
});
