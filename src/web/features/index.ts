import type { WebModule } from '../module.js';
import { accountFeature } from './account/index.js';
import { adminFeature } from './admin/index.js';
import { authFeature } from './auth/index.js';
import { casesFeature } from './cases/index.js';
import { geoFeature } from './geo/index.js';
import { homeFeature } from './home/index.js';
import { referralsFeature } from './referrals/index.js';
import { helplineFeature } from './helpline/index.js';
import { peopleFeature } from './people/index.js';
import { institutionsFeature } from './institutions/index.js';

/** Every feature of the web app; navigation follows this order. Adding one is one line here. */
export const FEATURES: readonly WebModule[] = [authFeature, homeFeature, helplineFeature, casesFeature, peopleFeature, institutionsFeature, referralsFeature, geoFeature, adminFeature, accountFeature];
