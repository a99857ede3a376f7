/**
 * Parses every expression of a base once, and works out what each view needs:
 * the filters, formulas (followed through formulas they use) and summaries.
 * A view that needs an expression Quire cannot evaluate is not run.
 */
import { inspect } from './checks.ts';
import type { BaseConfig, FilterSpec, Located, ViewSpec } from './config.ts';
import { parseExpression, type Expr } from './parser.ts';
import { SyntaxProblem } from './tokenizer.ts';

export interface Compiled extends Located {
  /** Where the expression stands, for messages: `filter`, `formula “ppu”`, `summary “Total”`. */
  role: string;
  expr?: Expr;
  /** Why it cannot be evaluated: a syntax error, something unsupported, a circular formula. */
  broken?: string;
  formulas: Set<string>;
}

export type CompiledFilter = { kind: 'expr'; compiled: Compiled } | { kind: 'and' | 'or' | 'not'; items: CompiledFilter[] };

export interface CompiledBase {
  filters?: CompiledFilter;
  formulas: Map<string, Compiled>;
  summaries: Map<string, Compiled>;
  /** Formula names used but never defined, with where they were used. */
  missingFormulas: Map<string, Compiled>;
}

export function compileExpression(located: Located, role: string): Compiled {
  try {
    const expr = parseExpression(located.text);
    const facts = inspect(expr);
    return { ...located, role, expr, formulas: facts.formulas, ...(facts.unsupported ? { broken: facts.unsupported } : {}) };
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    return { ...located, role, broken: `${error.message} (at character ${error.offset + 1})`, formulas: new Set() };
  }
}

export function compileFilter(spec: FilterSpec): CompiledFilter {
  if (spec.kind === 'expr') return { kind: 'expr', compiled: compileExpression(spec, 'filter') };
  return { kind: spec.kind, items: spec.items.map(compileFilter) };
}

export function filterExpressions(filter: CompiledFilter | undefined): Compiled[] {
  if (!filter) return [];
  return filter.kind === 'expr' ? [filter.compiled] : filter.items.flatMap(filterExpressions);
}

/** Marks formulas that refer to themselves, directly or through others, as broken. */
function breakCycles(formulas: Map<string, Compiled>): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, trail: string[]): void => {
    const formula = formulas.get(name);
    if (!formula || state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(name)), name];
      for (const member of cycle) {
        const looped = formulas.get(member)!;
        looped.broken ??= `formula “${member}” refers to itself (${cycle.join(' → ')})`;
      }
      return;
    }
    state.set(name, 'visiting');
    for (const used of formula.formulas) visit(used, [...trail, name]);
    state.set(name, 'done');
  };
  for (const name of formulas.keys()) visit(name, []);
}

export function compileBase(config: BaseConfig): CompiledBase {
  const formulas = new Map([...config.formulas].map(([name, located]) => [name, compileExpression(located, `formula “${name}”`)]));
  breakCycles(formulas);
  const summaries = new Map([...config.summaries].map(([name, located]) => [name, compileExpression(located, `summary “${name}”`)]));
  const compiled: CompiledBase = { formulas, summaries, missingFormulas: new Map() };
  if (config.filters) compiled.filters = compileFilter(config.filters);
  for (const expression of [...filterExpressions(compiled.filters), ...formulas.values(), ...summaries.values()]) {
    for (const name of expression.formulas) if (!formulas.has(name) && !compiled.missingFormulas.has(name)) compiled.missingFormulas.set(name, expression);
  }
  return compiled;
}

/** The properties a view reads: its columns, sort, grouping, cover image and summaries. */
export function viewProperties(view: ViewSpec): string[] {
  return [...view.order, ...view.sort.map((s) => s.property), ...(view.groupBy ? [view.groupBy.property] : []), ...(view.image ? [view.image] : []), ...view.summaries.keys()];
}

/** Every expression a view evaluates, formulas followed through the formulas they use. */
export function viewExpressions(view: ViewSpec, viewFilter: CompiledFilter | undefined, base: CompiledBase): Compiled[] {
  const found = new Set<Compiled>([...filterExpressions(base.filters), ...filterExpressions(viewFilter)]);
  const pending = [...found];
  const addFormula = (name: string) => {
    const formula = base.formulas.get(name);
    if (formula && !found.has(formula)) {
      found.add(formula);
      pending.push(formula);
    }
  };
  for (const property of viewProperties(view)) if (property.startsWith('formula.')) addFormula(property.slice('formula.'.length));
  for (const summary of view.summaries.values()) {
    const custom = base.summaries.get(summary);
    if (custom && !found.has(custom)) {
      found.add(custom);
      pending.push(custom);
    }
  }
  while (pending.length) for (const name of pending.pop()!.formulas) addFormula(name);
  return [...found];
}
