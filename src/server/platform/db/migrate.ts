import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from './sql.js';
import type { Database } from './database.js';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../../db/migrations');

type Migration = { version: string; name: string; file: string; checksum: string; text: string };

function readMigrations(dir: string): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      return {
        version: file.slice(0, 4),
        name: file.slice(5, -4),
        file,
        text,
        checksum: crypto.createHash('sha256').update(text).digest('hex'),
      };
    });
}

/**
 * Applies the numbered SQL migrations not yet applied, each in its own transaction.
 * An applied migration whose file changed stops the run: migrations are forward-only.
 */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: string[] = [];
  for (const m of readMigrations(dir)) {
    const done = await db.tx(async (tx) => {
      // Two migrators on one server wait for each other instead of racing.
      await tx.query(sql`SELECT pg_advisory_xact_lock(7401)`);
      const existing = await tx.maybeOne<{ checksum: string }>(
        sql`SELECT checksum FROM schema_migrations WHERE version = ${m.version}`,
      );
      if (existing) {
        if (existing.checksum !== m.checksum) {
          throw new Error(`Migration ${m.file} was changed after it was applied; add a new migration instead.`);
        }
        return false;
      }
      await tx.exec(m.text);
      await tx.query(
        sql`INSERT INTO schema_migrations (version, name, checksum) VALUES (${m.version}, ${m.name}, ${m.checksum})`,
      );
      return true;
    });
    if (done) applied.push(m.file);
  }
  return applied;
}
