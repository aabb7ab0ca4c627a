import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../api.js';
import { useSession } from '../session.js';
import { visibleNav } from '../nav.js';
import { Bell } from './Bell.js';
import { LangSwitch } from './LangSwitch.js';

/** The signed-in frame: header, permission-filtered navigation, bell, language, sign-out. */
export function Shell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = useState(false);
  const me = session.data?.me;
  if (!me) return null;
  const signOut = async () => {
    await call('POST /api/v1/auth/logout');
    qc.clear();
    await navigate({ to: '/login' });
  };
  const local = i18n.language === 'bn';
  return (
    <div className="shell">
      <header className="topbar">
        <button type="button" className="menu-button" aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpen(!menuOpen)}>
          ☰ <span className="sr-only">{t('web.nav.menu')}</span>
        </button>
        <Link to="/" className="brand">
          {t('app.short')}
        </Link>
        <div className="topbar-right">
          <LangSwitch />
          <Bell />
          <span className="who" title={me.organisation.name}>
            {me.fullName}
          </span>
          <button type="button" className="sign-out" onClick={signOut}>
            {t('web.auth.signOut')}
          </button>
        </div>
      </header>
      <nav id="main-nav" className={menuOpen ? 'nav open' : 'nav'} aria-label={t('web.nav.menu')}>
        <ul>
          {visibleNav(me.permissions).map((item) => (
            <li key={item.to}>
              <Link to={item.to} activeProps={{ className: 'active' }} activeOptions={{ exact: item.to === '/' }} onClick={() => setMenuOpen(false)}>
                {t(item.label)}
              </Link>
            </li>
          ))}
        </ul>
        <button type="button" className="nav-signout" onClick={signOut}>
          {t('web.auth.signOut')}
        </button>
        <p className="nav-role">
          {me.roles.map((r) => `${local ? r.roleName.local : r.roleName.en}${r.scopeName ? ` · ${local ? (r.scopeName.local ?? r.scopeName.en) : r.scopeName.en}` : ''}`).join('; ')}
        </p>
      </nav>
      <main className="content">{children}</main>
    </div>
  );
}
