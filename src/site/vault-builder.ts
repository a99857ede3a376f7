import { fenceLanguages, loadCodeLanguages } from '../markdown/rehype-code-highlight.ts';
import {
  buildVault,
  ModelMemo,
  prepareContext,
  prepareFile,
  prepareInWorkers,
  readVault,
  rereadNotes,
  type BuildOptions,
  type PrepareContext,
  type PreparedFile,
  type Vault,
  type VaultFiles,
  type VaultPath,
} from '../vault/index.ts';
import { openNoteCache, type NoteCache } from './note-cache.ts';
import { LAYOUT_IDS, RESERVED_SLUGS } from './routes.ts';
import { fallbackTitle, sharedSettings, type QuireSettings } from './settings.ts';
import { shareVaultLoader } from './vault.ts';

interface Cached {
  key: string;
  vault: Promise<Vault>;
  built?: Vault;
}

/**
 * In `astro dev`: the files the last model was built from (once read), and
 * what changed since it started: the notes whose text changed, or `all` when
 * files were added or removed.
 */
interface LastFiles {
  key: string;
  files?: VaultFiles;
  changed: Set<VaultPath> | 'all';
}

/** How the last model's notes were prepared: for the build report. */
export interface Preparation {
  notes: number;
  fromCache: number;
  threads: number;
}

/**
 * What this process keeps from one model to the next. The Astro config and
 * the rendered pages are separate module graphs in one process, so it lives
 * on globalThis, like the settings.
 */
interface ProcessState {
  model?: Cached | undefined;
  /** The prepared notes of the last model by cache key (kept by the dev server only), and how they were prepared. */
  prepared?: { entries: Map<string, PreparedFile>; last: Preparation };
  /** The dev server's: see LastFiles and src/vault/memo/model-memo.ts. */
  files?: LastFiles | undefined;
  memo?: ModelMemo;
  pendingSave?: ReturnType<typeof setTimeout>;
  /** A build's cache of prepared notes being written, while the model is built: see `notesSaved`. */
  saving?: Promise<void>;
  /** The dev server's cache of prepared notes, for the settings that make `key`. */
  noteCache?: { key: string; cache: NoteCache | undefined };
}

const state: ProcessState = ((globalThis as Record<symbol, ProcessState | undefined>)[Symbol.for('quire.state')] ??= {});

/**
 * The vault model of this build, read and built once and shared by every
 * page. In `astro dev` it is dropped when a note changes and built again.
 * The integration hands this loader to the pages (src/site/vault.ts), so
 * the bundle that renders them does not carry the code that builds the model.
 */
export function loadVault(): Promise<Vault> {
  const settings = sharedSettings();
  const key = JSON.stringify(settings);
  const current = state.model;
  if (current && current.key === key) return current.vault;
  // Only the dev server builds the model again; it then reads only the notes that changed.
  const last = state.files;
  const changed = last?.files && last.key === key && last.changed !== 'all' ? last.changed : undefined;
  // A change reported from now on, even before this model is built, is for the next one to read.
  const next: LastFiles | undefined = settings.command === 'dev' ? { key, changed: new Set() } : undefined;
  state.files = next;
  const reread = changed ? rereadNotes(settings.contentDir, last!.files!, changed) : Promise.resolve(undefined);
  const vault = reread.then(async (again) => {
    const files = again ?? (await readVault(settings.contentDir));
    if (next) next.files = files;
    // Code is highlighted while notes render, synchronously: the grammars the vault uses are loaded first.
    const scanned = again ? again.notes.filter((note) => changed!.has(note.path)) : files.notes;
    await loadCodeLanguages(scanned.flatMap((note) => [...fenceLanguages(note.text)]));
    const options: BuildOptions = {
      base: settings.base,
      privateFolders: settings.privateFolders,
      allowRawHtml: settings.allowRawHtml,
      ...(settings.title ? { title: settings.title } : {}),
      fallbackTitle: fallbackTitle(settings),
      showProperties: settings.showProperties,
      reservedSlugs: RESERVED_SLUGS,
      layoutIds: LAYOUT_IDS,
    };
    return buildVault(files, options, await prepareNotes(files, options, settings), settings.command === 'dev' ? (state.memo ??= new ModelMemo()) : undefined);
  });
  const cached: Cached = { key, vault };
  state.model = cached;
  void vault.then((built) => (cached.built = built), () => undefined);
  return vault;
}

/** Once the cache of prepared notes a build writes is on disk. */
export function notesSaved(): Promise<void> {
  return state.saving ?? Promise.resolve();
}

export function lastPreparation(): Preparation | undefined {
  return state.prepared?.last;
}

/** Below this many notes to prepare, starting worker threads costs more than it saves. */
const WORKERS_FROM = 400;

/**
 * Every note prepared, in the vault's order: taken from the last model of
 * this process (`astro dev` after an edit) or from the cache of an earlier
 * build when unchanged, the others prepared, in worker threads when there
 * are many. The cache is only an optimisation: without it, the notes are prepared here.
 */
async function prepareNotes(files: VaultFiles, options: BuildOptions, settings: QuireSettings): Promise<PreparedFile[]> {
  const context = prepareContext(files, options);
  const cache = settings.cacheDir ? await noteCache(settings.cacheDir, context, settings.command === 'dev') : undefined;
  const previous = state.prepared?.entries;
  const keys = files.notes.map((file) => cache?.keyOf(file));
  const prepared: (PreparedFile | undefined)[] = [];
  // The disk is asked only for the first model of a process: after that the memory holds every note, and one it lacks has changed.
  const fromDisk = !previous?.size;
  for (const key of keys) {
    const found = key === undefined || settings.fresh ? undefined : (previous?.get(key) ?? (fromDisk ? await cache!.get(key).catch(() => undefined) : undefined));
    prepared.push(found);
  }
  const missing = files.notes.filter((_, i) => prepared[i] === undefined);
  const inWorkers = missing.length >= WORKERS_FROM ? await prepareInWorkers(missing, context).catch(() => undefined) : undefined;
  const fresh = inWorkers?.prepared ?? missing.map((file) => prepareFile(file, context));
  const threads = inWorkers?.threads ?? 1;
  // The notes prepared in workers come with their bytes, which the cache writes as they are.
  const serialized = new Map<string, Uint8Array>();
  let next = 0;
  const all = prepared.map((found, i) => {
    if (found) return found;
    const key = keys[i];
    if (key !== undefined && inWorkers) serialized.set(key, inWorkers.serialized[next]!);
    return fresh[next++]!;
  });
  const entries = new Map<string, PreparedFile>();
  keys.forEach((key, i) => key !== undefined && entries.set(key, all[i]!));
  // Only the dev server builds the model again in this process; a build lets the prepared notes go once the model has them.
  state.prepared = { entries: settings.command === 'dev' ? entries : new Map(), last: { notes: all.length, fromCache: all.length - missing.length, threads } };
  if (cache && missing.length > 0) {
    if (settings.command === 'dev') scheduleSave(() => cache.save(entries, serialized));
    // Written while the model is built (the file is 128 MB at 10,000 notes); the build waits for it at its end.
    else state.saving = cache.save(entries, serialized).catch(() => undefined);
  }
  return all;
}

/**
 * The cache of prepared notes. The dev server keeps one for its life: what it
 * read from the file then serves each later save, which would otherwise read
 * the whole file again (128 MB at 10,000 notes) after every edit.
 */
async function noteCache(cacheDir: string, context: PrepareContext, keep: boolean): Promise<NoteCache | undefined> {
  const key = `${cacheDir}\0${JSON.stringify(context)}`;
  if (keep && state.noteCache?.key === key) return state.noteCache.cache;
  const cache = await openNoteCache(cacheDir, context).catch(() => undefined);
  if (keep) state.noteCache = { key, cache };
  return cache;
}

/**
 * In `astro dev` the cache is written once edits pause, not after each one:
 * writing it takes a moment, and the memory holds everything meanwhile.
 */
function scheduleSave(save: () => Promise<void>): void {
  clearTimeout(state.pendingSave);
  state.pendingSave = setTimeout(() => void save().catch(() => undefined), 3000);
  state.pendingSave.unref();
}

/** A file of the vault changed, was added or was removed. */
export interface VaultChange {
  event: 'change' | 'add' | 'unlink';
  path: VaultPath;
}

/** Drops the model, to be built again when next asked for; after a note's text changed, only that note is read again. */
export function forgetVault(change?: VaultChange): void {
  state.model = undefined;
  const last = state.files;
  if (!last) return;
  if (change?.event === 'change' && last.changed !== 'all') last.changed.add(change.path);
  else last.changed = 'all';
}

shareVaultLoader({ load: loadVault, built: () => state.model?.built });
