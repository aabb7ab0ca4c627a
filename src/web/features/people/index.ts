import { PEOPLE_PERMISSIONS } from '../../../shared/permissions/people.js';
import { lazyPage } from '../../lazy-page.js';
import { defineWebModule } from '../../module.js';

export const peopleFeature = defineWebModule({
  name: 'people',
  namespace: 'people',
  pages: [
    { path: '/people/review', component: lazyPage(() => import('./ReviewPage.js'), 'ReviewPage') },
    { path: '/people/import', component: lazyPage(() => import('./ImportPeoplePage.js'), 'ImportPeoplePage') },
    { path: '/people/$id', component: lazyPage(() => import('./PersonPage.js'), 'PersonPage') },
  ],
  nav: [
    { to: '/people/review', label: 'web.nav.linkReview', permission: PEOPLE_PERMISSIONS.review },
    { to: '/people/import', label: 'web.nav.peopleImport', permission: PEOPLE_PERMISSIONS.import },
  ],
});
