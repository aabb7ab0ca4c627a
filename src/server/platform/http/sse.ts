import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LiveBus } from '../live/bus.js';

const KEEPALIVE_MS = 25_000;

/**
 * Answers the request with a server-sent event stream of the bus's messages on `topics`,
 * until the client goes away. A comment line every 25 s keeps mobile networks and proxies
 * from closing an idle connection; the browser's EventSource reconnects by itself after a
 * drop, and the page refetches what it shows when it does (the `ready` event).
 */
export function streamLive(req: FastifyRequest, reply: FastifyReply, bus: LiveBus, topics: readonly string[]) {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    // Tell nginx-style proxies not to buffer the stream.
    'x-accel-buffering': 'no',
  });
  const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  send('ready', {});
  const unsubscribe = bus.subscribe(topics, (m) => send(m.event, m.data));
  const keepalive = setInterval(() => res.write(': keep-alive\n\n'), KEEPALIVE_MS);
  const close = () => {
    clearInterval(keepalive);
    unsubscribe();
  };
  req.raw.on('close', close);
  res.on('error', close);
}
