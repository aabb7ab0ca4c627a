import type { FastifyInstance } from 'fastify';
import { translate } from '../../../shared/i18n/index.js';
import type { Database, Queryable } from '../db/database.js';
import { raw, sql, type Sql } from '../db/sql.js';
import { actorOf } from '../http/context.js';
import { notificationsApi } from '../../../shared/auth.js';
import { routesFrom } from '../http/contract.js';

/** Queues an in-app notification inside the caller's transaction. Text is rendered per reader. */
export async function notify(tx: Queryable, userId: string, kind: string, params: Record<string, unknown> = {}, link: string | null = null) {
  await tx.query(sql`INSERT INTO notifications (user_id, kind, params, link) VALUES (${userId}, ${kind}, ${JSON.stringify(params)}::jsonb, ${link})`);
}

/** Marks done, for every reader, the notifications of `kind` about `link`: the task they announced is finished. */
export async function settle(tx: Queryable, kind: string, link: string) {
  await tx.query(sql`UPDATE notifications SET read_at = now() WHERE kind = ${kind} AND link = ${link} AND read_at IS NULL`);
}

/**
 * notify() as a CTE named `name`, for a caller's single-statement write: one notification of
 * `kind` per row of `rows`, a SELECT over the caller's CTEs yielding (user_id, params jsonb, link).
 */
export function notifyCte(name: string, kind: string, rows: Sql): Sql {
  return sql`${raw(name)} AS (INSERT INTO notifications (user_id, kind, params, link) SELECT r.user_id, ${kind}, r.params, r.link FROM (${rows}) AS r(user_id, params, link) WHERE r.user_id IS NOT NULL)`;
}


/** The bell: a user's own notifications, newest first; nobody else's are ever reachable. */
export function registerNotificationRoutes(app: FastifyInstance, db: Database) {
  const on = routesFrom(app, notificationsApi, ['notifications']);
  on('GET /api/v1/notifications', {}, async (req) => {
    const actor = actorOf(req);
    const rows = await db.query<{ id: string; kind: string; params: Record<string, unknown>; link: string | null; created_at: Date; read_at: Date | null }>(
      sql`SELECT id, kind, params, link, created_at, read_at FROM notifications WHERE user_id = ${actor.userId} ORDER BY created_at DESC LIMIT 50`,
    );
    const unread = await db.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM notifications WHERE user_id = ${actor.userId} AND read_at IS NULL`);
    return {
      unread: unread.n,
      items: rows.map((n) => ({ id: n.id, kind: n.kind, text: translate(actor.lang, `notifications.${n.kind}`, n.params), link: n.link, createdAt: n.created_at.toISOString(), read: n.read_at !== null })),
    };
  });
  on('POST /api/v1/notifications/read', {}, async (req) => {
    const actor = actorOf(req);
    const only = req.body.ids ? sql`AND id = ANY(${req.body.ids}::uuid[])` : sql``;
    await db.query(sql`UPDATE notifications SET read_at = now() WHERE user_id = ${actor.userId} AND read_at IS NULL ${only}`);
    return { ok: true as const };
  });
}
