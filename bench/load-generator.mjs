// The load generator, in its own process: run in the server's process, autocannon would share
// the server's event loop and its own work would be counted as the server's latency.
// Reads autocannon options as JSON on stdin; writes every response time, sorted, as JSON.
// With `clients: [options, ...]` it runs one autocannon instance per entry at once (each with
// its own headers and requests: 50 agents, each saving their own contacts) and pools the times.
// The clients start spread over the first second: autocannon counts a client's rate per second
// from its start, so clients started together would all send at the top of each second, a
// burst no set of people typing makes.
import autocannon from 'autocannon';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { clients, ...shared } = JSON.parse(input);
const times = [];
// Without a callback autocannon returns an instance that is both an emitter and a promise.
const start = (opts) => {
  const instance = autocannon({ connections: 20, duration: 10, ...opts });
  instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  return instance;
};
const list = clients ?? [{}];
const results = await Promise.all(list.map(async (c, i) => {
  if (list.length > 1) await new Promise((resolve) => setTimeout(resolve, Math.round((i * 1000) / list.length)));
  return start({ ...shared, ...c });
}));
times.sort((a, b) => a - b);
const sum = (f) => results.reduce((a, r) => a + f(r), 0);
process.stdout.write(JSON.stringify({ times, rps: sum((r) => r.requests.average), errors: sum((r) => r.errors), non2xx: sum((r) => r.non2xx) }));
