/**
 * What a build is given: the vault's files as read from disk, its service
 * catalog's entries, and the options the site passes in.
 */
import type { VaultPath } from './brands.ts';
import type { Problem } from './problem-types.ts';
import type { ObsidianSettings } from './read/obsidian-settings.ts';

/** A file of the vault as read from disk. Only read/read-vault.ts reads them from disk. */
export interface SourceFile {
  path: VaultPath;
  text: string;
  /** The file was not valid UTF-8; unreadable bytes were replaced with U+FFFD. */
  invalidUtf8?: boolean;
  /** When the file was last changed, for feeds when a note gives no date. */
  modified?: Date;
}

export interface UnreadableFile {
  path: VaultPath;
  reason: string;
}

export interface VaultFiles {
  notes: SourceFile[];
  unreadable: UnreadableFile[];
  /** The service catalog (`services.yaml` at the vault's root), when the vault has one. */
  catalog?: SourceFile;
  /** Images, PDFs, audio and video beside the notes whose first bytes are what their extension says; only their paths are kept. */
  attachments?: VaultPath[];
  /** What reading found and left out: links to files outside the vault, attachments that are not what their names say. */
  problems?: Problem[];
  /** What the vault's Obsidian settings (`.obsidian/app.json`) say about how notes read. */
  obsidian?: ObsidianSettings;
}

/** A service or tool of the vault's catalog (`services.yaml`), which gets a hub page. */
export interface Service {
  /** The URL segment: `amazon-s3`. */
  id: string;
  name: string;
  aliases: string[];
  category: string;
  summary: string;
  docs: string;
}

export interface BuildOptions {
  /** The path the site is served under, `/` by default. */
  base?: string;
  /** The site's name; by default the title of a vault that is one book, else `fallbackTitle`. */
  title?: string;
  fallbackTitle?: string;
  /** Folders whose notes and attachments are never published. */
  privateFolders?: readonly string[];
  /** Trust the HTML written in notes instead of sanitising it. Off by default. */
  allowRawHtml?: boolean;
  /** Addresses the site's own pages use (`tags`, `search`…): a note called `Tags` gets `tags-2`. */
  reservedSlugs?: readonly string[];
  /** Element ids the layout of a hub or stub page uses itself, which its sections' ids must not take. */
  layoutIds?: readonly string[];
  /** Show a note's properties above its text, as Obsidian does (default); links in them count either way. */
  showProperties?: boolean;
}
