/**
 * The data a base works on and what it gives back. A base never reads the
 * disk or the model: it is handed the notes it may show, so a note that is not
 * published cannot appear in one.
 */
import type { Problem } from '../types.ts';
import type { Href, VaultPath } from '../types.ts';

/** One published note, as a base sees it. */
export interface BaseNote {
  path: VaultPath;
  /** The file name without its extension: `Dune` for `Books/Dune.md`. */
  name: string;
  /** The extension without its dot: `md`. */
  ext: string;
  /** The folder's path, `''` at the top of the vault. */
  folder: string;
  /** What links to the note read: its title. */
  title: string;
  href: Href;
  /** In bytes. */
  size?: number;
  ctime?: Date;
  mtime?: Date;
  /** Tags from the properties and the text, without `#`. */
  tags: readonly string[];
  /** Where the note's links lead (text and properties), resolved. A path that is not one of the notes the base is given (a private note) is ignored. */
  links: readonly VaultPath[];
  /** The notes that link to this one, resolved the same way; none when left out. */
  backlinks?: readonly VaultPath[];
  /** The notes it embeds (`![[…]]`); none when left out. */
  embeds?: readonly VaultPath[];
  /** The note's YAML properties as parsed. */
  properties: Readonly<Record<string, unknown>>;
}

/** A base's YAML: a `.base` file, or a `base` code block in a note. */
export interface BaseSource {
  /** The file the YAML is in: the `.base` file, or the note holding the block. Problems name it. */
  path: VaultPath;
  text: string;
  /** 1-based line in `path` of the YAML's first line: 1 for a `.base` file (the default), the line after the opening fence for a block. */
  firstLine?: number;
  /** What `this` is: the note a block stands in; for a `.base` file, the base itself (made from `path`, without an href, when left out). */
  thisFile?: BaseNote;
}

export interface BaseOptions {
  /** What `now()` and `today()` return; the build's start. */
  now?: Date;
  /**
   * Which note a link's target names (`Dune`, `Books/Dune`, `Dune.md`), for
   * `[[links]]` in properties, `link()`, `file()` and `file.hasLink()`. The
   * model passes its own resolver so links resolve as everywhere else; the
   * default matches paths, then file names, shortest path first.
   */
  resolve?: (target: string, from: VaultPath) => VaultPath | undefined;
}

export interface DateValue {
  kind: 'date';
  /** Milliseconds since the epoch; dates without a zone are read as UTC. */
  ms: number;
  /** False for a day without a time (`2024-05-01`). */
  hasTime: boolean;
}

/** A length of time: months apart, because a month has no fixed length. */
export interface DurationValue {
  kind: 'duration';
  ms: number;
  months: number;
}

export interface LinkValue {
  kind: 'link';
  /** As written: a note's name or path, or a URL. */
  target: string;
  display?: string;
  /** The note it reaches, when it reaches one of the base's notes. */
  path?: VaultPath;
  href?: Href;
  /** An `http(s):` or `mailto:` address rather than a note. */
  external?: boolean;
}

export interface ImageValue {
  kind: 'image';
  /** A URL, a link to an attachment, or a `#rrggbb` colour. */
  source: string | LinkValue;
}

export interface ObjectValue {
  kind: 'object';
  fields: Readonly<Record<string, CellValue>>;
}

/** A value as a view shows it: what a cell, a group heading or a summary holds. */
export type CellValue = null | boolean | number | string | DateValue | DurationValue | LinkValue | ImageValue | ObjectValue | readonly CellValue[];

export interface BaseColumn {
  /** The property as the base names it: `file.name`, `note.price`, `formula.ppu`. */
  key: string;
  /** Its display name. */
  label: string;
}

export interface BaseRow {
  note: { title: string; href: Href; path: VaultPath };
  /** One value per column, in the columns' order. */
  cells: CellValue[];
  /** A cards view's cover. */
  image?: CellValue;
}

export interface BaseGroup {
  /** The value the rows share; absent when the view is not grouped. */
  key?: CellValue;
  rows: BaseRow[];
}

export interface BaseSummary {
  /** The column it sums up. */
  key: string;
  /** `Average`, `Sum`… or the name of one of the base's own summaries. */
  name: string;
  value: CellValue;
}

export type BaseViewType = 'table' | 'cards' | 'list';

export interface BaseView {
  name: string;
  /** What the base asked for; a type Quire cannot show is `unsupported`. */
  type: BaseViewType | (string & {});
  columns: BaseColumn[];
  groups: BaseGroup[];
  summaries: BaseSummary[];
  /** The order of the rows, first key first; empty when they come by file name. */
  sort: { key: string; direction: 'ASC' | 'DESC' }[];
  /** How many notes matched the filters, before `limit`. */
  total: number;
  /** Whether `limit` left notes out. */
  limitApplied: boolean;
  /** Set when the view cannot be shown as written; it then has no rows, and the page says why. */
  unsupported?: { expression: string; message: string };
}

export interface BaseProblem extends Omit<Problem, 'rule'> {
  rule: 'bad-base';
}

export interface BaseResult {
  views: BaseView[];
  problems: BaseProblem[];
}
