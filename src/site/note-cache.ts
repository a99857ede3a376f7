import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writev } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { PrepareContext, PreparedFile, SourceFile } from '../vault/index.ts';

/**
 * Prepared notes kept between builds, in Astro's cache folder: a note whose
 * text, file time and settings are unchanged, prepared by the same Quire,
 * is not parsed again. One file, written whole when anything changed; each
 * note in it is serialized on its own, so a note is decoded only when asked
 * for, and one already serialized (read from the file, or sent by a worker
 * thread) is written again as it is, without serializing it on the main thread.
 */
export interface NoteCache {
  keyOf(file: SourceFile): string;
  get(key: string): Promise<PreparedFile | undefined>;
  /**
   * Keeps exactly these entries, the ones this build used, and writes them
   * if they differ from what was read. `serialized` holds the bytes of
   * entries already serialized with `node:v8`.
   */
  save(entries: Map<string, PreparedFile>, serialized?: ReadonlyMap<string, Uint8Array>): Promise<void>;
}

const FILE = 'quire-notes.bin';

/** The file starts with this, then the header's length (4 bytes), the header, and every entry's bytes in the header's order. */
const MAGIC = Buffer.from('quire-notes 2\n');

interface Header {
  salt: string;
  keys: string[];
  sizes: number[];
}

/** The entries of a cache file, each still serialized; none if the file is another Quire's or was made with other settings. */
function readEntries(file: Buffer, salt: string): Map<string, Uint8Array> {
  const entries = new Map<string, Uint8Array>();
  if (file.length < MAGIC.length + 4 || !file.subarray(0, MAGIC.length).equals(MAGIC)) return entries;
  const headerEnd = MAGIC.length + 4 + file.readUInt32LE(MAGIC.length);
  const header = deserialize(file.subarray(MAGIC.length + 4, headerEnd)) as Header;
  if (header.salt !== salt) return entries;
  let at = headerEnd;
  header.keys.forEach((key, i) => {
    entries.set(key, file.subarray(at, at + header.sizes[i]!));
    at += header.sizes[i]!;
  });
  return entries;
}

/** The cache file's parts in order, written as they are: concatenated, they would be a second copy of the whole cache in memory. */
function cacheFileParts(salt: string, entries: [string, Uint8Array][]): Uint8Array[] {
  const header = serialize({ salt, keys: entries.map(([key]) => key), sizes: entries.map(([, bytes]) => bytes.length) } satisfies Header);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  return [MAGIC, length, header, ...entries.map(([, bytes]) => bytes)];
}

/**
 * What a prepared note depends on besides its file and the settings: the
 * code that prepares it (Quire's model and Markdown plugins) and the
 * versions of the packages it uses. A change to either empties the cache.
 */
function codeVersion(): string | undefined {
  const src = fileURLToPath(new URL('..', import.meta.url));
  const lockfile = path.join(src, '..', 'package-lock.json');
  const hash = createHash('sha256');
  for (const folder of ['vault', 'markdown']) {
    const dir = path.join(src, folder);
    if (!existsSync(dir)) return undefined;
    for (const name of readdirSync(dir, { recursive: true }).map(String).sort()) {
      if (/\.(ts|js|json)$/.test(name)) hash.update(name).update(readFileSync(path.join(dir, name)));
    }
  }
  if (existsSync(lockfile)) hash.update(readFileSync(lockfile));
  return hash.digest('hex');
}

/**
 * Writes the cache file beside itself and renames it over, so a build stopped
 * half-way never leaves half a cache. The write starts before this returns; a
 * process that exits before the rename takes the partial file with it.
 */
async function writeCacheFile(file: string, parts: Uint8Array[]): Promise<void> {
  const partial = `${file}.${process.pid}.partial`;
  const removePartial = () => rmSync(partial, { force: true });
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(partial, 'w');
  process.once('exit', removePartial);
  try {
    const total = parts.reduce((sum, part) => sum + part.length, 0);
    await new Promise<void>((resolve, reject) =>
      writev(fd, parts, (error, bytes) => {
        closeSync(fd);
        if (error) reject(error);
        else if (bytes !== total) reject(new Error(`${partial}: short write`));
        else resolve();
      }),
    );
    await rename(partial, file);
  } catch (error) {
    removePartial();
    throw error;
  } finally {
    process.off('exit', removePartial);
  }
}

export async function openNoteCache(cacheDir: string, context: PrepareContext): Promise<NoteCache | undefined> {
  const version = codeVersion();
  if (!version) return undefined;
  const salt = createHash('sha256').update(version).update(JSON.stringify(context)).digest();
  const file = path.join(cacheDir, FILE);
  // Read when first asked: after an edit in `astro dev` every other note is found in memory, and the file is not needed.
  let stored: Map<string, Uint8Array> | undefined;
  const load = async () => {
    if (stored) return stored;
    try {
      stored = readEntries(await readFile(file), salt.toString('hex'));
    } catch {
      // No cache yet, or one this Quire cannot read: every note is prepared.
      stored = new Map();
    }
    return stored;
  };
  // `astro dev` reads again only the notes that changed; the others keep their objects, and their keys.
  const keys = new WeakMap<SourceFile, string>();
  return {
    keyOf(note) {
      let key = keys.get(note);
      if (key === undefined) {
        key = createHash('sha256')
          .update(salt)
          .update(`${note.path}\0${note.modified?.toISOString() ?? ''}\0${note.invalidUtf8 ? 1 : 0}\0`)
          .update(note.text)
          .digest('base64url');
        keys.set(note, key);
      }
      return key;
    },
    async get(key) {
      const bytes = (await load()).get(key);
      try {
        return bytes && (deserialize(bytes) as PreparedFile);
      } catch {
        return undefined;
      }
    },
    async save(entries, serialized) {
      // Up to the write itself this runs at once when the file was read already, so it is written while the build goes on.
      const known = stored ?? (await load());
      if (entries.size === known.size && [...entries.keys()].every((key) => known.has(key))) return;
      const kept = [...entries].map(([key, entry]): [string, Uint8Array] => [key, serialized?.get(key) ?? known.get(key) ?? serialize(entry)]);
      await writeCacheFile(file, cacheFileParts(salt.toString('hex'), kept));
      stored = new Map(kept);
    },
  };
}
