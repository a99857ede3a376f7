import type { VaultPath } from './brands.ts';

/** Kinds of problem a build can meet in a vault; each has its own rule id in the report. */
export type ProblemRule =
  | 'unresolved-link'
  | 'missing-heading'
  | 'missing-block'
  | 'ambiguous-link'
  | 'bad-frontmatter'
  | 'unreadable-file'
  | 'slug-clash' | 'empty-heading' | 'bad-permalink' | 'redirect-clash'
  | 'bad-catalog'
  | 'missing-attachment'
  | 'outside-vault'
  | 'invalid-utf8'
  | 'bad-canvas'
  | 'bad-base';

export interface Problem {
  rule: ProblemRule;
  file: VaultPath;
  /** 1-based line in the file, when the problem has a place. */
  line?: number;
  message: string;
  /** What to do about it, or a close name the author may have meant. */
  hint?: string;
  /**
   * `fatal` stops the build (a broken service catalog); `error` means a note
   * is not published (bad properties, unreadable); the rest are warnings.
   */
  severity: 'fatal' | 'error' | 'warning';
}
