/**
 * Errors that mean "the database cannot be reached right now" (a restart, a failover, a
 * network cut), as opposed to a fault in a statement. They answer 503 with Retry-After, and
 * the pool reconnects by itself once the server is back.
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// admin_shutdown, crash_shutdown, cannot_connect_now; class 08 is "connection exception".
const SERVER_CODES = new Set(['57P01', '57P02', '57P03']);
const MESSAGES = [/connection terminated/i, /terminating connection/i, /client has encountered a connection error/i, /timeout exceeded when trying to connect/i, /connection .*closed/i, /not queryable/i];

export function isConnectionError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08'))) return true;
  return MESSAGES.some((m) => m.test(err.message));
}
