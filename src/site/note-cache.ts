import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { PrepareContext, PreparedFile } from '../vault/prepare-file.ts';
import type { SourceFile } from '../vault/read-vault.ts';

/**
 * Prepared notes kept between builds, in Astro's cache folder: a note whose
 * text, file time and settings are unchanged, prepared by the same Quire,
 * is not parsed again. One file, written whole when anything changed.
 */
export interface NoteCache {
  keyOf(file: SourceFile): string;
  get(key: string): Promise<PreparedFile | undefined>;
  /** Keeps exactly these entries, the ones this build used, and writes them if they differ from what was read. */
  save(entries: Map<string, PreparedFile>): Promise<void>;
}

const FILE = 'quire-notes.bin';

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

export async function openNoteCache(cacheDir: string, context: PrepareContext): Promise<NoteCache | undefined> {
  const version = codeVersion();
  if (!version) return undefined;
  const salt = createHash('sha256').update(version).update(JSON.stringify(context)).digest();
  const file = path.join(cacheDir, FILE);
  // Read when first asked: after an edit in `astro dev` every other note is found in memory, and the file is not needed.
  let stored: Map<string, PreparedFile> | undefined;
  const load = async () => {
    if (stored) return stored;
    stored = new Map();
    try {
      const read = deserialize(await readFile(file)) as { salt: string; entries: Map<string, PreparedFile> };
      if (read.salt === salt.toString('hex')) stored = read.entries;
    } catch {
      // No cache yet, or one this Quire cannot read: every note is prepared.
    }
    return stored;
  };
  return {
    keyOf: (note) =>
      createHash('sha256')
        .update(salt)
        .update(`${note.path}\0${note.modified?.toISOString() ?? ''}\0${note.invalidUtf8 ? 1 : 0}\0`)
        .update(note.text)
        .digest('base64url'),
    get: async (key) => (await load()).get(key),
    async save(entries) {
      const known = await load();
      if (entries.size === known.size && [...entries.keys()].every((key) => known.has(key))) return;
      await mkdir(cacheDir, { recursive: true });
      // Written beside and renamed over, so a build stopped half-way never leaves half a cache.
      const partial = `${file}.${process.pid}.partial`;
      await writeFile(partial, serialize({ salt: salt.toString('hex'), entries }));
      await rename(partial, file);
      stored = entries;
    },
  };
}
