import { useTranslation } from 'react-i18next';
import { stepRecord } from '../../../shared/step-record.js';
import { date } from '../../i18n.js';

/** A saved step form as labelled fields in the reader's language (the printed file shows the same). */
export function StepRecord({ step, data }: { step: string; data: Record<string, unknown> }) {
  const { t } = useTranslation();
  const groups = stepRecord(step, data, { t: (k, p) => t(k, p ?? {}), date: (d) => date(d) });
  if (groups.every((g) => g.rows.length === 0)) return <p className="hint">{t('web.sop.emptyRecord')}</p>;
  return (
    <>
      {groups.map((g, i) => (
        <div key={i} className="record">
          {g.title ? <h4>{g.title}</h4> : null}
          <dl className="facts">
            {g.rows.map((r, j) => (<div key={j} className="fact"><dt>{r.label}</dt><dd className="pre">{r.value}</dd></div>))}
          </dl>
        </div>
      ))}
    </>
  );
}
