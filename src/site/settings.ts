import path from 'node:path';
import { normalizeBase } from '../vault/index.ts';

/** How this build of the site is set up: from `astro.config.mjs`, overridden by the environment. */
export interface QuireSettings {
  /** Absolute path of the vault. */
  contentDir: string;
  /** The site's base path, `/` or `/notes/`. */
  base: string;
  /** The site's name as configured; when unset, the vault names the site (see `siteTitle`). */
  title: string | undefined;
  /** Problems in the vault (broken links, bad properties) fail the build. */
  strict: boolean;
  /** Folders (paths from the vault's top) whose notes and files are never published. */
  privateFolders: string[];
  /** Notes' own HTML is published as written, scripts included, instead of sanitised. */
  allowRawHtml: boolean;
  /** A note's properties are shown above its text, as Obsidian shows them. */
  showProperties: boolean;
  /** Where prepared notes are kept between builds (Astro's cache folder); none, no cache. */
  cacheDir?: string;
  /** Prepare every note again, whatever the cache holds: `astro build --force`. */
  fresh?: boolean;
  /** The project's folder (Astro's root). */
  root: string;
  /** The report lists every problem, not a few of each kind: `QUIRE_VERBOSE=1`, or `npm run build -- --verbose`. */
  verbose: boolean;
  /** Which Astro command runs: `dev` keeps the model up to date as notes change. */
  command?: 'dev' | 'build' | 'preview' | 'sync';
}

export interface QuireOptions {
  /** The vault's folder, relative to the project. Default `content`; `CONTENT_DIR` overrides it. */
  contentDir?: string;
  /** The site's name. By default the vault's only book, else the vault folder's name; `SITE_TITLE` overrides it. */
  title?: string;
  /** Fail the build on any problem in the vault. Default off; `QUIRE_STRICT=1` turns it on. */
  strict?: boolean;
  /**
   * Folders, as paths from the vault's top (`Journal`, `Work/Clients`), whose notes and
   * attachments are never published, as if each note said `publish: false`. None by default;
   * `QUIRE_PRIVATE_FOLDERS=Journal,Work/Clients` sets them too.
   */
  privateFolders?: string[];
  /**
   * Publish the HTML written in notes as it is, scripts and event handlers included. Off by default:
   * notes' HTML is sanitised as Obsidian does. Only for a vault whose every note you trust.
   * `QUIRE_ALLOW_RAW_HTML=1` turns it on too.
   */
  allowRawHtml?: boolean;
  /**
   * Show each note's properties in a table above its text, as Obsidian's reading view does. On by
   * default; `false` hides them (their links still count as links). `QUIRE_SHOW_PROPERTIES=0` turns it off too.
   */
  showProperties?: boolean;
}

const truthy = (value: string | undefined) => value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());

export function readSettings(projectRoot: string, options: QuireOptions = {}, env: NodeJS.ProcessEnv = process.env): QuireSettings {
  const contentDir = env.CONTENT_DIR?.trim() || options.contentDir || 'content';
  return {
    contentDir: path.resolve(projectRoot, contentDir),
    base: normalizeBase(env.BASE_PATH),
    title: env.SITE_TITLE?.trim() || options.title || undefined,
    strict: env.QUIRE_STRICT !== undefined ? truthy(env.QUIRE_STRICT) : options.strict === true,
    allowRawHtml: env.QUIRE_ALLOW_RAW_HTML !== undefined ? truthy(env.QUIRE_ALLOW_RAW_HTML) : options.allowRawHtml === true,
    root: projectRoot,
    verbose: truthy(env.QUIRE_VERBOSE),
    showProperties: env.QUIRE_SHOW_PROPERTIES !== undefined ? truthy(env.QUIRE_SHOW_PROPERTIES) : options.showProperties !== false,
    privateFolders: [...(options.privateFolders ?? []), ...(env.QUIRE_PRIVATE_FOLDERS?.split(',') ?? [])]
      .map((folder) => folder.trim().replace(/^\/+|\/+$/g, ''))
      .filter(Boolean),
  };
}

// The Astro config and the rendered pages are loaded as separate module
// graphs in one process; the settings and the model are shared through globalThis.
const SETTINGS = Symbol.for('quire.settings');

export function shareSettings(settings: QuireSettings): void {
  (globalThis as Record<symbol, unknown>)[SETTINGS] = settings;
}

export function sharedSettings(): QuireSettings {
  const settings = (globalThis as Record<symbol, unknown>)[SETTINGS] as QuireSettings | undefined;
  return settings ?? readSettings(process.cwd());
}

/** What names the site when no title is set and the vault has no single book: its folder, unless that is the generic `content`. */
export function fallbackTitle(settings: QuireSettings): string {
  const folder = path.basename(settings.contentDir);
  return folder && folder !== 'content' ? folder : 'Quire';
}
