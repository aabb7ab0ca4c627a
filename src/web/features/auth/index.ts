import { defineWebModule } from '../../module.js';
import { ForgotPasswordPage } from './ForgotPasswordPage.js';
import { LoginPage } from './LoginPage.js';
import { ResetPasswordPage } from './ResetPasswordPage.js';
import { TwoFactorPage } from './TwoFactorPage.js';

/** Sign-in, two-factor and password reset: loaded with the first page, so kept small. */
export const authFeature = defineWebModule({
  name: 'auth',
  namespace: 'auth',
  pages: [
    { path: '/login', component: LoginPage, access: 'public' },
    { path: '/login/two-factor', component: TwoFactorPage, access: 'mfa' },
    { path: '/forgot-password', component: ForgotPasswordPage, access: 'public' },
    { path: '/reset-password', component: ResetPasswordPage, access: 'public' },
  ],
});
