/**
 * What an expression is evaluated against: the note of the row, `this`, the
 * variables a list method or a summary binds, and the base's shared lookups.
 */
import type { VaultPath } from '../types.ts';
import type { BaseNote, LinkValue } from './types.ts';
import type { Value } from './values.ts';

export interface Scope {
  /** The row's note; absent in a summary, which sees only `values`. */
  note?: BaseNote;
  thisFile: BaseNote;
  /** `value`, `index` and `acc` inside `filter()`, `map()`, `reduce()`; `values` in a summary. */
  locals?: Readonly<Record<string, Value>>;
}

export interface Env {
  /** `now()`, in milliseconds. */
  now: number;
  /** The base note a link's target names, if any. */
  noteFor(target: string, from: VaultPath): BaseNote | undefined;
  /** The link, made to reach its note when its target names one. */
  resolveLink(link: LinkValue, from: VaultPath): LinkValue;
  /** A note's property by name, as a value (`[[links]]` resolved, dates as dates). */
  property(note: BaseNote, name: string): Value;
  /** A formula's value for the scope's note. */
  formula(name: string, scope: Scope): Value;
}

/** The path links in a scope are resolved from: the row's note, else the base's own file. */
export const fromPath = (scope: Scope): VaultPath => (scope.note ?? scope.thisFile).path;
