import { useMemo, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { localName } from '../../../shared/i18n/index.js';
import { call } from '../../api.js';
import { DistrictMap, districtShapes } from '../../components/DistrictMap.js';
import { currentLang, num } from '../../i18n.js';

/**
 * Where the seats are, nationally: each district shaded by how full its facilities are (of one
 * type, or all), outlined in red where they hold more children than seats. The table carries
 * the same numbers for screen readers and small screens. Aggregates only.
 */
export function SeatsMapPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const [type, setType] = useState('');
  const [area, setArea] = useState<string | null>(null);
  const country = useQuery({ queryKey: ['country'], queryFn: () => call('GET /api/v1/geo/country'), staleTime: Infinity });
  const shapes = useQuery({ queryKey: ['geo', 'shapes', 2], queryFn: districtShapes, staleTime: Infinity });
  const occ = useQuery({ queryKey: ['occupancy', type], queryFn: () => call('GET /api/v1/facilities/occupancy', { query: { type: type || undefined } }) });
  const names = useMemo(() => new Map((shapes.data?.features ?? []).map((f) => [f.properties.code, localName(lang, f.properties.name_en, f.properties.name_bn)])), [shapes.data, lang]);
  const rows = occ.data?.items ?? [];
  const share = (r: { seats: number; occupancy: number }) => (r.seats > 0 ? Math.round((100 * r.occupancy) / r.seats) : 0);
  const values = new Map(rows.map((r) => [r.code, share(r)]));
  const over = new Set(rows.filter((r) => r.occupancy > r.seats).map((r) => r.code));
  const total = rows.reduce((s, r) => ({ seats: s.seats + r.seats, occupancy: s.occupancy + r.occupancy, facilities: s.facilities + r.facilities }), { seats: 0, occupancy: 0, facilities: 0 });
  const name = (code: string) => names.get(code) ?? code;
  return (
    <div className="page">
      <p className="toolbar"><Link to="/facilities">{t('web.institutions.back')}</Link></p>
      <h1>{t('web.institutions.mapTitle')}</h1>
      <select aria-label={t('web.institutions.type')} value={type} onChange={(e) => setType(e.target.value)}>
        <option value="">{t('web.institutions.allTypes')}</option>
        {country.data?.institutionTypes.map((it) => <option key={it.key} value={it.key}>{it.name[lang] ?? it.name.en}</option>)}
      </select>
      <p className="lead" data-total-seats={total.seats}>{t('web.institutions.nationalLine', { facilities: num(total.facilities), occupancy: num(total.occupancy), seats: num(total.seats) })}</p>
      <div className="grid">
        {shapes.data ? (
          <DistrictMap shapes={shapes.data} values={values} flagged={over} selected={area} onSelect={setArea}
            label={t('web.institutions.mapLabel')} legend={(max) => t('web.institutions.mapLegend', { max: num(max) })}
            describe={(code, v) => `${name(code)}: ${v === undefined ? t('web.institutions.noFacility') : `${num(v ?? 0)}%`}${over.has(code) ? ` · ${t('web.institutions.overSeats')}` : ''}`} />
        ) : null}
        <table className="table">
          <thead><tr><th>{t('web.institutions.district')}</th><th>{t('web.institutions.facilitiesCount')}</th><th>{t('web.institutions.seats')}</th><th>{t('web.institutions.occupied')}</th></tr></thead>
          <tbody>
            {rows.filter((r) => !area || r.code === area).map((r) => (
              <tr key={r.code} data-area={r.code}><td>{name(r.code)}</td><td>{num(r.facilities)}</td><td>{num(r.seats)}</td><td>{num(r.occupancy)} ({num(share(r))}%){r.occupancy > r.seats ? <span className="badge-overdue">{t('web.institutions.overSeats')}</span> : null}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
