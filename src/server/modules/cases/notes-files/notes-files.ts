import crypto from 'node:crypto';
import type { Actor } from '../../../platform/access/actor.js';
import { recordAudit, type AuditContext } from '../../../platform/audit/audit.js';
import type { Database } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { MAX_ATTACHMENT_BYTES, detectType, type FileStore } from '../../../platform/files/store.js';
import * as q from '../core/queries.js';
import * as nq from './queries.js';
import { requireVisible, requireWorkable } from '../access.js';

/**
 * Case notes and attachments. Adding needs the right to work on the case; reading needs the
 * right to see it. File contents go to the encrypted file store; a download re-checks
 * access, verifies the content hash and is audited.
 */
export function createNotesAndFiles(db: Database, store: FileStore) {
  return {
    async addNote(actor: Actor, caseId: string, body: string, ctx: AuditContext) {
      await requireWorkable(db, actor, caseId, ctx);
      await db.tx(async (tx) => {
        const row = { id: await nq.insertNote(tx, caseId, body, actor.userId) };
        await q.addEvent(tx, caseId, actor.userId, 'note.added', {});
        await recordAudit(tx, ctx, { action: 'case.note_add', entity: 'case', entityId: caseId, after: { note_id: row.id } });
      });
    },

    async list(actor: Actor, caseId: string, ctx: AuditContext) {
      await requireVisible(db, actor, caseId, ctx);
      const notes = await nq.listNotes(db, caseId);
      const files = await nq.listAttachments(db, caseId);
      return {
        notes: notes.map((n) => ({ id: n.id, body: n.body, author: n.author, createdAt: n.created_at.toISOString() })),
        attachments: files.map((f) => ({ id: f.id, fileName: f.file_name, contentType: f.content_type, sizeBytes: f.size_bytes, uploadedBy: f.uploaded_by, uploadedAt: f.uploaded_at.toISOString() })),
      };
    },

    async attach(actor: Actor, caseId: string, fileName: string, content: Buffer, ctx: AuditContext) {
      await requireWorkable(db, actor, caseId, ctx);
      // No path separators or control characters in a stored name (it is echoed in headers).
      const name = [...fileName].map((ch) => (ch === '/' || ch === '\\' || ch.charCodeAt(0) < 32 ? '_' : ch)).join('').slice(0, 200) || 'file';
      if (content.length === 0) throw new AppError('validation', 'validation', [{ path: 'file', code: 'file_empty', message: '' }]);
      if (content.length > MAX_ATTACHMENT_BYTES) throw new AppError('validation', 'validation', [{ path: 'file', code: 'file_too_large', message: '', params: { max: MAX_ATTACHMENT_BYTES / 1024 / 1024 } }]);
      const type = detectType(name, content);
      if (!type) throw new AppError('validation', 'validation', [{ path: 'file', code: 'file_type', message: '' }]);
      const key = crypto.randomUUID();
      const sha256 = crypto.createHash('sha256').update(content).digest('hex');
      await store.put(key, content);
      try {
        return await db.tx(async (tx) => {
          const row = { id: await nq.insertAttachment(tx, { caseId, fileName: name, contentType: type, sizeBytes: content.length, sha256, storageKey: key, uploadedBy: actor.userId }) };
          await q.addEvent(tx, caseId, actor.userId, 'attachment.added', { fileName: name });
          await recordAudit(tx, ctx, { action: 'case.attachment_add', entity: 'case', entityId: caseId, after: { attachment_id: row.id, file_name: name, size: content.length, sha256 } });
          return { id: row.id, fileName: name, contentType: type, sizeBytes: content.length };
        });
      } catch (err) {
        // The record did not commit: remove the stored content so nothing is left half-written.
        await store.delete(key);
        throw err;
      }
    },

    async download(actor: Actor, caseId: string, attachmentId: string, ctx: AuditContext) {
      await requireVisible(db, actor, caseId, ctx);
      const row = await nq.findAttachment(db, caseId, attachmentId);
      if (!row) throw new AppError('not_found');
      const content = await store.get(row.storage_key);
      if (crypto.createHash('sha256').update(content).digest('hex') !== row.sha256) throw new Error(`Attachment ${attachmentId} failed its integrity check`);
      await db.tx((tx) => recordAudit(tx, ctx, { action: 'case.attachment_download', entity: 'case', entityId: caseId, meta: { attachment_id: attachmentId, file_name: row.file_name } }));
      return { fileName: row.file_name, contentType: row.content_type, content };
    },
  };
}

export type NotesAndFiles = ReturnType<typeof createNotesAndFiles>;
