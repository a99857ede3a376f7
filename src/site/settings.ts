import path from 'node:path';
import { normalizeBase } from '../vault/index.ts';
import { settingsFromIntegration, type QuireSettings } from './shared-settings.ts';

export type { QuireSettings } from './shared-settings.ts';

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

/** The settings the integration shared (see shared-settings.ts), or those of a project in the current folder. */
export function sharedSettings(): QuireSettings {
  return settingsFromIntegration() ?? readSettings(process.cwd());
}

/** What names the site when no title is set and the vault has no single book: its folder, unless that is the generic `content`. */
export function fallbackTitle(settings: QuireSettings): string {
  const folder = path.basename(settings.contentDir);
  return folder && folder !== 'content' ? folder : 'Quire';
}
