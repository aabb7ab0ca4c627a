import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Where file contents live. The default is a folder; another store (object storage) implements the same three calls. */
export interface FileStore {
  put(key: string, content: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

/**
 * A folder of files, each encrypted with AES-256-GCM under the platform key (a fresh IV per
 * file; the tag authenticates it). Keys are random ids, never user-supplied names.
 */
export function encryptedFolderStore(dir: string, key: Buffer): FileStore {
  const file = (k: string) => {
    if (!/^[a-f0-9-]{36}$/.test(k)) throw new Error('Invalid file key');
    return path.join(dir, k.slice(0, 2), k);
  };
  return {
    async put(k, content) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(content), cipher.final()]);
      const target = file(k);
      await fs.promises.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      // Write then rename: a crash mid-write leaves no half file under the real name.
      await fs.promises.writeFile(`${target}.tmp`, Buffer.concat([iv, cipher.getAuthTag(), body]), { mode: 0o600 });
      await fs.promises.rename(`${target}.tmp`, target);
    },
    async get(k) {
      const sealed = await fs.promises.readFile(file(k));
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
    },
    async delete(k) {
      await fs.promises.rm(file(k), { force: true });
    },
  };
}

/** Accepted attachment types, recognised by content (magic bytes), not by the name the browser sent. */
export const ALLOWED_TYPES: ReadonlyArray<{ type: string; ext: string[]; sniff: (b: Buffer) => boolean }> = [
  { type: 'application/pdf', ext: ['pdf'], sniff: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { type: 'image/jpeg', ext: ['jpg', 'jpeg'], sniff: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/png', ext: ['png'], sniff: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/webp', ext: ['webp'], sniff: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  // Office files are ZIP containers; the extension tells which.
  { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: ['docx'], sniff: (b) => b[0] === 0x50 && b[1] === 0x4b },
  { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: ['xlsx'], sniff: (b) => b[0] === 0x50 && b[1] === 0x4b },
  { type: 'text/plain', ext: ['txt'], sniff: (b) => !b.includes(0) },
];
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The type of an upload, or undefined when its name and content do not agree on an accepted type. */
export function detectType(fileName: string, content: Buffer): string | undefined {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  return ALLOWED_TYPES.find((t) => t.ext.includes(ext) && t.sniff(content))?.type;
}
