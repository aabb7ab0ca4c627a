import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { num } from '../i18n.js';

type Limits = { min: number; max: number };
type Request = Limits & { label: string; resolve: (text: string | null) => void };

/**
 * Asks for a written reason (a decline, a report back, a withdrawal) in a modal dialog, in
 * the user's language, with the length the API requires shown as they type: a short reason
 * cannot be sent, so nothing is lost to a round trip that fails. `ask` resolves to the text,
 * or null when the person cancels (Escape, or the Cancel button).
 */
export function useReasonDialog(): { ask: (label: string, limits: Limits) => Promise<string | null>; dialog: ReactNode } {
  const [request, setRequest] = useState<Request | null>(null);
  const ask = (label: string, limits: Limits) => new Promise<string | null>((resolve) => setRequest({ label, ...limits, resolve }));
  const close = (text: string | null) => {
    request?.resolve(text);
    setRequest(null);
  };
  return { ask, dialog: request ? <ReasonDialog request={request} onClose={close} /> : null };
}

function ReasonDialog({ request, onClose }: { request: Request; onClose: (text: string | null) => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [text, setText] = useState('');
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const length = text.trim().length;
  const tooShort = length < request.min;
  return (
    <dialog ref={ref} className="reason-dialog" aria-labelledby={`${id}-label`} onCancel={(e) => { e.preventDefault(); onClose(null); }}>
      <form onSubmit={(e) => { e.preventDefault(); if (!tooShort) onClose(text.trim()); }}>
        <label id={`${id}-label`} htmlFor={`${id}-text`}>{request.label}</label>
        <textarea id={`${id}-text`} rows={4} autoFocus required minLength={request.min} maxLength={request.max} value={text}
          aria-describedby={`${id}-count`} onChange={(e) => setText(e.target.value)} />
        <p id={`${id}-count`} className={tooShort ? 'hint' : 'hint ok'}>{t('web.reason.length', { count: num(length), min: num(request.min), max: num(request.max) })}</p>
        <div className="toolbar">
          <button type="submit" className="primary" disabled={tooShort}>{t('web.common.send')}</button>
          <button type="button" onClick={() => onClose(null)}>{t('web.common.cancel')}</button>
        </div>
      </form>
    </dialog>
  );
}
