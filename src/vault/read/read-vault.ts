import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { CATALOG_FILES } from './catalog-files.ts';
import { isAttachment } from '../attachment-kinds.ts';
import { formatMismatch, SIGNATURE_BYTES } from './file-signatures.ts';
import { readObsidianSettings } from './obsidian-settings.ts';
import { asVaultPath, type Problem, type SourceFile, type UnreadableFile, type VaultFiles, type VaultPath } from '../types.ts';

export class VaultNotFoundError extends Error {}

/** Notes, and the canvases and bases read beside them: each is a page. */
const NOTE_EXTENSIONS = new Set(['.md', '.mdx', '.canvas', '.base']);
const strict = new TextDecoder('utf-8', { fatal: true });
const READ_ERRORS: Record<string, string> = {
  ENOENT: 'it is a link to a file that does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'it is a link that loops back on itself',
  EISDIR: 'it is a folder',
};
const lenient = new TextDecoder('utf-8');

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Runs `use` on the file opened for reading, and closes it whatever happens. */
function withOpenFile<T>(full: string, use: (fd: number) => T): T {
  const fd = openSync(full, 'r');
  try {
    return use(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * One note's text, or why it cannot be read. Read synchronously: at 10,000
 * notes, awaiting each file's open, read, stat and close took about 1 s,
 * even 32 files at a time; these calls take a quarter of that when the
 * files are in the page cache, and four fifths when they are not.
 */
function readNote(full: string, vaultPath: VaultPath): SourceFile | UnreadableFile {
  let read: { bytes: Buffer; modified: Date };
  try {
    read = withOpenFile(full, (fd) => ({ modified: fstatSync(fd).mtime, bytes: readFileSync(fd) }));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    return { path: vaultPath, reason: READ_ERRORS[code] ?? `${code || String(error)}` };
  }
  const { bytes, modified } = read;
  // A NUL byte does not occur in text: this is a binary file that happens to end in .md.
  if (bytes.includes(0)) return { path: vaultPath, reason: 'a binary file, not text' };
  try {
    return { path: vaultPath, text: strict.decode(bytes), modified };
  } catch {
    return { path: vaultPath, text: lenient.decode(bytes), invalidUtf8: true, modified };
  }
}

/**
 * The vault as `files` had it, with these notes read again: what `astro dev`
 * does when notes' texts change. Undefined when a path is not a note `files`
 * knows (a new file, a renamed one) or no longer lies inside the vault (it
 * became a link to elsewhere): only a whole new read finds and reports those.
 */
export async function rereadNotes(root: string, files: VaultFiles, changed: Iterable<VaultPath>): Promise<VaultFiles | undefined> {
  const notes = new Map<VaultPath, SourceFile | UnreadableFile>([...files.notes, ...files.unreadable].map((file) => [file.path, file]));
  const vault = await realpath(root);
  for (const vaultPath of changed) {
    if (!notes.has(vaultPath)) return undefined;
    const full = path.join(root, ...vaultPath.split('/'));
    const real = await realpath(full).catch(() => full);
    if (!isInside(vault, real)) return undefined;
    notes.set(vaultPath, readNote(real, vaultPath));
  }
  const all = [...notes.values()];
  return {
    ...files,
    notes: all.filter((file): file is SourceFile => !('reason' in file)).sort(byPath),
    unreadable: all.filter((file): file is UnreadableFile => 'reason' in file).sort(byPath),
  };
}

/** A file of the vault, found on disk: where it is (its real place, when it is reached through a link), and its path in the vault. */
interface FoundFile {
  full: string;
  vaultPath: VaultPath;
}

/** What listing a vault found: its notes and attachments, and the links it did not follow. */
export interface VaultListing {
  notes: FoundFile[];
  attachments: VaultPath[];
  /** Links, by their path in the vault, whose real place lies outside it: nothing is read through them. */
  outside: VaultPath[];
}

/** Whether a real path lies in the vault's real folder. */
const isInside = (vault: string, real: string) => real === vault || real.startsWith(vault.endsWith(path.sep) ? vault : `${vault}${path.sep}`);

/**
 * The notes and attachments below `root`, without reading them. Dot-folders
 * and dot-files (`.obsidian/`, `.trash/`, `.git/`) hold app state, not notes,
 * and are skipped, as Obsidian itself does. A symbolic link is followed when
 * its real place lies inside the vault, as Obsidian follows it, and never
 * when it lies outside: a shared or synced vault must not publish `~/.ssh`
 * because a link in it points there. A folder is listed once, at its own
 * place rather than through a link to it, so a link back up cannot loop.
 * Rejects if `root` cannot be read.
 */
export async function listVault(root: string): Promise<VaultListing> {
  const listing: VaultListing = { notes: [], attachments: [], outside: [] };
  const vault = await realpath(root);
  const walked = new Set<string>();
  // Folders reached through links are walked after every real folder, so a folder's own place wins.
  const linkedFolders: { dir: string; real: string }[] = [];
  const walk = async (dir: string, real: string): Promise<void> => {
    if (walked.has(real)) return;
    walked.add(real);
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      let full = path.join(dir, entry.name);
      const vaultPath = asVaultPath(path.relative(root, full).split(path.sep).join('/'));
      if (entry.isSymbolicLink()) {
        // A broken link stays in the listing by its name: reading a note through it reports that it is broken.
        const target = await realpath(full).catch(() => undefined);
        if (target !== undefined && !isInside(vault, target)) {
          listing.outside.push(vaultPath);
          continue;
        }
        if (target !== undefined && (await stat(target)).isDirectory()) {
          linkedFolders.push({ dir: full, real: target });
          continue;
        }
        full = target ?? full;
      } else if (entry.isDirectory()) {
        await walk(full, path.join(real, entry.name));
        continue;
      }
      if (NOTE_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) listing.notes.push({ full, vaultPath });
      else if (isAttachment(entry.name)) listing.attachments.push(vaultPath);
    }
  };
  await walk(root, vault);
  for (let i = 0; i < linkedFolders.length; i++) await walk(linkedFolders[i]!.dir, linkedFolders[i]!.real);
  return listing;
}

/** The first bytes of a file, to tell its format; read synchronously, as notes are. */
function headOf(full: string): Uint8Array | undefined {
  const buffer = Buffer.alloc(SIGNATURE_BYTES);
  try {
    return buffer.subarray(0, withOpenFile(full, (fd) => readSync(fd, buffer, 0, SIGNATURE_BYTES, 0)));
  } catch {
    return undefined;
  }
}

/** The attachments whose first bytes are what their extension says; the others, as problems. */
function checkAttachments(root: string, attachments: VaultPath[], problems: Problem[]): VaultPath[] {
  const kept: VaultPath[] = [];
  for (const vaultPath of attachments) {
    const head = headOf(path.join(root, ...vaultPath.split('/')));
    const promised = head === undefined ? undefined : formatMismatch(vaultPath, head);
    if (head !== undefined && promised === undefined) {
      kept.push(vaultPath);
      continue;
    }
    problems.push({
      rule: 'unreadable-file',
      file: vaultPath,
      message: head === undefined ? 'Could not be read; it is not published' : `Is not ${promised}, whatever its name says; it is not published`,
      hint: head === undefined ? 'check that the file can be read by the user running the build' : 'save it in the format its extension names, or give it the extension of its format',
      severity: 'error',
    });
  }
  return kept;
}

/** A link to outside the vault, for the report. */
const outsideProblem = (link: VaultPath): Problem => ({
  rule: 'outside-vault',
  file: link,
  message: 'Is a link to a place outside the vault; nothing is read through it, and nothing of it is published',
  hint: 'move the file or folder into the vault, or remove the link',
  severity: 'warning',
});

/**
 * Every `.md`, `.mdx`, `.canvas` and `.base` file below `root` (found by `listVault`), read, in a stable order.
 */
export async function readVault(root: string): Promise<VaultFiles> {
  const info = await stat(root).catch(() => undefined);
  if (!info) throw new VaultNotFoundError(`The content folder ${root} does not exist. Set CONTENT_DIR to your vault's folder.`);
  if (!info.isDirectory()) throw new VaultNotFoundError(`The content path ${root} is not a folder. Set CONTENT_DIR to your vault's folder.`);

  const notes: SourceFile[] = [];
  const unreadable: UnreadableFile[] = [];
  const listing = await listVault(root);
  const noteFiles = listing.notes;
  const problems = listing.outside.sort().map(outsideProblem);
  for (const { full, vaultPath } of noteFiles) {
    const file = readNote(full, vaultPath);
    if ('reason' in file) unreadable.push(file);
    else notes.push(file);
  }
  const catalog = await readCatalog(root);
  const attachments = checkAttachments(root, listing.attachments.sort(), problems);
  notes.sort(byPath);
  unreadable.sort(byPath);
  if (notes.length === 0 && unreadable.length === 0) {
    throw new VaultNotFoundError(`The content folder ${root} has no notes (no .md or .mdx files). Set CONTENT_DIR to your vault's folder, or add notes to it.`);
  }
  return { notes, unreadable, attachments, ...(catalog ? { catalog } : {}), ...(problems.length ? { problems } : {}), obsidian: await readObsidianSettings(root) };
}

/** The service catalog at the vault's top, unless it is a link to outside the vault (which the listing reports). */
async function readCatalog(root: string): Promise<SourceFile | undefined> {
  const vault = await realpath(root);
  for (const name of CATALOG_FILES) {
    const real = await realpath(path.join(root, name)).catch(() => undefined);
    if (real === undefined || !isInside(vault, real)) continue;
    const text = await readFile(real, 'utf8').catch(() => undefined);
    if (text !== undefined) return { path: asVaultPath(name), text };
  }
  return undefined;
}
