// The load generator, in its own process: run in the server's process, autocannon would share
// the server's event loop and its own work would be counted as the server's latency.
// Reads autocannon options as JSON on stdin; writes every response time, sorted, as JSON.
import autocannon from 'autocannon';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const times = [];
// Without a callback autocannon returns an instance that is both an emitter and a promise.
const instance = autocannon({ connections: 20, duration: 10, ...JSON.parse(input) });
instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
const r = await instance;
times.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ times, rps: r.requests.average, errors: r.errors, non2xx: r.non2xx }));
