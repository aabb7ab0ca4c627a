import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localName } from '../../../shared/i18n/index.js';
import { call } from '../../api.js';
import { currentLang, date, num } from '../../i18n.js';
import { DetectorPanel, ForecastPanel, SeasonPanel, SpikeTable } from './AnalyticsPanels.js';
import { DistrictMap, districtShapes } from '../../components/DistrictMap.js';
import { TimeChart } from './TimeChart.js';

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const RANGES = [13, 26, 52, 104] as const;

/**
 * The helpline as an early-warning system: contacts of one category by district on a map and
 * over the weeks, the spikes the detector flagged, each division's season, and for a chosen
 * district the next three months with the forecast's own error. All aggregate; small cells
 * come back hidden for roles that may not see them.
 */
export function AnalyticsPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const params = new URLSearchParams(window.location.search);
  const [category, setCategory] = useState(params.get('category') ?? 'violence.child_marriage');
  const [area, setArea] = useState<string | null>(params.get('area'));
  const [weeks, setWeeks] = useState<number>(52);
  const to = iso(new Date());
  const from = iso(new Date(Date.now() - weeks * 7 * DAY));

  const form = useQuery({ queryKey: ['helpline', 'form'], queryFn: () => call('GET /api/v1/helpline/form') });
  const shapes = useQuery({ queryKey: ['geo', 'shapes', 2], queryFn: districtShapes, staleTime: Infinity });
  const divisions = useQuery({ queryKey: ['geo', 'units'], queryFn: () => call('GET /api/v1/geo/units'), staleTime: Infinity });
  const byArea = useQuery({ queryKey: ['helpline', 'counts', 'area', category, from], queryFn: () => call('GET /api/v1/helpline/analytics/counts', { query: { from, to, period: 'week', level: 'district', by: 'area', category } }) });
  const series = useQuery({
    queryKey: ['helpline', 'counts', 'series', category, from, area],
    queryFn: () => call('GET /api/v1/helpline/analytics/counts', { query: { from, to, period: 'week', by: 'period', category, ...(area ? { area } : {}) } }),
  });
  const spikes = useQuery({ queryKey: ['helpline', 'spikes', category, from], queryFn: () => call('GET /api/v1/helpline/analytics/spikes', { query: { from, to, level: 'district', category } }) });

  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const f of shapes.data?.features ?? []) m.set(f.properties.code, localName(lang, f.properties.name_en, f.properties.name_bn));
    for (const d of divisions.data?.items ?? []) m.set(d.code, localName(lang, d.name.en, d.name.local));
    return m;
  }, [shapes.data, divisions.data, lang]);
  const name = (code: string) => names.get(code) ?? code;
  const categoryName = useMemo(() => {
    const m = new Map<string, string>();
    for (const c of form.data?.categories ?? []) {
      m.set(c.code, c.label[lang] ?? c.label.en ?? c.code);
      for (const s of c.subcategories) m.set(s.code, s.label[lang] ?? s.label.en ?? s.code);
    }
    return (code: string) => m.get(code) ?? code;
  }, [form.data, lang]);

  const values = new Map((byArea.data?.items ?? []).map((c) => [c.areaCode ?? '', c.count]));
  const spikeItems = spikes.data?.items ?? [];
  const flaggedAreas = new Set(spikeItems.map((s) => s.areaCode));
  const weekMarks = new Set(spikeItems.filter((s) => !area || s.areaCode === area).map((s) => s.period));
  // Every week of the range, zero where nothing was counted, so the line is not drawn across gaps.
  const weekly = useMemo(() => {
    const counted = new Map((series.data?.items ?? []).map((c) => [c.period ?? '', c.count]));
    const out: Array<{ period: string; value: number | null }> = [];
    const start = new Date(from);
    start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
    for (let d = start; iso(d) <= to; d = new Date(d.getTime() + 7 * DAY)) out.push({ period: iso(d), value: counted.has(iso(d)) ? counted.get(iso(d))! : 0 });
    return out;
  }, [series.data, from, to]);
  const where = area ? name(area) : t('web.helpline.analytics.national');
  const inDistrict = area && shapes.data?.features.some((f) => f.properties.code === area) ? area : null;

  return (
    <div className="page analytics">
      <h1>{t('web.helpline.analytics.title')}</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>{t('web.helpline.analytics.category')}
          <select value={category} onChange={(e) => setCategory(e.target.value)}>
            {(form.data?.categories ?? []).map((c) => (
              <optgroup key={c.code} label={c.label[lang] ?? c.label.en}>
                <option value={c.code}>{t('web.helpline.analytics.allOf', { category: c.label[lang] ?? c.label.en })}</option>
                {c.subcategories.map((s) => <option key={s.code} value={s.code}>{s.label[lang] ?? s.label.en}</option>)}
              </optgroup>
            ))}
          </select>
        </label>
        <label>{t('web.helpline.analytics.range')}
          <select value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
            {RANGES.map((w) => <option key={w} value={w}>{t('web.helpline.analytics.weeks', { n: w })}</option>)}
          </select>
        </label>
        {area ? <button type="button" onClick={() => setArea(null)}>{t('web.helpline.analytics.showNational')}</button> : null}
      </form>
      <p className="hint">{t('web.helpline.analytics.aggregateNote', { n: byArea.data?.suppressBelow ?? 5, from: date(from), to: date(to) })}</p>
      <div className="grid">
        <section className="card" aria-labelledby="map-title">
          <h2 id="map-title">{t('web.helpline.analytics.mapTitle', { category: categoryName(category) })}</h2>
          {shapes.data ? <DistrictMap shapes={shapes.data} values={values} flagged={flaggedAreas} selected={area} onSelect={setArea}
            label={t('web.helpline.analytics.mapLabel')} legend={(max) => t('web.helpline.analytics.mapLegend', { max: num(max) })}
            describe={(code, v) => `${name(code)}: ${v === null ? t('web.helpline.analytics.hidden') : num(v ?? 0)}${flaggedAreas.has(code) ? ` · ${t('web.helpline.analytics.spike')}` : ''}`} /> : null}
        </section>
        <section className="card" aria-labelledby="series-title">
          <h2 id="series-title">{t('web.helpline.analytics.seriesTitle', { area: where })}</h2>
          <TimeChart points={weekly} marks={weekMarks} label={t('web.helpline.analytics.seriesTitle', { area: where })} />
          {inDistrict ? <ForecastPanel area={inDistrict} category={category} areaName={where} /> : <p className="hint">{t('web.helpline.analytics.pickDistrict')}</p>}
        </section>
      </div>
      <section className="card" aria-labelledby="spikes-title">
        <h2 id="spikes-title">{t('web.helpline.analytics.spikesTitle')}</h2>
        <SpikeTable spikes={spikeItems} name={name} category={categoryName} onSelect={setArea} />
      </section>
      <section className="card"><SeasonPanel category={category} name={name} /></section>
      <section className="card"><DetectorPanel /></section>
    </div>
  );
}
