import type { Queryable } from '../../../platform/db/database.js';
import { sql } from '../../../platform/db/sql.js';

export async function insertNote(tx: Queryable, caseId: string, body: string, authorId: string): Promise<string> {
  return (await tx.one<{ id: string }>(sql`INSERT INTO case_notes (case_id, body, author_id) VALUES (${caseId}, ${body}, ${authorId}) RETURNING id`)).id;
}

export function listNotes(db: Queryable, caseId: string) {
  return db.query<{ id: string; body: string; author: string | null; created_at: Date }>(sql`
    SELECT n.id, n.body, u.full_name AS author, n.created_at FROM case_notes n LEFT JOIN users u ON u.id = n.author_id WHERE n.case_id = ${caseId} ORDER BY n.created_at DESC`);
}

export function listAttachments(db: Queryable, caseId: string) {
  return db.query<{ id: string; file_name: string; content_type: string; size_bytes: number; uploaded_by: string | null; uploaded_at: Date }>(sql`
    SELECT a.id, a.file_name, a.content_type, a.size_bytes, u.full_name AS uploaded_by, a.uploaded_at FROM case_attachments a LEFT JOIN users u ON u.id = a.uploaded_by
    WHERE a.case_id = ${caseId} ORDER BY a.uploaded_at DESC`);
}

/** The record of a stored file (its content is in the encrypted file store under `storageKey`). */
export async function insertAttachment(tx: Queryable, a: { caseId: string; fileName: string; contentType: string; sizeBytes: number; sha256: string; storageKey: string; uploadedBy: string }): Promise<string> {
  return (await tx.one<{ id: string }>(sql`
    INSERT INTO case_attachments (case_id, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by)
    VALUES (${a.caseId}, ${a.fileName}, ${a.contentType}, ${a.sizeBytes}, ${a.sha256}, ${a.storageKey}, ${a.uploadedBy}) RETURNING id`)).id;
}

export function findAttachment(db: Queryable, caseId: string, attachmentId: string) {
  return db.maybeOne<{ file_name: string; content_type: string; sha256: string; storage_key: string }>(sql`
    SELECT file_name, content_type, sha256, storage_key FROM case_attachments WHERE id = ${attachmentId} AND case_id = ${caseId}`);
}
