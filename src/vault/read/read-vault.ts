import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CATALOG_FILES } from './catalog.ts';
import { isAttachment } from '../prepare/embeds.ts';
import { asVaultPath, type SourceFile, type UnreadableFile, type VaultFiles, type VaultPath } from '../types.ts';
import { readObsidianSettings } from './obsidian-settings.ts';

export class VaultNotFoundError extends Error {}

const NOTE_EXTENSIONS = new Set(['.md', '.mdx']);
const strict = new TextDecoder('utf-8', { fatal: true });
const READ_ERRORS: Record<string, string> = {
  ENOENT: 'it is a link to a file that does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'it is a link that loops back on itself',
  EISDIR: 'it is a folder',
};
const lenient = new TextDecoder('utf-8');
const READS_AT_ONCE = 32;

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** One note's text, or why it cannot be read. */
async function readNote(full: string, vaultPath: VaultPath): Promise<SourceFile | UnreadableFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    return { path: vaultPath, reason: READ_ERRORS[code] ?? `${code || String(error)}` };
  }
  // A NUL byte does not occur in text: this is a binary file that happens to end in .md.
  if (bytes.includes(0)) return { path: vaultPath, reason: 'a binary file, not text' };
  const modified = (await stat(full).catch(() => undefined))?.mtime;
  try {
    return { path: vaultPath, text: strict.decode(bytes), ...(modified ? { modified } : {}) };
  } catch {
    return { path: vaultPath, text: lenient.decode(bytes), invalidUtf8: true, ...(modified ? { modified } : {}) };
  }
}

/**
 * The vault as `files` had it, with these notes read again: what `astro dev`
 * does when notes' texts change. Undefined when a path is not a note `files`
 * knows (a new file, a renamed one): only a whole new read finds those.
 */
export async function rereadNotes(root: string, files: VaultFiles, changed: Iterable<VaultPath>): Promise<VaultFiles | undefined> {
  const notes = new Map<VaultPath, SourceFile | UnreadableFile>([...files.notes, ...files.unreadable].map((file) => [file.path, file]));
  for (const vaultPath of changed) {
    if (!notes.has(vaultPath)) return undefined;
    notes.set(vaultPath, await readNote(path.join(root, ...vaultPath.split('/')), vaultPath));
  }
  const all = [...notes.values()];
  return {
    ...files,
    notes: all.filter((file): file is SourceFile => !('reason' in file)).sort(byPath),
    unreadable: all.filter((file): file is UnreadableFile => 'reason' in file).sort(byPath),
  };
}

/** A file of the vault, found on disk: where it is, and its path in the vault. */
interface FoundFile {
  full: string;
  vaultPath: VaultPath;
}

/**
 * The notes and attachments below `root`, without reading them. Dot-folders
 * and dot-files (`.obsidian/`, `.trash/`, `.git/`) hold app state, not notes,
 * and are skipped, as Obsidian itself does. Rejects if `root` cannot be read.
 */
export async function listVault(root: string): Promise<{ notes: FoundFile[]; attachments: VaultPath[] }> {
  const notes: FoundFile[] = [];
  const attachments: VaultPath[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        await walk(full);
        continue;
      }
      const vaultPath = asVaultPath(path.relative(root, full).split(path.sep).join('/'));
      if (NOTE_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) notes.push({ full, vaultPath });
      else if (isAttachment(entry.name)) attachments.push(vaultPath);
    }
  };
  await walk(root);
  return { notes, attachments };
}

/**
 * Every `.md` and `.mdx` file below `root` (found by `listVault`), read, in a stable order.
 */
export async function readVault(root: string): Promise<VaultFiles> {
  const info = await stat(root).catch(() => undefined);
  if (!info) throw new VaultNotFoundError(`The content folder ${root} does not exist. Set CONTENT_DIR to your vault's folder.`);
  if (!info.isDirectory()) throw new VaultNotFoundError(`The content path ${root} is not a folder. Set CONTENT_DIR to your vault's folder.`);

  const notes: SourceFile[] = [];
  const unreadable: UnreadableFile[] = [];
  const { notes: noteFiles, attachments } = await listVault(root);
  const read = async ({ full, vaultPath }: FoundFile): Promise<void> => {
    const file = await readNote(full, vaultPath);
    if ('reason' in file) unreadable.push(file);
    else notes.push(file);
  };
  // Many reads at once: one after another, a large vault spends seconds waiting on the disk. The order is restored below.
  let next = 0;
  const reader = async () => {
    while (next < noteFiles.length) await read(noteFiles[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(READS_AT_ONCE, noteFiles.length) }, reader));
  let catalog: SourceFile | undefined;
  for (const name of CATALOG_FILES) {
    const text = await readFile(path.join(root, name), 'utf8').catch(() => undefined);
    if (text !== undefined) {
      catalog = { path: asVaultPath(name), text };
      break;
    }
  }
  notes.sort(byPath);
  unreadable.sort(byPath);
  attachments.sort();
  if (notes.length === 0 && unreadable.length === 0) {
    throw new VaultNotFoundError(`The content folder ${root} has no notes (no .md or .mdx files). Set CONTENT_DIR to your vault's folder, or add notes to it.`);
  }
  return { notes, unreadable, attachments, ...(catalog ? { catalog } : {}), obsidian: await readObsidianSettings(root) };
}
