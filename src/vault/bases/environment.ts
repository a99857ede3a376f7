/**
 * The lookups every expression of a base shares: notes by path and by name
 * (for links), each note's properties as values, and formulas, each worked
 * out once per note.
 */
import type { VaultPath } from '../types.ts';
import type { Compiled } from './compile.ts';
import type { Env, Scope } from './context.ts';
import { evaluate } from './evaluator.ts';
import type { BaseNote, BaseOptions, LinkValue } from './types.ts';
import { EvalError, fromProperty, type Value } from './values.ts';

/** Told of a mistake met while evaluating; the value is then empty. */
export type ReportError = (compiled: Compiled, message: string, note: BaseNote | undefined) => void;

const withoutFragment = (target: string) => target.replace(/[#^].*$/, '').trim();

/** Obsidian's way when no resolver is given: a path (with or without `.md`), else a name, the shortest path first. */
function defaultResolver(notes: readonly BaseNote[]): (target: string) => BaseNote | undefined {
  const byPath = new Map<string, BaseNote>();
  const byName = new Map<string, BaseNote>();
  const shortestFirst = [...notes].sort((a, b) => a.path.length - b.path.length || a.path.localeCompare(b.path));
  for (const note of shortestFirst) {
    const path = note.path.toLowerCase();
    byPath.set(path, note);
    if (note.ext === 'md') byPath.set(path.slice(0, -3), note);
    const name = note.name.toLowerCase();
    if (!byName.has(name)) byName.set(name, note);
  }
  return (target) => {
    const key = target.toLowerCase().replace(/^\/+/, '');
    return byPath.get(key) ?? (key.includes('/') ? undefined : byName.get(key.replace(/\.md$/, '')));
  };
}

export function createEnv(notes: readonly BaseNote[], options: BaseOptions, formulas: Map<string, Compiled>, report: ReportError): Env {
  const byExactPath = new Map(notes.map((note) => [note.path as string, note]));
  let fallback: ((target: string) => BaseNote | undefined) | undefined;
  const noteFor = (target: string, from: VaultPath): BaseNote | undefined => {
    const clean = withoutFragment(target);
    if (!clean) return undefined;
    const exact = byExactPath.get(clean);
    if (exact) return exact;
    // A resolver may name a note that is not one of the base's (a private one): that is no note here.
    if (options.resolve) {
      const path = options.resolve(clean, from);
      return path === undefined ? undefined : byExactPath.get(path);
    }
    fallback ??= defaultResolver(notes);
    return fallback(clean);
  };
  const resolveLink = (link: LinkValue, from: VaultPath): LinkValue => {
    if (link.external || link.path) return link;
    const note = noteFor(link.target, from);
    return note ? { ...link, path: note.path, href: note.href } : link;
  };

  const properties = new WeakMap<BaseNote, Map<string, Value>>();
  const property = (note: BaseNote, name: string): Value => {
    let cache = properties.get(note);
    if (!cache) properties.set(note, (cache = new Map()));
    if (cache.has(name)) return cache.get(name)!;
    // Obsidian's property names ignore case: `Status` is `status`.
    const key = Object.hasOwn(note.properties, name) ? name : Object.keys(note.properties).find((k) => k.toLowerCase() === name.toLowerCase());
    const value = key === undefined ? null : fromProperty(note.properties[key], (link) => resolveLink(link, note.path));
    cache.set(name, value);
    return value;
  };

  const computed = new WeakMap<BaseNote, Map<string, Value>>();
  const running = new Set<string>();
  const env: Env = {
    now: (options.now ?? new Date()).getTime(),
    noteFor,
    resolveLink,
    property,
    formula(name: string, scope: Scope): Value {
      const formula = formulas.get(name);
      if (!formula?.expr || formula.broken) return null;
      const owner = scope.note ?? scope.thisFile;
      let cache = computed.get(owner);
      if (!cache) computed.set(owner, (cache = new Map()));
      if (cache.has(name)) return cache.get(name)!;
      const key = `${owner.path}\u0000${name}`;
      if (running.has(key)) throw new EvalError(`formula “${name}” refers to itself`);
      running.add(key);
      let value: Value = null;
      try {
        value = evaluate(formula.expr, { note: scope.note ?? scope.thisFile, thisFile: scope.thisFile }, env);
      } catch (error) {
        if (!(error instanceof EvalError)) throw error;
        report(formula, error.message, scope.note);
      } finally {
        running.delete(key);
      }
      cache.set(name, value);
      return value;
    },
  };
  return env;
}
