import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';

/** A piece of a CSV body (no header) that ends at a record boundary, and how many records it holds. */
export type CopyChunk = { bytes: Uint8Array; records: number };

/** How a database takes `COPY ... FROM STDIN` (a server streams it; PGlite takes one blob per chunk). */
export type Copier = (statement: string, chunks: AsyncIterable<CopyChunk>) => Promise<number>;

/** A COPY the database refused, with the record (1 = the first record of the body) it refused at, when it said. */
export class CopyFailed extends Error {
  constructor(message: string, readonly record: number | null, override readonly cause: unknown) {
    super(message);
  }
}

/** PostgreSQL reports where a COPY failed as "COPY t, line 7[, column x]: ..." in the error's context. */
function failedRecord(err: unknown): number | null {
  const e = err as { where?: string; message?: string };
  const m = /COPY [^,]+, line (\d+)/.exec(`${e.where ?? ''} ${e.message ?? ''}`);
  return m ? Number(m[1]) : null;
}

function failure(err: unknown, offset: number): CopyFailed {
  const record = failedRecord(err);
  return new CopyFailed(err instanceof Error ? err.message : String(err), record === null ? null : record + offset, err);
}

/** A server: one COPY statement streamed over one pooled connection. */
export function serverCopier(pool: pg.Pool): Copier {
  return async (statement, chunks) => {
    const client = await pool.connect();
    let broken = false;
    try {
      const stream = client.query(copyFromStdin(statement));
      let records = 0;
      async function* bytes() {
        for await (const c of chunks) {
          records += c.records;
          yield c.bytes;
        }
      }
      try {
        await pipeline(Readable.from(bytes()), stream);
      } catch (err) {
        throw failure(err, 0);
      }
      return records;
    } catch (err) {
      broken = !(err instanceof CopyFailed);
      throw err;
    } finally {
      client.release(broken ? true : undefined);
    }
  };
}

type Lite = { query(text: string, params: unknown[], options: { blob: Blob }): Promise<unknown> };

/**
 * PGlite reads COPY from its virtual /dev/blob, one blob per statement: each chunk is its own
 * COPY (of whole records, so none is split), and a refusal is placed by the chunks before it.
 */
export function pgliteCopier(lite: Lite): Copier {
  return async (statement, chunks) => {
    const text = statement.replace(/FROM\s+STDIN/i, "FROM '/dev/blob'");
    if (text === statement) throw new Error('COPY statement must read FROM STDIN');
    let records = 0;
    for await (const c of chunks) {
      try {
        await lite.query(text, [], { blob: new Blob([c.bytes as Uint8Array<ArrayBuffer>]) });
      } catch (err) {
        throw failure(err, records);
      }
      records += c.records;
    }
    return records;
  };
}
