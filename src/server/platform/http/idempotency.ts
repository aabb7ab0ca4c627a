import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.js';
import { sql } from '../db/sql.js';
import { sha256 } from '../crypto/secrets.js';
import { AppError } from '../errors.js';

const HEADER = 'idempotency-key';
const KEY = /^[A-Za-z0-9_-]{16,100}$/;
/** How long an answer is kept for replay: a retry comes within seconds or minutes, never a day later. */
const KEEP = '24 hours';
/** A claim still unanswered after this is a request that died with its server. */
const ABANDONED = '2 minutes';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { userId: string; key: string };
  }
}

/**
 * A POST with an `Idempotency-Key` header runs once per signed-in user and key. The key is
 * claimed before the handler runs (a parallel duplicate is told the first is still running);
 * a success is stored and replayed to any retry, status and body alike; a failure frees the
 * key so the corrected form can be sent again. The same key with another request is refused.
 */
export function registerIdempotency(app: FastifyInstance, db: Database) {
  app.decorateRequest('idempotency', undefined);

  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    const key = req.headers[HEADER];
    if (req.method !== 'POST' || typeof key !== 'string' || !req.actor) return;
    if (!KEY.test(key)) throw new AppError('validation', 'idempotency_key_invalid');
    const route = `${req.method} ${req.routeOptions.url ?? req.url}`;
    // A raw body (a file) is hashed as bytes: as JSON a 15 MB upload would become a 60 MB string.
    const hash = Buffer.isBuffer(req.body) ? createHash('sha256').update(`${req.url}\n`).update(req.body).digest('hex') : sha256(`${req.url}\n${JSON.stringify(req.body ?? null)}`);
    const userId = req.actor.userId;
    const claimed = await db.maybeOne(sql`
      WITH stale AS (DELETE FROM idempotency_keys WHERE created_at < now() - ${KEEP}::interval)
      INSERT INTO idempotency_keys (user_id, key, route, request_hash) VALUES (${userId}, ${key}, ${route}, ${hash})
      ON CONFLICT (user_id, key) DO NOTHING RETURNING key`);
    if (claimed) {
      req.idempotency = { userId, key };
      return;
    }
    const first = await db.maybeOne<{ request_hash: string; status: number | null; response: unknown; abandoned: boolean }>(sql`
      SELECT request_hash, status, response, created_at < now() - ${ABANDONED}::interval AS abandoned FROM idempotency_keys WHERE user_id = ${userId} AND key = ${key}`);
    if (!first) throw new AppError('conflict', 'idempotency_in_progress');
    if (first.request_hash !== hash) throw new AppError('conflict', 'idempotency_key_reused');
    if (first.status === null) {
      // A claim nobody finished (the server stopped mid-request) is taken over once it is old.
      const retaken = first.abandoned && (await db.maybeOne(sql`
        UPDATE idempotency_keys SET created_at = now() WHERE user_id = ${userId} AND key = ${key} AND status IS NULL AND created_at < now() - ${ABANDONED}::interval RETURNING key`));
      if (!retaken) throw new AppError('conflict', 'idempotency_in_progress');
      req.idempotency = { userId, key };
      return;
    }
    return reply.status(first.status).header('idempotent-replay', 'true').send(first.response);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const claim = req.idempotency;
    if (!claim) return payload;
    req.idempotency = undefined;
    if (reply.statusCode >= 200 && reply.statusCode < 300 && typeof payload === 'string') {
      await db.query(sql`UPDATE idempotency_keys SET status = ${reply.statusCode}, response = ${payload}::jsonb
        WHERE user_id = ${claim.userId} AND key = ${claim.key}`);
    } else {
      await db.query(sql`DELETE FROM idempotency_keys WHERE user_id = ${claim.userId} AND key = ${claim.key}`);
    }
    return payload;
  });
}
