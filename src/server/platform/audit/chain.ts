import { sha256 } from '../crypto/secrets.js';

/** The fields of an audit row that its hash covers. */
export type AuditFields = {
  seq: number;
  at: string;
  actor_user_id: string | null;
  actor_role: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  diff: unknown;
  request_id: string | null;
  ip: string | null;
};

/** JSON with object keys sorted at every depth, so jsonb's key reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function rowHash(prevHash: string, fields: AuditFields): string {
  return sha256(`${prevHash}\n${canonicalJson(fields)}`);
}

const SECRET_FIELD = /pass(word)?|secret|token|hash|totp/i;

/**
 * Before/after diff of the fields that changed. Secret-bearing fields are never written,
 * only the fact that they changed.
 */
export function diffOf(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): Record<string, unknown> | null {
  if (!before && !after) return null;
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: Record<string, unknown> = {};
  for (const key of [...keys].sort()) {
    const b = before?.[key];
    const a = after?.[key];
    if (canonicalJson(b) === canonicalJson(a)) continue;
    out[key] = SECRET_FIELD.test(key) ? { changed: true } : { before: b ?? null, after: a ?? null };
  }
  return out;
}
