import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import tar from 'tar-stream';
import type { Config } from '../config.js';
import { openWithPassphrase, passphraseProblem, sealWithPassphrase, type Sealed } from '../crypto/passphrase.js';
import { parseSecretKey, readKeyFile, writeKeyFile } from '../crypto/secrets.js';
import { pgTool } from './pg-tools.js';
import type { OpenDatabase } from './open.js';
import { acquireDataDirLock } from './data-dir-lock.js';

type WithPglite = OpenDatabase & { pglite?: { dumpDataDir(compression?: 'gzip' | 'none' | 'auto'): Promise<Blob | File> } };

/**
 * A backup is one gzipped tar holding everything a restore needs, manifest first:
 *   manifest.json    what is inside, with a checksum of the database part
 *   database.pglite  PGlite's data-folder dump, or database.pgdump (pg_dump's custom format)
 *   files/...        the attachment store as it is on disk (already encrypted with the key)
 *   secret-key.json  the platform key sealed with the backup passphrase (scrypt + AES-GCM);
 *                    absent with --no-key, when the key is kept separately (docs/operations.md)
 */
type Manifest = { format: 'ncpp-backup'; version: 1; createdAt: string; database: 'pglite' | 'postgres'; databaseSha256: string; files: number; key: 'sealed' | 'separate' };
const DATABASE_PART = { pglite: 'database.pglite', postgres: 'database.pgdump' } as const;
const FILE_ENTRY = /^files\/[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

export type BackupOptions = { passphrase?: string; withoutKey?: boolean };

export async function backup(db: OpenDatabase, config: Config, secretKey: Buffer, file: string, options: BackupOptions): Promise<Manifest> {
  if (!options.withoutKey) {
    if (!options.passphrase) throw new Error('A backup carries the platform key sealed with a passphrase: set NCPP_BACKUP_PASSPHRASE or pass --passphrase-file (or --no-key if the key is backed up separately).');
    const problem = passphraseProblem(options.passphrase);
    if (problem) throw new Error(problem);
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ncpp-backup-'));
  const partial = `${file}.partial`;
  try {
    const kind = (db as WithPglite).pglite ? 'pglite' : 'postgres';
    const dump = path.join(work, DATABASE_PART[kind]);
    if (kind === 'pglite') {
      const blob = await (db as WithPglite).pglite!.dumpDataDir('gzip');
      fs.writeFileSync(dump, Buffer.from(await blob.arrayBuffer()));
    } else {
      const r = spawnSync(pgTool('pg_dump'), ['--format=custom', `--file=${dump}`, config.databaseUrl ?? ''], { stdio: ['ignore', 'inherit', 'inherit'] });
      if (r.status !== 0) throw new Error('pg_dump failed (is the PostgreSQL client installed?)');
    }
    const files = listFiles(config.filesDir);
    const manifest: Manifest = {
      format: 'ncpp-backup', version: 1, createdAt: new Date().toISOString(), database: kind,
      databaseSha256: await sha256File(dump), files: files.length, key: options.withoutKey ? 'separate' : 'sealed',
    };
    const pack = tar.pack();
    const written = pipeline(pack, zlib.createGzip(), fs.createWriteStream(partial));
    await addBuffer(pack, 'manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
    if (!options.withoutKey) await addBuffer(pack, 'secret-key.json', Buffer.from(JSON.stringify(sealWithPassphrase(secretKey, options.passphrase!))));
    await addFile(pack, DATABASE_PART[kind], dump);
    for (const rel of files) await addFile(pack, `files/${rel}`, path.join(config.filesDir, rel));
    pack.finalize();
    await written;
    // Only a complete archive takes the name: an interrupted backup never looks like a good one.
    fs.renameSync(partial, file);
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(partial, { force: true });
  }
}

export type RestoreOptions = { force: boolean; passphrase?: string };

/**
 * Replaces the database, the attachment files and the platform key with a backup's. Every
 * part is unpacked and checked (checksum, passphrase, key agreement, empty targets) before
 * anything is replaced. A file from before backups held files and key (a bare database
 * dump) is still restored, database only.
 */
export async function restore(config: Config, file: string, options: RestoreOptions): Promise<{ files: number; key: 'restored' | 'kept' | 'separate' }> {
  if (!fs.existsSync(file)) throw new Error(`No backup at ${file}`);
  // Holding the folder lock makes a running server stop this command, not the other way round.
  const lock = acquireDataDirLock(config.dataDir, 'restore');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ncpp-restore-'));
  try {
    const unpacked = await unpack(file, work);
    if (!unpacked) {
      await restoreDatabase(config, config.databaseUrl ? 'postgres' : 'pglite', file, options.force);
      return { files: 0, key: 'kept' };
    }
    const { manifest } = unpacked;
    const dump = path.join(work, DATABASE_PART[manifest.database]);
    if (!fs.existsSync(dump) || (await sha256File(dump)) !== manifest.databaseSha256) throw new Error('The backup is damaged: its database part is missing or does not match its checksum.');
    if ((manifest.database === 'postgres') !== Boolean(config.databaseUrl)) {
      throw new Error(manifest.database === 'postgres' ? 'This backup is of a PostgreSQL server: set DATABASE_URL to restore it.' : 'This backup is of the embedded database: unset DATABASE_URL to restore it.');
    }
    const key = manifest.key === 'sealed' ? unsealKey(work, options.passphrase) : undefined;
    const configured = config.secretKey ? parseSecretKey(config.secretKey) : readKeyFile(config.dataDir);
    if (key && configured && !configured.equals(key)) {
      if (config.secretKey || !options.force) throw new Error('The backup was made with a different platform key than the one configured here; its attachments and two-factor secrets could not be read. Remove the key (or pass --force to replace the key file).');
    }
    if (!key && !configured) throw new Error('This backup does not carry the platform key: set NCPP_SECRET_KEY to the key that was backed up separately.');
    const filesSource = path.join(work, 'files');
    if (fs.existsSync(config.filesDir) && listFiles(config.filesDir).length > 0 && !options.force) throw new Error(`${config.filesDir} already holds files; pass --force to replace them.`);

    await restoreDatabase(config, manifest.database, dump, options.force);
    fs.rmSync(config.filesDir, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(config.filesDir), { recursive: true });
    if (fs.existsSync(filesSource)) fs.cpSync(filesSource, config.filesDir, { recursive: true });
    else fs.mkdirSync(config.filesDir, { recursive: true });
    let keyOutcome: 'restored' | 'kept' | 'separate' = key ? 'kept' : 'separate';
    if (key && !config.secretKey && !(configured && configured.equals(key))) {
      writeKeyFile(config.dataDir, key);
      keyOutcome = 'restored';
    }
    return { files: manifest.files, key: keyOutcome };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    lock.release();
  }
}

async function restoreDatabase(config: Config, kind: 'pglite' | 'postgres', dump: string, force: boolean) {
  if (kind === 'postgres') {
    const r = spawnSync(pgTool('pg_restore'), ['--clean', '--if-exists', '--no-owner', `--dbname=${config.databaseUrl}`, dump], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) throw new Error('pg_restore failed');
    return;
  }
  const dir = path.join(config.dataDir, 'pg');
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0 && !force) throw new Error(`${dir} already holds data; pass --force to replace it.`);
  fs.rmSync(dir, { recursive: true, force: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const lite = await PGlite.create(dir, { loadDataDir: new Blob([fs.readFileSync(dump)]) });
  await lite.close();
}

/** Unpacks a backup into `dir`; undefined when the file is a bare database dump (no manifest). */
async function unpack(file: string, dir: string): Promise<{ manifest: Manifest } | undefined> {
  const head = Buffer.alloc(5);
  const fd = fs.openSync(file, 'r');
  fs.readSync(fd, head, 0, 5, 0);
  fs.closeSync(fd);
  if (head.toString('latin1') === 'PGDMP') return undefined;
  const extract = tar.extract();
  const reading = pipeline(fs.createReadStream(file), zlib.createGunzip(), extract);
  let manifest: Manifest | undefined;
  let first = true;
  for await (const entry of extract) {
    const name = entry.header.name;
    if (first) {
      first = false;
      if (name !== 'manifest.json') {
        // A PGlite data-folder dump is a gzipped tar too, but never starts with our manifest.
        entry.resume();
        reading.catch(() => undefined);
        extract.destroy();
        return undefined;
      }
      manifest = JSON.parse((await readAll(entry)).toString('utf8')) as Manifest;
      if (manifest.format !== 'ncpp-backup' || manifest.version !== 1) throw new Error('Not an NCPP backup, or one from a newer version.');
      continue;
    }
    const known = name === 'secret-key.json' || name === DATABASE_PART.pglite || name === DATABASE_PART.postgres || FILE_ENTRY.test(name);
    if (!known || name.split('/').includes('..') || entry.header.type !== 'file') throw new Error(`The backup holds an unexpected entry: ${name}`);
    const target = path.join(dir, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await pipeline(entry, fs.createWriteStream(target));
  }
  await reading;
  return manifest ? { manifest } : undefined;
}

function unsealKey(dir: string, passphrase: string | undefined): Buffer {
  const sealedFile = path.join(dir, 'secret-key.json');
  if (!fs.existsSync(sealedFile)) throw new Error('The backup is damaged: its sealed key is missing.');
  if (!passphrase) throw new Error('This backup carries the platform key sealed with a passphrase: set NCPP_BACKUP_PASSPHRASE or pass --passphrase-file.');
  return openWithPassphrase(JSON.parse(fs.readFileSync(sealedFile, 'utf8')) as Sealed, passphrase);
}

function listFiles(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .sort();
}

async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

function addBuffer(pack: tar.Pack, name: string, body: Buffer): Promise<void> {
  return new Promise((resolve, reject) => pack.entry({ name, size: body.length, mode: 0o600 }, body, (err) => (err ? reject(err) : resolve())));
}

async function addFile(pack: tar.Pack, name: string, file: string): Promise<void> {
  const { size } = fs.statSync(file);
  await new Promise<void>((resolve, reject) => {
    const entry = pack.entry({ name, size, mode: 0o600 }, (err) => (err ? reject(err) : resolve()));
    fs.createReadStream(file).on('error', reject).pipe(entry);
  });
}
