/**
 * A base, from its YAML to the data of each of its views, with every mistake
 * in it reported as a problem naming the file, line, view and expression.
 */
import type { Href, VaultPath } from '../types.ts';
import { suggest } from './checks.ts';
import { compileBase, compileFilter, viewExpressions, viewProperties, type Compiled, type CompiledBase } from './compile.ts';
import { parseConfig, type BaseConfig, type ViewSpec } from './config.ts';
import { createEnv, type ReportError } from './environment.ts';
import { passes } from './filters.ts';
import { columnLabel, runView, type QueryContext } from './query.ts';
import { builtInSummary, BUILT_IN_SUMMARIES } from './summaries.ts';
import type { BaseNote, BaseOptions, BaseProblem, BaseResult, BaseSource, BaseView } from './types.ts';

const VIEW_TYPES = ['table', 'cards', 'list'];
/** Columns a view may show that Quire cannot give; none at present. */
const UNAVAILABLE_COLUMNS: Record<string, string> = {};

/** `this` for a `.base` file shown on its own page: the base file itself. */
function baseFile(path: VaultPath): BaseNote {
  const file = path.slice(path.lastIndexOf('/') + 1);
  const dot = file.lastIndexOf('.');
  return {
    path,
    name: dot > 0 ? file.slice(0, dot) : file,
    ext: dot > 0 ? file.slice(dot + 1) : '',
    folder: path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '',
    title: dot > 0 ? file.slice(0, dot) : file,
    href: '' as Href,
    tags: [],
    links: [],
    properties: {},
  };
}

const quoteViews = (names: string[]) => (names.length === 1 ? `view “${names[0]}”` : `views ${names.map((n) => `“${n}”`).join(', ')}`);

interface Blocker {
  expression: string;
  /** `filter`, `formula “ppu”`: where the expression stands, when it is one. */
  role?: string;
  message: string;
  hint?: string;
  line: number;
}

/** The first thing that keeps a view from being shown as written, if any. */
function blockerOf(spec: ViewSpec, expressions: Compiled[]): Blocker | undefined {
  if (!VIEW_TYPES.includes(spec.type)) {
    return { expression: `type: ${spec.type}`, message: `“${spec.type}” views are not supported yet`, hint: 'Quire shows table, cards and list views', line: spec.line };
  }
  const column = viewProperties(spec).find((key) => UNAVAILABLE_COLUMNS[key]);
  if (column) return { expression: column, message: UNAVAILABLE_COLUMNS[column]!, line: spec.line };
  const broken = expressions.find((compiled) => compiled.broken);
  return broken ? { expression: broken.text, role: broken.role, message: broken.broken!, line: broken.line } : undefined;
}

function emptyView(spec: ViewSpec, config: BaseConfig, blocker: Blocker): BaseView {
  return {
    name: spec.name,
    type: spec.type,
    columns: spec.order.map((key) => ({ key, label: columnLabel(key, config.displayNames) })),
    groups: [],
    summaries: [],
    sort: [],
    total: 0,
    limitApplied: false,
    unsupported: { expression: blocker.expression, message: blocker.message },
  };
}

/** Names a view uses that the base does not define: formulas in its columns, summaries. */
function missingNames(spec: ViewSpec, compiled: CompiledBase): { line: number; message: string; hint?: string }[] {
  const found: { line: number; message: string; hint?: string }[] = [];
  const formulaNames = [...compiled.formulas.keys()];
  for (const key of new Set(viewProperties(spec))) {
    const name = key.startsWith('formula.') ? key.slice('formula.'.length) : undefined;
    if (name === undefined || compiled.formulas.has(name)) continue;
    const close = suggest(name, formulaNames);
    found.push({ line: spec.line, message: `view “${spec.name}”: there is no formula “${name}”; its column stays empty`, ...(close ? { hint: `did you mean “${close}”?` } : {}) });
  }
  for (const [key, name] of spec.summaries) {
    if (builtInSummary(name) || compiled.summaries.has(name)) continue;
    const close = suggest(name, [...Object.keys(BUILT_IN_SUMMARIES), ...compiled.summaries.keys()]);
    found.push({ line: spec.line, message: `view “${spec.name}”: “${key}” asks for the summary “${name}”, which neither Quire nor the base defines`, ...(close ? { hint: `did you mean “${close}”?` } : {}) });
  }
  return found;
}

/**
 * Evaluates a base over the notes it may show: pass only published notes, and
 * no other note can appear in it. Never throws on what the base says.
 */
export function evaluateBase(source: BaseSource, notes: readonly BaseNote[], options: BaseOptions = {}): BaseResult {
  const offset = (source.firstLine ?? 1) - 1;
  const problems: BaseProblem[] = [];
  const problem = (line: number, message: string, hint?: string) =>
    problems.push({ rule: 'bad-base', file: source.path, line: line + offset, message, severity: 'warning', ...(hint ? { hint } : {}) });

  const parsed = parseConfig(source.text);
  for (const found of parsed.problems) problem(found.line, found.message);
  const config = parsed.config;
  if (!config) return { views: [], problems };

  const compiled = compileBase(config);
  for (const [name, usedIn] of compiled.missingFormulas) {
    const close = suggest(name, [...compiled.formulas.keys()]);
    problem(usedIn.line, `${usedIn.role} \`${usedIn.text}\`: there is no formula “${name}”; it is empty`, close ? `did you mean “${close}”?` : undefined);
  }

  let currentView = '';
  const reported = new Set<Compiled>();
  const report: ReportError = (expression, message, note) => {
    if (reported.has(expression)) return;
    reported.add(expression);
    problem(expression.line, `view “${currentView}”: ${expression.role} \`${expression.text}\`: ${message}${note ? ` (for “${note.path}”)` : ''}`);
  };
  const thisFile = source.thisFile ?? baseFile(source.path);
  const env = createEnv(notes, options, compiled.formulas, report);
  const matched = new Map<BaseNote, boolean>();
  const context: QueryContext = {
    base: compiled,
    displayNames: config.displayNames,
    env,
    thisFile,
    notes,
    report,
    inBase: (note) => {
      if (!matched.has(note)) matched.set(note, passes(compiled.filters, { note, thisFile }, env, report));
      return matched.get(note)!;
    },
  };

  const blocked = new Map<string, { blocker: Blocker; views: string[] }>();
  const views = config.views.map((spec) => {
    const viewFilter = spec.filters ? compileFilter(spec.filters) : undefined;
    const blocker = blockerOf(spec, viewExpressions(spec, viewFilter, compiled));
    for (const missing of missingNames(spec, compiled)) problem(missing.line, missing.message, missing.hint);
    if (blocker) {
      const key = `${blocker.line}\u0000${blocker.expression}\u0000${blocker.message}`;
      const entry = blocked.get(key) ?? { blocker, views: [] };
      entry.views.push(spec.name);
      blocked.set(key, entry);
      return emptyView(spec, config, blocker);
    }
    currentView = spec.name;
    return runView(spec, viewFilter, context);
  });

  for (const { blocker, views: names } of blocked.values()) {
    const what = blocker.role ? `${blocker.role} \`${blocker.expression}\`` : `\`${blocker.expression}\``;
    problem(blocker.line, `${quoteViews(names)}: ${what}: ${blocker.message}; the view is not shown`, blocker.hint);
  }
  // A broken formula or summary no view uses is still a mistake in the file.
  const blockedTexts = new Set([...blocked.values()].map((entry) => entry.blocker.expression));
  for (const expression of [...compiled.formulas.values(), ...compiled.summaries.values()]) {
    if (expression.broken && !blockedTexts.has(expression.text)) problem(expression.line, `${expression.role} \`${expression.text}\`: ${expression.broken}`);
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { views, problems };
}
