import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api.js';
import { unitName, useChildren, useUnitPath } from './useUnit.js';

/** Browse the admin hierarchy (nation › division › district › upazila › union) or search it in either script. */
export function GeoPage() {
  const { t } = useTranslation();
  const [code, setCode] = useState<string | null>(null);
  const [text, setText] = useState('');
  const children = useChildren(code);
  const path = useUnitPath(code);
  const search = useQuery({
    queryKey: ['geo', 'search', text],
    queryFn: () => call('GET /api/v1/geo/search', { query: { q: text } }),
    enabled: text.trim().length >= 2,
  });
  return (
    <div className="page">
      <h1>{t('web.geo.title')}</h1>
      <label className="field">
        <span>{t('web.geo.search')}</span>
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('web.geo.searchHint')} />
      </label>
      {text.trim().length >= 2 ? (
        <ul className="unit-list">
          {search.data?.items.map((u) => (
            <li key={u.code}>
              <button type="button" className="link" onClick={() => { setCode(u.code); setText(''); }}>
                {unitName(u)}
              </button>{' '}
              <small>
                {t(`web.levels.${u.levelKey}`)} · {u.code}
              </small>
            </li>
          ))}
        </ul>
      ) : null}
      <nav aria-label={t('web.geo.breadcrumb')} className="breadcrumb">
        <button type="button" className="link" onClick={() => setCode(null)}>
          {t('web.home.wholeCountry')}
        </button>
        {code && path.data?.path.map((u) => (
          <span key={u.code}>
            {' › '}
            <button type="button" className="link" onClick={() => setCode(u.code)}>
              {unitName(u)}
            </button>
          </span>
        ))}
      </nav>
      {/* Wide tables scroll sideways on a phone: focusable, so a keyboard can scroll them too. */}
      <table className="table" tabIndex={0}>
        <thead>
          <tr>
            <th>{t('web.geo.name')}</th>
            <th>{t('web.geo.code')}</th>
            <th>{t('web.geo.flags')}</th>
          </tr>
        </thead>
        <tbody>
          {children.data?.items.map((u) => (
            <tr key={u.code}>
              <td>
                {u.hasChildren ? (
                  <button type="button" className="link" onClick={() => setCode(u.code)}>
                    {unitName(u)}
                  </button>
                ) : (
                  unitName(u)
                )}
              </td>
              <td>
                {u.code}
                {u.codeSource === 'local' ? <span className="tag small">{t('web.geo.localCode')}</span> : null}
              </td>
              <td>{u.flags.map((f) => t(`web.flags.${f}`)).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
