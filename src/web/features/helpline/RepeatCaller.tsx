import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Contact, IntakeForm } from '../../../shared/helpline.js';
import { HELPLINE_PERMISSIONS } from '../../../shared/permissions/helpline.js';
import { call } from '../../api.js';
import { date, num, currentLang } from '../../i18n.js';
import { hasPermission, useSession } from '../../session.js';

/**
 * The repeat-caller banner: earlier contacts from the number on the form (when, what, which
 * case), for roles that may see them. The number itself stays masked; a supervisor may reveal
 * it, and each reveal is audited.
 */
export function RepeatCaller({ contact, form }: { contact: Contact; form: IntakeForm }) {
  const { t } = useTranslation();
  const session = useSession();
  const [number, setNumber] = useState<string | null>(null);
  const earlier = contact.earlier;
  const lang = currentLang();
  const label = (code: string) => {
    for (const c of form.categories) for (const s of c.subcategories) if (s.code === code) return s.label[lang] ?? s.label.en ?? code;
    return code;
  };
  const mayReveal = hasPermission(session.data, HELPLINE_PERMISSIONS.revealNumber) && contact.caller.phoneMasked;
  if (!earlier?.total && !mayReveal) return null;
  return (
    <section className="banner repeat-caller" aria-live="polite">
      {earlier?.total ? (
        <>
          <strong>{t('web.helpline.repeat.title', { n: num(earlier.total) })}</strong>
          <ul className="plain">
            {earlier.items.map((e) => (
              <li key={e.id}>
                {date(e.receivedAt, true)} · {e.callType ? t(`web.helpline.callTypes.${e.callType}`) : '—'}{e.categories.length ? ` · ${e.categories.map(label).join(', ')}` : ''} · {e.agent}
                {e.case ? <> · <Link to="/cases/$id" params={{ id: e.case.id }}><span className="case-number">{e.case.number}</span></Link></> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {mayReveal ? (
        number ? <p>{t('web.helpline.repeat.number')}: <strong dir="ltr">{number}</strong></p> : (
          <button type="button" onClick={() => void call('POST /api/v1/helpline/contacts/:id/number', { params: { id: contact.id } }).then((r) => setNumber(r.number ?? '—'))}>
            {t('web.helpline.repeat.reveal')} ({contact.caller.phoneMasked})
          </button>
        )
      ) : null}
    </section>
  );
}
