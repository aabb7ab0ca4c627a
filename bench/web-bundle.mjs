#!/usr/bin/env node
// The JavaScript a browser downloads for the login and home route: the entry script and the
// chunks index.html preloads, gzipped (budget: 200 KB). Builds the web app first if needed.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(import.meta.dirname, '../dist/web');
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const files = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const bytes = files.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length, 0);
console.log(JSON.stringify({ name: 'web_login_route_js_gzip_kb', value: Math.round((bytes / 1024) * 10) / 10, unit: 'KB', db: 'none', scale: 'build' }));
