import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Spike } from '../../../shared/helpline-analytics.js';
import { call } from '../../api.js';
import { date, month, num } from '../../i18n.js';
import { TimeChart } from './TimeChart.js';

const one = (v: number) => num(Math.round(v * 10) / 10);

/** The flagged cells, strongest first within each week: what the officers were alerted to. */
export function SpikeTable({ spikes, name, category, onSelect }: { spikes: Spike[]; name: (code: string) => string; category: (code: string) => string; onSelect: (area: string) => void }) {
  const { t } = useTranslation();
  if (spikes.length === 0) return <p className="hint">{t('web.helpline.analytics.noSpikes')}</p>;
  return (
    <table className="table" tabIndex={0}>
        <thead><tr><th>{t('web.helpline.analytics.week')}</th><th>{t('web.helpline.analytics.area')}</th><th>{t('web.helpline.analytics.category')}</th>
          <th>{t('web.helpline.analytics.observed')}</th><th>{t('web.helpline.analytics.expected')}</th><th>{t('web.helpline.analytics.upper')}</th><th>{t('web.helpline.analytics.score')}</th></tr></thead>
        <tbody>
          {spikes.map((s) => (
            <tr key={`${s.areaCode}-${s.categoryCode}-${s.period}`}>
              <td>{date(s.period)}</td>
              <td><button type="button" className="link" onClick={() => onSelect(s.areaCode)}>{name(s.areaCode)}</button></td>
              <td>{category(s.categoryCode)}</td>
              <td>{num(s.observed)}</td><td>{one(s.expected)}</td><td>{one(s.upper)}</td>
              <td>{one(s.score)}{s.alerted ? '' : ` (${t('web.helpline.analytics.coolDown')})`}{s.method === 'ears' ? ` · ${t('web.helpline.analytics.ears')}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
  );
}

/** The next three months for one district and category, with the backtest's error next to it. */
export function ForecastPanel({ area, category, areaName }: { area: string; category: string; areaName: string }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['helpline', 'forecast', area, category], queryFn: () => call('GET /api/v1/helpline/analytics/forecast', { query: { area, category } }) });
  if (!q.data) return <p className="hint">{t('web.common.loading')}</p>;
  const f = q.data;
  const history = f.history.slice(-36);
  const b = f.backtest;
  return (
    <section aria-labelledby="forecast-title">
      <h3 id="forecast-title">{t('web.helpline.analytics.forecastTitle', { area: areaName })}</h3>
      <TimeChart label={t('web.helpline.analytics.forecastTitle', { area: areaName })} points={history.map((h) => ({ period: h.month, value: h.count }))}
        forecast={f.forecast?.map((p) => ({ period: p.month, mean: p.mean, lower: p.lower, upper: p.upper })) ?? null} />
      {f.forecast ? (
        <ul className="plain">
          {f.forecast.map((p) => <li key={p.month}>{t('web.helpline.analytics.forecastLine', { month: month(p.month), mean: one(p.mean), lower: num(p.lower), upper: num(p.upper) })}</li>)}
        </ul>
      ) : <p className="hint">{t('web.helpline.analytics.forecastShort')}</p>}
      <p className="hint">
        {b.mase === null ? t('web.helpline.analytics.noBacktest')
          : t(b.mase < (b.naiveMase ?? 1) ? 'web.helpline.analytics.backtestBetter' : 'web.helpline.analytics.backtestWorse', { mase: num(Math.round(b.mase * 100) / 100), naive: num(Math.round((b.naiveMase ?? 0) * 100) / 100), n: num(b.points) })}
      </p>
    </section>
  );
}

/** Each division's month profile for the category (1 = a usual month), and this month against earlier years. */
export function SeasonPanel({ category, name }: { category: string; name: (code: string) => string }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['helpline', 'season', category], queryFn: () => call('GET /api/v1/helpline/analytics/seasonality', { query: { category } }) });
  if (!q.data) return null;
  // Blue deepening with the value; dark text on the light shades, white on the dark ones. The
  // shades between (where neither reaches a 4.5 contrast ratio) are not used.
  const shade = (v: number | null) => {
    if (v === null) return undefined;
    const alpha = Math.min(0.85, Math.max(0.05, (v - 0.5) / 2));
    return alpha <= 0.62 ? { background: `rgba(11, 79, 140, ${alpha})` } : { background: `rgba(11, 79, 140, ${Math.max(alpha, 0.82)})`, color: '#fff' };
  };
  return (
    <section aria-labelledby="season-title">
      <h3 id="season-title">{t('web.helpline.analytics.seasonTitle')}</h3>
      <table className="table season" tabIndex={0}>
          <thead><tr><th>{t('web.helpline.analytics.area')}</th>{Array.from({ length: 12 }, (_, m) => <th key={m}>{month(m + 1).slice(0, 3)}</th>)}
            <th>{t('web.helpline.analytics.sameMonth', { month: month(Number(q.data.month.slice(5, 7))) })}</th></tr></thead>
          <tbody>
            {q.data.items.map((d) => (
              <tr key={d.areaCode}>
                <th scope="row">{name(d.areaCode)}</th>
                {d.profile.map((v, m) => <td key={m} style={shade(v)}>{v === null ? '—' : num(v)}</td>)}
                <td>{d.sameMonth.map((s) => `${num(s.year).replace(/,/g, '')}: ${s.count === null ? t('web.helpline.analytics.hidden') : num(s.count)}`).join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
    </section>
  );
}

/** How well the detector finds what the seed planted: so nobody trusts it blindly. */
export function DetectorPanel() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['helpline', 'detector'], queryFn: () => call('GET /api/v1/helpline/analytics/detector') });
  if (!q.data) return null;
  const { lastRun, backtest } = q.data;
  return (
    <section aria-labelledby="detector-title">
      <h3 id="detector-title">{t('web.helpline.analytics.detectorTitle')}</h3>
      {lastRun ? <p>{t('web.helpline.analytics.lastRun', { when: date(lastRun.ranAt, true), from: date(lastRun.firstWeek), to: date(lastRun.lastWeek), judged: num(lastRun.judged), flagged: num(lastRun.flagged), alerted: num(lastRun.alerted) })}</p>
        : <p className="hint">{t('web.helpline.analytics.neverRun')}</p>}
      {backtest.planted ? (
        <p>{t('web.helpline.analytics.backtest', {
          detected: num(backtest.detected), planted: num(backtest.planted), sensitivity: num(Math.round((backtest.sensitivity ?? 0) * 100)),
          falseAlerts: backtest.falseAlertsPer100Cells === null ? '—' : num(backtest.falseAlertsPer100Cells), weeks: backtest.medianWeeksToDetection === null ? '—' : num(backtest.medianWeeksToDetection),
        })}</p>
      ) : <p className="hint">{t('web.helpline.analytics.noPlanted')}</p>}
    </section>
  );
}
