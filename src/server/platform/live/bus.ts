import { EventEmitter } from 'node:events';

/**
 * In-process publish/subscribe for live pages: a module publishes a small message on a topic
 * (`user:<id>` for one person's screens, or a module's own topic) after its transaction
 * commits, and the server-sent event streams subscribed to that topic pass it on. Messages
 * carry no personal data: a page that hears one refetches through the access-checked API.
 * One server process holds the subscribers; several processes would relay through the
 * database's LISTEN/NOTIFY, which this interface leaves room for.
 */
export type LiveMessage = { event: string; data: Record<string, unknown> };
export type LiveBus = {
  publish(topic: string, message: LiveMessage): void;
  subscribe(topics: readonly string[], listener: (message: LiveMessage) => void): () => void;
  /** How many streams listen to a topic (tests, and the jobs page). */
  listeners(topic: string): number;
};

export function createLiveBus(): LiveBus {
  const emitter = new EventEmitter();
  // Every open board or intake page is a listener: the default warning at 10 would be noise.
  emitter.setMaxListeners(0);
  return {
    publish: (topic, message) => { emitter.emit(topic, message); },
    subscribe(topics, listener) {
      for (const t of topics) emitter.on(t, listener);
      return () => { for (const t of topics) emitter.off(t, listener); };
    },
    listeners: (topic) => emitter.listenerCount(topic),
  };
}

export const userTopic = (userId: string) => `user:${userId}`;
