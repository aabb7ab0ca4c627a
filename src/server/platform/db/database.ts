import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Copier, CopyChunk } from './copy.js';
import { Sql } from './sql.js';

export type Row = Record<string, unknown>;

/** Anything that runs a statement: the pool, or the client of an open transaction. */
export interface Queryable {
  query<T extends Row = Row>(statement: Sql): Promise<T[]>;
  one<T extends Row = Row>(statement: Sql): Promise<T>;
  maybeOne<T extends Row = Row>(statement: Sql): Promise<T | undefined>;
  /** Runs trusted text with no parameters: migrations, DDL. */
  exec(text: string): Promise<void>;
  /** Numbered-parameter text, for libraries that bring their own SQL (pg-boss). */
  rawQuery(text: string, values: unknown[]): Promise<{ rows: Row[] }>;
}

export interface Tx extends Queryable {
  /** Callbacks run after COMMIT succeeds (e.g. waking the job worker); never after a rollback. */
  afterCommit(fn: () => void | Promise<void>): void;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: every write in it lands, or none does. */
  tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Bulk load outside any transaction: `COPY table (columns) FROM STDIN WITH (FORMAT csv)` fed
   * by CSV chunks that each end at a record boundary; the number of records loaded. A refused
   * record throws CopyFailed with its place in the whole body.
   */
  copyFrom(statement: string, chunks: AsyncIterable<CopyChunk>): Promise<number>;
  /** The underlying pool, for libraries that need one (pg-boss). */
  readonly pool: pg.Pool;
  /** Told when an idle connection fails (a database restart); the pool reconnects by itself. */
  onConnectionError: (err: Error) => void;
  close(): Promise<void>;
}

// Dates come back as Date for timestamptz (pg default); bigint counts as numbers where safe.
pg.types.setTypeParser(20, (v: string) => {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
});
pg.types.setTypeParser(1700, (v: string) => Number(v));

const statementNames = new Map<string, string>();

/** A prepared statement's name: a hash of its text, so one name never stands for two texts. */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `s_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
    statementNames.set(text, name);
  }
  return name;
}

class ClientQueryable implements Queryable {
  constructor(protected readonly client: pg.Pool | pg.PoolClient) {}

  async query<T extends Row = Row>(statement: Sql): Promise<T[]> {
    const { text, values } = statement.toQuery();
    const result = await this.client.query({ text, values: values as unknown[], ...(statement.prepare ? { name: statementName(text) } : {}) });
    return result.rows as T[];
  }

  async one<T extends Row = Row>(statement: Sql): Promise<T> {
    const rows = await this.query<T>(statement);
    if (rows.length !== 1) throw new Error(`Expected one row, got ${rows.length}`);
    return rows[0] as T;
  }

  async maybeOne<T extends Row = Row>(statement: Sql): Promise<T | undefined> {
    const rows = await this.query<T>(statement);
    return rows[0];
  }

  async exec(text: string): Promise<void> {
    await this.client.query(text);
  }

  async rawQuery(text: string, values: unknown[]): Promise<{ rows: Row[] }> {
    const result = await this.client.query(text, values);
    return { rows: result.rows as Row[] };
  }
}

class TxImpl extends ClientQueryable implements Tx {
  readonly callbacks: Array<() => void | Promise<void>> = [];
  afterCommit(fn: () => void | Promise<void>): void {
    this.callbacks.push(fn);
  }
}

/** Wraps a pg Pool (PGlite through its node-postgres adapter, or a real server). */
export class PoolDatabase extends ClientQueryable implements Database {
  constructor(
    readonly kind: 'pglite' | 'postgres',
    readonly pool: pg.Pool,
    private readonly onClose: () => Promise<void>,
    private readonly copier: Copier,
  ) {
    super(pool);
    // An idle connection dropped by a database restart emits 'error' on the pool; unheard, it
    // would end the process. The pool discards that client and the next query reconnects.
    pool.on('error', (err) => this.onConnectionError(err));
  }

  /** Told when an idle connection fails (the app logs it); replaceable. */
  onConnectionError: (err: Error) => void = () => undefined;

  async tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const tx = new TxImpl(client);
    let result: T;
    try {
      await client.query('BEGIN');
      result = await fn(tx);
      await client.query('COMMIT');
    } catch (err) {
      // A connection that cannot even roll back is broken: destroy it rather than pool it.
      const rolledBack = await client.query('ROLLBACK').then(() => true, () => false);
      client.release(rolledBack ? undefined : true);
      throw err;
    }
    client.release();
    for (const cb of tx.callbacks) {
      try {
        await cb();
      } catch {
        // After-commit work is best effort by design: the durable part already committed.
      }
    }
    return result;
  }

  copyFrom(statement: string, chunks: AsyncIterable<CopyChunk>): Promise<number> {
    return this.copier(statement, chunks);
  }

  async close(): Promise<void> {
    await this.pool.end();
    await this.onClose();
  }
}
