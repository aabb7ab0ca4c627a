import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api.js';
import { currentLang } from '../../i18n.js';
import { UnitPicker } from '../admin/UnitPicker.js';
import { INSTITUTION_PERMISSIONS } from '../../../shared/permissions/institutions.js';
import { hasPermission, useSession } from '../../session.js';
import { Occupancy } from './Occupancy.js';

/** The facility registry: where the seats are and how full they are; no child is named here. */
export function FacilitiesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [type, setType] = useState('');
  const [place, setPlace] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [freeSeats, setFreeSeats] = useState(false);
  const country = useQuery({ queryKey: ['country'], queryFn: () => call('GET /api/v1/geo/country'), staleTime: Infinity });
  const list = useQuery({
    queryKey: ['facilities', type, place, text, freeSeats],
    queryFn: () => call('GET /api/v1/facilities', { query: { type: type || undefined, place: place ?? undefined, q: text.trim() || undefined, freeSeats: freeSeats || undefined } }),
  });
  const lang = currentLang();
  return (
    <div className="page">
      <h1>{t('web.institutions.title')}</h1>
      <p className="toolbar wrap">
        <Link to="/facilities/map">{t('web.institutions.mapTitle')}</Link>
        {hasPermission(session.data, INSTITUTION_PERMISSIONS.manageFacilities) ? <Link className="button" to="/facilities/new">{t('web.institutions.addFacility')}</Link> : null}
      </p>
      <div className="toolbar wrap">
        <select aria-label={t('web.institutions.type')} value={type} onChange={(e) => setType(e.target.value)}>
          <option value="">{t('web.institutions.allTypes')}</option>
          {country.data?.institutionTypes.map((it) => <option key={it.key} value={it.key}>{it.name[lang] ?? it.name.en}</option>)}
        </select>
        <input aria-label={t('web.institutions.search')} placeholder={t('web.institutions.search')} value={text} onChange={(e) => setText(e.target.value)} />
        <label className="check"><input type="checkbox" checked={freeSeats} onChange={(e) => setFreeSeats(e.target.checked)} /> {t('web.institutions.freeSeats')}</label>
      </div>
      <UnitPicker level={2} value={place} onChange={(code) => setPlace(code)} label={t('web.institutions.district')} />
      {list.isLoading ? <p>{t('web.common.loading')}</p> : null}
      {list.data && list.data.items.length === 0 ? <p className="hint">{t('web.institutions.none')}</p> : null}
      <ul className="case-list">
        {list.data?.items.map((f) => (
          <li key={f.id} className="case-card">
            <Link to="/facilities/$id" params={{ id: f.id }}><strong>{f.name}</strong></Link>
            <p className="meta">{f.typeName} · {f.place.district ?? f.place.name} · <Occupancy occupancy={f.occupancy} seats={f.seats} />
              {f.licence.status !== 'government' && f.licence.expiresOn && f.licence.expiresOn < new Date().toISOString().slice(0, 10) ? <span className="badge-overdue">{t('web.institutions.licenceExpired')}</span> : null}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
