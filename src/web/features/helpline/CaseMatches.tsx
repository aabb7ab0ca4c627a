import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseMatch } from '../../../shared/cases.js';
import type { Contact } from '../../../shared/helpline.js';
import { call } from '../../api.js';
import { ErrorBanner } from '../../components/Field.js';
import { date, num } from '../../i18n.js';
import { useAction } from '../../useAction.js';

/**
 * Joining the contact to a case the child already has: the server matches what the form holds
 * (the child's name in either script, the caller's number, the place, the age, the sex) and
 * offers up to five cases, best first, with why each matched; the agent picks one.
 */
export function CaseMatches({ ensureSaved, value, onChange }: { ensureSaved: () => Promise<Contact | null>; value: string | null; onChange: (caseId: string | null) => void }) {
  const { t } = useTranslation();
  const { error, run } = useAction();
  const [busy, setBusy] = useState(false);
  const [items, setItems] = useState<CaseMatch[] | null>(null);
  const find = () => run(async () => {
    setBusy(true);
    const saved = await ensureSaved().finally(() => setBusy(false));
    if (!saved) throw new Error(t('web.helpline.offline'));
    const found = await call('GET /api/v1/helpline/contacts/:id/matches', { params: { id: saved.id } });
    setItems(found.items);
    onChange(found.items[0]?.caseId ?? null);
  });
  return (
    <div className="card" aria-labelledby="matches-title">
      <h3 id="matches-title">{t('web.helpline.matches.title')}</h3>
      <ErrorBanner message={error?.message} />
      <p className="muted">{t('web.helpline.matches.intro')}</p>
      <button type="button" onClick={() => void find()} disabled={busy}>{t('web.helpline.matches.find')}</button>
      {items && items.length === 0 ? <p role="status">{t('web.helpline.matches.none')}</p> : null}
      {items && items.length > 0 ? (
        <fieldset className="stack">
          <legend className="sr-only">{t('web.helpline.matches.title')}</legend>
          {items.map((m) => (
            <label key={m.caseId} className={`choice${value === m.caseId ? ' on' : ''}`}>
              <input type="radio" name="link-case" value={m.caseId} checked={value === m.caseId} onChange={() => onChange(m.caseId)} />
              {' '}<strong>{m.childName}</strong> · {m.caseNumber}
              {m.ageYears !== null ? ` · ${t('web.helpline.matches.age', { age: num(m.ageYears) })}` : ''}
              {m.placeName ? ` · ${m.placeName}` : ''} · {t(`web.cases.statuses.${m.status}`)} · {date(m.reportedOn)}
              <br /><small>{t('web.helpline.matches.because')} {m.reasons.map((r) => t(`web.helpline.matches.reasons.${r}`)).join(', ')}</small>
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
