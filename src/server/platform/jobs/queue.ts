import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database, Queryable } from '../db/database.js';

export type JobHandler<T> = (data: T) => Promise<void>;
export type JobDefinition<T> = {
  name: string;
  handler: JobHandler<T>;
  retryLimit?: number;
  retryDelay?: number;
  /** Run on a schedule (cron syntax) in the given time zone, e.g. every morning in Asia/Dhaka. */
  schedule?: { cron: string; tz: string };
  /** A scheduled sweep over deadlines: also run at once when the clock is moved (platform/clock.ts). */
  followsClock?: boolean;
};

/**
 * Durable jobs on pg-boss, in the same database as everything else. Jobs are enqueued inside
 * the caller's transaction, so a job exists exactly when the change that asked for it does.
 * Retries back off exponentially.
 */
export function createJobQueue(db: Database, logger: Logger) {
  const adapter = (q: Queryable): PgBoss.Db => ({ executeSql: (text, values) => q.rawQuery(text, values ?? []) });
  const boss = new PgBoss({
    db: adapter(db),
    schema: 'pgboss',
    // Few, light jobs: poll every 2 s; keep a week of history for the administrators' view.
    maintenanceIntervalSeconds: 300,
    deleteAfterDays: 7,
  });
  boss.on('error', (err: Error) => logger.error({ err: err.message }, 'job queue error'));
  const definitions = new Map<string, JobDefinition<never>>();
  let started = false;

  return {
    define<T>(def: JobDefinition<T>) {
      definitions.set(def.name, def as JobDefinition<never>);
    },

    /** Creates the queue schema (run by `ncpp migrate`, as the database owner). */
    async install() {
      await boss.start();
      for (const name of definitions.keys()) await boss.createQueue(name);
      await boss.stop({ graceful: false, wait: true });
    },

    async start(work = true) {
      await boss.start();
      started = true;
      for (const [name, def] of definitions) {
        await boss.createQueue(name, {
          name,
          retryLimit: def.retryLimit ?? 5,
          retryDelay: def.retryDelay ?? 10,
          retryBackoff: true,
        });
        if (work) {
          await boss.work<never>(name, { pollingIntervalSeconds: 2 }, async (jobs) => {
            for (const job of jobs) await def.handler(job.data);
          });
          if (def.schedule) await boss.schedule(name, def.schedule.cron, {}, { tz: def.schedule.tz });
        }
      }
    },

    /** Enqueues inside the caller's transaction. */
    async enqueue<T extends object>(tx: Queryable, name: string, data: T): Promise<void> {
      if (!definitions.has(name)) throw new Error(`Unknown job ${name}`);
      const def = definitions.get(name);
      await boss.send(name, data, {
        db: adapter(tx),
        retryLimit: def?.retryLimit ?? 5,
        retryDelay: def?.retryDelay ?? 10,
        retryBackoff: true,
      });
    },

    /** The sweeps that judge deadlines by the clock, run now (after the clock was moved). */
    async runClockSweeps() {
      for (const def of definitions.values()) if (def.followsClock) await (def.handler as JobHandler<Record<string, never>>)({});
    },

    /** Runs a job's handler now, outside the queue (tests, and `ncpp` commands that act at once). */
    async runNow<T>(name: string, data: T) {
      const def = definitions.get(name);
      if (!def) throw new Error(`Unknown job ${name}`);
      await (def.handler as JobHandler<T>)(data);
    },

    /** Recent jobs of every queue, newest first, for the administrators' view. */
    async recent(limit = 100) {
      const { rows } = await db.rawQuery(
        `SELECT id, name, state, retry_count, created_on, completed_on, output
           FROM pgboss.job ORDER BY created_on DESC LIMIT $1`,
        [limit],
      );
      return rows;
    },

    async stop() {
      if (started) await boss.stop({ graceful: true, wait: true, timeout: 5000 });
      started = false;
    },
  };
}

export type JobQueue = ReturnType<typeof createJobQueue>;
