import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLive } from './useLive.js';

/**
 * The screen pop: when the contact centre reports a call this agent answered, the server has
 * already opened a draft with the number and the time; this opens it. With a contact half
 * typed on the page (`autoOpen` false) it asks first, so nothing on screen is pushed away.
 */
export function ScreenPop({ autoOpen }: { autoOpen: boolean }) {
  const { t } = useTranslation();
  const [waiting, setWaiting] = useState<string | null>(null);
  const open = (id: string) => window.location.assign(`/helpline/new?id=${id}`);
  useLive((e) => {
    if (e.event !== 'call') return;
    if (autoOpen) open(e.data.contactId);
    else setWaiting(e.data.contactId);
  });
  if (!waiting) return null;
  return (
    <p className="banner" role="alert">
      {t('web.helpline.desk.callAnswered')} <button type="button" className="primary" onClick={() => open(waiting)}>{t('web.helpline.desk.openCall')}</button>
    </p>
  );
}
