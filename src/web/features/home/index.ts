import { defineWebModule } from '../../module.js';
import { HomePage } from './HomePage.js';

export const homeFeature = defineWebModule({
  name: 'home',
  pages: [{ path: '/', component: HomePage }],
  nav: [{ to: '/', label: 'web.nav.home' }],
});
