import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Database, Tx } from './db/database.js';
import type { JobDefinition, JobQueue } from './jobs/queue.js';
import type { AuthService } from './auth/service.js';
import type { Mailer } from './mail/mailer.js';
import type { FileStore } from './files/store.js';
import type { Oidc } from './auth/oidc.js';
import type { LiveBus } from './live/bus.js';
import type { Clock } from './clock.js';

/**
 * The services every domain module adds, by name. Each module augments this interface with its
 * own services (`declare module '../../platform/module.js' { interface ModuleServices { ... } }`),
 * so `services.cases` is typed without this file naming any module.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModuleServices {}

/** What the platform gives every module: configuration, database, jobs, mail, files, auth. */
export type PlatformServices = {
  config: Config;
  db: Database;
  logger: Logger;
  jobs: JobQueue;
  mailer: Mailer;
  secretKey: Buffer;
  files: FileStore;
  auth: AuthService;
  /** Sign-in through an OpenID Connect provider, when configured. */
  oidc: Oidc | undefined;
  /** Live messages to open pages (server-sent events). */
  live: LiveBus;
  /** The time rules run on (movable on training installations): ask it, not `new Date()`. */
  clock: Clock;
  /** The manifests this app was built from, in order (seeds, preparation and routes follow it). */
  modules: readonly ModuleManifest[];
};

/** A module's view of the app: the platform plus every module listed before it. */
export type Services = PlatformServices & ModuleServices;

/** The seed's random source (deterministic: the same dataset every run). */
export type SeedRandom = { next(): number; int(min: number, max: number): number; pick<T>(items: readonly T[]): T };

/**
 * What a seed step gets. Steps of one scale run in manifest order inside one transaction
 * (demo) or in their own batches (national); `shared` carries what an earlier step made for a
 * later one (organisation ids by reference, demo caseworkers), so no step reads another
 * module's tables to find them.
 */
export type SeedContext = {
  services: Services;
  rnd: SeedRandom;
  shared: Map<string, unknown>;
  /** How many of each thing to make at this scale (e.g. `cases`, `users`), when the scale is set by the operator. */
  counts: Record<string, number>;
  progress(label: string, done?: number, total?: number): void;
};
export type DemoSeedStep = (tx: Tx, ctx: SeedContext) => Promise<Record<string, number> | void>;
export type NationalSeedStep = (ctx: SeedContext) => Promise<Record<string, number> | void>;

/**
 * A rollup hook: how a module keeps its aggregate tables current for the dashboard. Called by
 * the dashboard's refresh job with the time of the last refresh (null: rebuild).
 */
export type RollupHook = { name: string; refresh(db: Database, since: Date | null): Promise<void> };

/**
 * One domain module, declared in one place: `src/server/modules/<name>/index.ts` exports its
 * manifest and `modules/index.ts` lists it. The app is built from that list (docs/MODULES.md).
 */
export type ModuleManifest<S extends object = object> = {
  /** The folder name, and the key its permission catalogue and tables are known by. */
  name: string;
  /** Every permission the module checks; registered in the catalogue so role data is validated. */
  permissions: readonly string[];
  /** The tables the module owns: only its own SQL may name them (`npm run check` enforces it). */
  tables: readonly string[];
  /** Builds the module's services from the platform and the modules listed before it. */
  create(services: Services): S;
  /** Reference data loaded at every start, as the database owner (cheap when unchanged). */
  prepare?(db: Database, services: Services): Promise<string | void>;
  /**
   * Fills the module's in-memory caches. The app (buildApp) and the demo seed call it before
   * any transaction: on PGlite a transaction holds the only connection, so a cache filled
   * through the pool inside it would wait for ever.
   */
  warm?(services: Services): Promise<void>;
  /** The module's HTTP routes. */
  routes?(app: FastifyInstance, services: Services): void;
  /** Background jobs (pg-boss), defined before the queue starts. */
  jobs?(services: Services): Array<JobDefinition<never>>;
  /**
   * Seed steps. `demoLast` runs in the same demo transaction after every module's `demo`
   * step, in manifest order: for work over every module's demo data (record linkage over the
   * demo's children) that must land with it or not at all.
   */
  seed?: { demo?: DemoSeedStep; demoLast?: DemoSeedStep; national?: NationalSeedStep };
  rollups?: readonly RollupHook[];
};

/** Declares a manifest with its service type inferred (the identity, for type checking). */
export function defineModule<S extends object>(manifest: ModuleManifest<S>): ModuleManifest<S> {
  return manifest;
}

/**
 * Builds each module's services in list order. A module that reaches for one listed after it
 * gets a clear error at start-up rather than `undefined` at the first request.
 */
export function createModuleServices(platform: PlatformServices, manifests: readonly ModuleManifest[]): Services {
  const built: Record<string, unknown> = { ...platform };
  const guarded = new Proxy(built, {
    get(target, key) {
      if (typeof key === 'string' && !(key in target)) throw new Error(`Service "${key}" is not built yet: list the module that provides it earlier in modules/index.ts`);
      return target[key as string];
    },
  }) as unknown as Services;
  for (const m of manifests) {
    const services = m.create(guarded);
    for (const [key, value] of Object.entries(services)) {
      if (key in built) throw new Error(`Module ${m.name}: service name "${key}" is already taken`);
      built[key] = value;
    }
  }
  return built as unknown as Services;
}
