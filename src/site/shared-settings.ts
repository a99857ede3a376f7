/**
 * The settings of this build, shared through globalThis: the Astro config,
 * the content config and the rendered pages are separate module graphs in
 * one process. This module imports nothing, so the content
 * config, which Astro loads through Vite, reads the settings without
 * loading (and Vite transforming) the code that builds the vault.
 */
const SETTINGS = Symbol.for('quire.settings');
const shared = globalThis as Record<symbol, QuireSettings | undefined>;

export function shareSettings(settings: QuireSettings): void {
  shared[SETTINGS] = settings;
}

/** The settings the Quire integration shared, once it has read them in this process. */
export function settingsFromIntegration(): QuireSettings | undefined {
  return shared[SETTINGS];
}

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
