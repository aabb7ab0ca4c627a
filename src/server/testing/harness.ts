import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../platform/config.js';
import { openDatabase, type OpenDatabase } from '../platform/db/open.js';
import { buildApp, createServices, type Services } from '../app.js';
import type { ModuleManifest } from '../platform/module.js';
import { prepare } from '../bootstrap.js';
import { seedDemo } from '../seed/demo.js';
import { databaseUrl, onServer, TEMPLATE_DB, TEMPLATE_DIR, templateKind } from './template.js';

export type Harness = { db: OpenDatabase; services: Services; app: FastifyInstance; close(): Promise<void>; dataDir: string };

/** Settings a template made with the default configuration cannot stand in for. */
const NEEDS_OWN_DATABASE = ['NODE_ENV', 'NCPP_SECRET_KEY', 'NCPP_COUNTRY', 'DATABASE_URL'];

/**
 * A real database for medium tests: a clone of the run's seeded template (see template.ts),
 * or, for an unseeded database or a configuration the template does not match, a fresh one
 * migrated (and seeded) here: a new PGlite folder, or the DATABASE_URL server reset first.
 */
export async function startHarness(options: { seed?: boolean; env?: Record<string, string>; modules?: readonly ModuleManifest[] } = {}): Promise<Harness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ncpp-test-'));
  let config = loadConfig({ ...process.env, NODE_ENV: 'test', NCPP_DATA_DIR: dataDir, ...options.env });
  const template = templateKind();
  const cloneable = options.seed !== false && template === (config.databaseUrl ? 'postgres' : 'pglite') && !Object.keys(options.env ?? {}).some((k) => NEEDS_OWN_DATABASE.includes(k));
  let dropDatabase: (() => Promise<void>) | undefined;
  if (cloneable) {
    // The seeded data holds secrets encrypted with the template's key.
    fs.copyFileSync(path.join(TEMPLATE_DIR, 'secret.key'), path.join(dataDir, 'secret.key'));
    if (config.databaseUrl) {
      const serverConfig = config;
      const name = `ncpp_t_${crypto.randomUUID().replace(/-/g, '')}`;
      await onServer(serverConfig, `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
      config = loadConfig({ ...process.env, NODE_ENV: 'test', NCPP_DATA_DIR: dataDir, ...options.env, DATABASE_URL: databaseUrl(serverConfig.databaseUrl!, name) });
      dropDatabase = () => dropClone(serverConfig, name);
    } else {
      fs.cpSync(path.join(TEMPLATE_DIR, 'pg'), path.join(dataDir, 'pg'), { recursive: true });
    }
  } else {
    if (config.databaseUrl) {
      const owner = await openDatabase(config, { command: 'test', asOwner: true });
      await owner.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public; DROP SCHEMA IF EXISTS pgboss CASCADE;');
      await owner.close();
    }
    // Migrations run as the owner, as `ncpp migrate` does; the app then runs as the app role.
    const setup = await openDatabase(config, { command: 'test', asOwner: true, pgliteDir: config.databaseUrl ? undefined : path.join(dataDir, 'pg') });
    const setupServices = createServices(config, setup);
    await prepare(setup, config, setupServices);
    if (options.seed !== false) await seedDemo(setupServices);
    await setup.close();
  }
  const running = await appOn(config, options.modules);
  return {
    ...running, dataDir,
    async close() {
      await running.close();
      await dropDatabase?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The app on an existing, migrated database (a harness's, or one a test restored from a backup). */
export async function appOn(config: Config, modules?: readonly ModuleManifest[]) {
  const db = await openDatabase(config, { command: 'test', pgliteDir: config.databaseUrl ? undefined : path.join(config.dataDir, 'pg') });
  const services = createServices(config, db, modules);
  await services.jobs.start(false);
  const app = await buildApp(services);
  await app.ready();
  return {
    db, services, app,
    async close() {
      await app.close();
      await services.jobs.stop();
      await db.close();
    },
  };
}

/**
 * Drops a test's clone once its connections are gone. Not WITH (FORCE): that kills
 * connections a closing pool still holds, and their errors surface in whatever test runs
 * next. The server is the run's throwaway one, so a clone still busy after a few seconds
 * is left for it.
 */
async function dropClone(config: Parameters<typeof onServer>[0], name: string) {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      return await onServer(config, `DROP DATABASE IF EXISTS ${name}`);
    } catch (err) {
      if ((err as { code?: string }).code !== '55006') throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** Signs a demo user in through the API; returns cookie and CSRF headers for later calls. */
export async function signIn(app: FastifyInstance, username: string, password = 'Ncpp-Demo-2026') {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'ncpp_sid');
  const body = res.json<{ csrfToken: string; mfaRequired: boolean }>();
  return { headers: { cookie: `ncpp_sid=${cookie?.value}`, 'x-csrf-token': body.csrfToken }, mfaRequired: body.mfaRequired };
}

export type Headers = Record<string, string>;

/** Signs several demo users in; returns their request headers by username. */
export async function signInAll(app: FastifyInstance, usernames: readonly string[]): Promise<Record<string, Headers>> {
  const out: Record<string, Headers> = {};
  for (const u of usernames) out[u] = (await signIn(app, u)).headers;
  return out;
}

/** Registers a case through the API (Kurigram Sadar by default) and returns its id. */
export async function registerCase(
  app: FastifyInstance,
  headers: Headers,
  options: { names: string[]; sex?: string; ageYears?: number; geoCode?: string; concerns?: string[]; riskLevel?: string; source?: string; disabilities?: string[] },
): Promise<string> {
  const res = await app.inject({
    method: 'POST', url: '/api/v1/cases', headers,
    payload: {
      child: { names: options.names.map((text) => ({ text })), sex: options.sex ?? 'unknown', ageYears: options.ageYears ?? 10, geoCode: options.geoCode ?? '554952', disabilities: options.disabilities ?? [] },
      concerns: options.concerns ?? ['violence.neglect'], riskLevel: options.riskLevel ?? 'medium', source: options.source ?? 'outreach', reportedOn: '2026-11-20',
    },
  });
  if (res.statusCode !== 201) throw new Error(`register case: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}
