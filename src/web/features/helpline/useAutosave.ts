import { useEffect, useRef, useState } from 'react';
import type { Contact, ContactDraft } from '../../../shared/helpline.js';
import { ApiError, call } from '../../api.js';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string; contact: Contact } | { kind: 'offline' } | { kind: 'refused'; error: ApiError };

/**
 * Saves the draft to the server shortly after each change (and keeps trying while the
 * connection is down). Every save carries the same client id, so a retry that did reach the
 * server updates the same contact instead of making a second one.
 */
export function useAutosave(clientId: string, draft: ContactDraft, enabled: boolean, delayMs = 700) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const latest = useRef(draft);
  latest.current = draft;
  const version = useRef(0);
  const retry = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const saveNow = async (): Promise<Contact | null> => {
    const mine = ++version.current;
    clearTimeout(retry.current);
    setState({ kind: 'saving' });
    try {
      const contact = await call('PUT /api/v1/helpline/contacts/:clientId', { params: { clientId }, body: latest.current });
      if (mine === version.current) setState({ kind: 'saved', at: contact.updatedAt, contact });
      return contact;
    } catch (err) {
      if (err instanceof ApiError && err.status > 0 && err.status < 500) {
        setState({ kind: 'refused', error: err });
        return null;
      }
      // No answer (or the server is away): keep the text, try again in a few seconds.
      if (mine === version.current) {
        setState({ kind: 'offline' });
        retry.current = setTimeout(() => void saveNow(), 3000);
      }
      return null;
    }
  };

  const serialised = JSON.stringify(draft);
  useEffect(() => {
    if (!enabled) return;
    const timer = setTimeout(() => void saveNow(), delayMs);
    return () => clearTimeout(timer);
  }, [serialised, enabled]);
  useEffect(() => () => clearTimeout(retry.current), []);
  return { state, saveNow };
}
