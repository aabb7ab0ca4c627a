import { useEffect, useRef } from 'react';

export type LiveEvent = { event: 'ready' | 'board'; data: { reason?: string } } | { event: 'call'; data: { contactId: string; callId: string } };

/**
 * Listens to the helpline's server-sent events while the page is open. The browser's
 * EventSource reconnects by itself after a dropped network; `ready` comes on every (re)connect,
 * so a page refetches then whatever it may have missed.
 */
export function useLive(onEvent: (e: LiveEvent) => void) {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/helpline/live');
    const listen = (name: LiveEvent['event']) => source.addEventListener(name, (m) => handler.current({ event: name, data: JSON.parse((m as MessageEvent<string>).data) } as LiveEvent));
    listen('ready');
    listen('board');
    listen('call');
    return () => source.close();
  }, []);
}
