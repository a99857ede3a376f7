/**
 * Runs one view over the base's notes: filters, then sort, limit, groups,
 * columns and summaries, as plain data for the renderer.
 */
import type { CompiledBase, CompiledFilter } from './compile.ts';
import type { SortSpec, ViewSpec } from './config.ts';
import type { Env, Scope } from './context.ts';
import type { ReportError } from './environment.ts';
import { fileField } from './file-values.ts';
import { evaluateSafely, passes } from './filters.ts';
import { builtInSummary } from './summaries.ts';
import type { BaseGroup, BaseNote, BaseSummary, BaseView } from './types.ts';
import { compare, fileLink, isEmptyValue, isKind, toCell, toText, typeOf, type Value } from './values.ts';

export interface QueryContext {
  base: CompiledBase;
  displayNames: Map<string, string>;
  env: Env;
  thisFile: BaseNote;
  notes: readonly BaseNote[];
  /** Whether a note passes the base's own filters (worked out once for every view). */
  inBase: (note: BaseNote) => boolean;
  report: ReportError;
}

/** A row while the view is worked out: its note and each property's value, computed when first asked for. */
interface Row {
  scope: Scope & { note: BaseNote };
  values: Map<string, Value>;
}

/** What a property shows for a note. `file.name` is the note's link, as in Obsidian's tables. */
function propertyValue(key: string, scope: Scope & { note: BaseNote }, env: Env): Value {
  const dot = key.indexOf('.');
  const prefix = key.slice(0, dot);
  const name = key.slice(dot + 1);
  if (key === 'file.name' || key === 'file.file') return fileLink(scope.note, scope.note.name);
  if (prefix === 'file') return fileField({ kind: 'file', note: scope.note }, name, env);
  if (prefix === 'formula') return env.formula(name, scope);
  return env.property(scope.note, name);
}

function valueOf(row: Row, key: string, env: Env): Value {
  if (!row.values.has(key)) row.values.set(key, propertyValue(key, row.scope, env));
  return row.values.get(key)!;
}

export function columnLabel(key: string, displayNames: Map<string, string>): string {
  const named = displayNames.get(key);
  if (named !== undefined) return named;
  if (key.startsWith('note.') || key.startsWith('formula.')) return key.slice(key.indexOf('.') + 1);
  return key.replace('.', ' ');
}

const TYPE_RANK = ['boolean', 'number', 'duration', 'date', 'string', 'link', 'file', 'list', 'object', 'image', 'regexp'];

/** The sort order of two values; empty values go last whichever the direction. */
function sortOrder(a: Value, b: Value, direction: SortSpec['direction']): number {
  const emptyA = isEmptyValue(a);
  const emptyB = isEmptyValue(b);
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  let order = compare(a, b);
  if (order === undefined || Number.isNaN(order)) {
    order = TYPE_RANK.indexOf(typeOf(a)) - TYPE_RANK.indexOf(typeOf(b)) || toText(a).localeCompare(toText(b), 'en', { numeric: true });
  }
  return Math.sign(order) * (direction === 'DESC' ? -1 : 1);
}

const nameOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function sortRows(rows: Row[], sort: SortSpec[], env: Env): void {
  // Without a sort, notes come by name, as a reader looks for them.
  const keys: SortSpec[] = sort.length ? sort : [{ property: 'file.name', direction: 'ASC' }];
  rows.sort((a, b) => {
    for (const { property, direction } of keys) {
      const order = sortOrder(valueOf(a, property, env), valueOf(b, property, env), direction);
      if (order) return order;
    }
    // Ties keep the order of names, then of paths, so that a build always gives the same page.
    return nameOrder.compare(a.scope.note.name, b.scope.note.name) || (a.scope.note.path < b.scope.note.path ? -1 : a.scope.note.path > b.scope.note.path ? 1 : 0);
  });
}

const groupKey = (value: Value): string =>
  isEmptyValue(value) ? '' : `${typeOf(value)}:${isKind(value, 'date') ? value.ms : isKind(value, 'link') ? (value.path ?? value.target) : toText(value)}`;

function groupRows(rows: Row[], spec: SortSpec | undefined, env: Env): { key?: Value; rows: Row[] }[] {
  if (!spec) return [{ rows }];
  const groups = new Map<string, { key: Value; rows: Row[] }>();
  for (const row of rows) {
    const value = valueOf(row, spec.property, env);
    const key = groupKey(value);
    const group = groups.get(key) ?? { key: value, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => sortOrder(a.key, b.key, spec.direction));
}

function summarise(spec: ViewSpec, rows: Row[], context: QueryContext): BaseSummary[] {
  const summaries: BaseSummary[] = [];
  for (const [key, name] of spec.summaries) {
    const values = rows.map((row) => valueOf(row, key, context.env));
    const builtIn = builtInSummary(name);
    if (builtIn) {
      summaries.push({ key, name: builtIn[0], value: toCell(builtIn[1](values)) });
      continue;
    }
    const custom = context.base.summaries.get(name);
    if (!custom) continue;
    const value = evaluateSafely(custom, { thisFile: context.thisFile, locals: { values } }, context.env, context.report);
    summaries.push({ key, name, value: toCell(value) });
  }
  return summaries;
}

export function runView(spec: ViewSpec, viewFilter: CompiledFilter | undefined, context: QueryContext): BaseView {
  const { env, report } = context;
  const rows: Row[] = [];
  for (const note of context.notes) {
    const scope = { note, thisFile: context.thisFile };
    if (context.inBase(note) && passes(viewFilter, scope, env, report)) rows.push({ scope, values: new Map() });
  }
  sortRows(rows, spec.sort, env);
  const shown = spec.limit === undefined ? rows : rows.slice(0, spec.limit);
  const toRow = (row: Row) => ({
    note: { title: row.scope.note.title, href: row.scope.note.href, path: row.scope.note.path },
    cells: spec.order.map((key) => toCell(valueOf(row, key, env))),
    ...(spec.image ? { image: toCell(valueOf(row, spec.image, env)) } : {}),
  });
  const groups: BaseGroup[] = groupRows(shown, spec.groupBy, env).map((group) => ({
    ...(group.key === undefined ? {} : { key: toCell(group.key) }),
    rows: group.rows.map(toRow),
  }));
  return {
    name: spec.name,
    type: spec.type,
    columns: spec.order.map((key) => ({ key, label: columnLabel(key, context.displayNames) })),
    groups,
    summaries: summarise(spec, shown, context),
    sort: spec.sort.map(({ property, direction }) => ({ key: property, direction })),
    total: rows.length,
    limitApplied: shown.length < rows.length,
  };
}
