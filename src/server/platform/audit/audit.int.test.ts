import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open.js';
import { sql } from '../db/sql.js';
import { startHarness, signIn, type Harness } from '../../testing/harness.js';
import { verifyAudit } from './audit.js';

describe('audit trail', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    // A few real audited actions: logins and a failed login.
    await signIn(h.app, 'national');
    await signIn(h.app, 'kurigram.officer');
    await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'national', password: 'wrong-password-1' } });
  });
  afterAll(() => h?.close());

  it('records logins and failed logins with who, what and where', async () => {
    const rows = await h.db.query<{ action: string; actor_user_id: string | null; request_id: string | null }>(sql`SELECT action, actor_user_id, request_id FROM audit_log ORDER BY seq`);
    const actions = rows.map((r) => r.action);
    expect(actions).toContain('auth.login');
    expect(actions).toContain('auth.login_failed');
    expect(rows.filter((r) => r.action === 'auth.login').every((r) => r.actor_user_id && r.request_id)).toBe(true);
    expect(await verifyAudit(h.db)).toMatchObject({ ok: true });
  });

  it('detects an altered row and a removed row (direct SQL as the owner)', async () => {
    const owner = h.db.kind === 'postgres' ? await openDatabase(h.services.config, { command: 'test', asOwner: true }) : h.db;
    try {
      await owner.exec(`UPDATE audit_log SET action = 'auth.logout' WHERE seq = 3`);
      expect(await verifyAudit(h.db)).toMatchObject({ ok: false, problem: 'altered', seq: 3 });
      await owner.exec(`DELETE FROM audit_log WHERE seq = 3`);
      expect(await verifyAudit(h.db)).toMatchObject({ ok: false, problem: 'removed', seq: 3 });
    } finally {
      if (owner !== h.db) await owner.close();
    }
  });

  it.runIf(Boolean(process.env.DATABASE_URL))('the application role cannot update or delete audit rows on a server', async () => {
    await expect(h.db.exec(`UPDATE audit_log SET action = 'x' WHERE seq = 1`)).rejects.toThrow(/permission denied/);
    await expect(h.db.exec(`DELETE FROM audit_log WHERE seq = 1`)).rejects.toThrow(/permission denied/);
  });
});
