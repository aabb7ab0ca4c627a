import type { FastifyInstance } from 'fastify';
import { formatDate, localName, translate, type Lang } from '../../../shared/i18n/index.js';
import type { Database, Queryable } from '../db/database.js';
import { raw, sql, type Sql } from '../db/sql.js';
import { actorOf } from '../http/context.js';
import { notificationsApi } from '../../../shared/auth.js';
import { routesFrom } from '../http/contract.js';

/**
 * A notification is stored as its kind and parameters and rendered when it is read, in the
 * reader's language of that moment. A parameter that is itself text to translate is stored as
 * one of these, never as words frozen in the writer's language.
 */
type LocalisedParam = { $message: string } | { $names: { en: string; local: string | null } } | { $date: string };

/** A parameter rendered from a message id at read time (a care option, a status). */
export const messageParam = (id: string): LocalisedParam => ({ $message: id });
/** A stored name in both languages (a service, an organisation): the reader's is shown. */
export const bothNames = (en: string, local: string | null | undefined): LocalisedParam => ({ $names: { en, local: local ?? null } });

/** A calendar date (YYYY-MM-DD), written in the reader's digits and order. */
export const dateParam = (isoDate: string): LocalisedParam => ({ $date: isoDate });

/** The parameters as one reader sees them. */
export function renderParams(lang: Lang, params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => {
    if (v && typeof v === 'object' && '$message' in v && typeof v.$message === 'string') return [k, translate(lang, v.$message)];
    if (v && typeof v === 'object' && '$names' in v) {
      const n = v.$names as { en: string; local: string | null };
      return [k, localName(lang, n.en, n.local)];
    }
    // A date alone (no time of day): read at noon UTC, so no time zone moves it to another day.
    if (v && typeof v === 'object' && '$date' in v && typeof v.$date === 'string') return [k, formatDate(lang, `${v.$date}T12:00:00Z`)];
    return [k, v];
  }));
}

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
      items: rows.map((n) => ({ id: n.id, kind: n.kind, text: translate(actor.lang, `notifications.${n.kind}`, renderParams(actor.lang, n.params)), link: n.link, createdAt: n.created_at.toISOString(), read: n.read_at !== null })),
    };
  });
  on('POST /api/v1/notifications/read', {}, async (req) => {
    const actor = actorOf(req);
    const only = req.body.ids ? sql`AND id = ANY(${req.body.ids}::uuid[])` : sql``;
    await db.query(sql`UPDATE notifications SET read_at = now() WHERE user_id = ${actor.userId} AND read_at IS NULL ${only}`);
    return { ok: true as const };
  });
}
