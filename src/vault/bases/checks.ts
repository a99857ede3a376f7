/**
 * What can be known of an expression before evaluating it: whether it uses
 * something Quire does not support, and which formulas it refers to.
 */
import { didYouMean } from '../problems.ts';
import { GLOBAL_FUNCTIONS, UNSUPPORTED_FUNCTIONS } from './functions.ts';
import { METHOD_NAMES } from './methods.ts';
import type { Expr } from './parser.ts';

export interface ExprFacts {
  /** Why Quire cannot evaluate the expression, if it cannot. */
  unsupported?: string;
  /** `formula.x` it uses. */
  formulas: Set<string>;
}

/** `file.*` fields a base may name that Quire cannot give; none at present. */
const UNAVAILABLE_FILE_FIELDS: Record<string, string> = {};

const FUNCTION_NAMES = ['if', ...Object.keys(GLOBAL_FUNCTIONS)];

function letterCounts(word: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const letter of word.toLowerCase()) counts.set(letter, (counts.get(letter) ?? 0) + 1);
  return counts;
}

/**
 * A close name, for “did you mean”: one the author probably mistyped, with
 * the same letters swapped or one letter more, less or changed (`daet` for
 * `date`), not merely a short word a couple of edits away (`nope` for `now`).
 */
export function suggest(wanted: string, names: Iterable<string>): string | undefined {
  const close = didYouMean(wanted, names);
  if (close === undefined) return undefined;
  const a = letterCounts(wanted);
  const b = letterCounts(close);
  let apart = 0;
  for (const letter of new Set([...a.keys(), ...b.keys()])) apart += Math.abs((a.get(letter) ?? 0) - (b.get(letter) ?? 0));
  return apart <= 2 ? close : undefined;
}

function children(expr: Expr): Expr[] {
  switch (expr.type) {
    case 'member':
      return [expr.object];
    case 'index':
      return [expr.object, expr.index];
    case 'call':
      return [expr.callee, ...expr.args];
    case 'unary':
      return [expr.operand];
    case 'binary':
      return [expr.left, expr.right];
    case 'list':
      return expr.items;
    case 'object':
      return expr.entries.map(([, item]) => item);
    default:
      return [];
  }
}

function unsupportedCall(expr: Extract<Expr, { type: 'call' }>): string | undefined {
  const { callee } = expr;
  if (callee.type === 'name') {
    if (FUNCTION_NAMES.includes(callee.name)) return undefined;
    const why = UNSUPPORTED_FUNCTIONS[callee.name];
    if (why) return `Quire does not support ${callee.name}(): ${why}`;
    const close = suggest(callee.name, FUNCTION_NAMES);
    return `there is no function “${callee.name}()”${close ? ` (did you mean “${close}()”?)` : ''}`;
  }
  if (callee.type === 'member' && !METHOD_NAMES.has(callee.name)) {
    const close = suggest(callee.name, METHOD_NAMES);
    return `Quire does not support the method “${callee.name}()”${close ? ` (did you mean “${close}()”?)` : ''}`;
  }
  return undefined;
}

function unsupportedHere(expr: Expr): string | undefined {
  if (expr.type === 'call') return unsupportedCall(expr);
  if (expr.type === 'member' && expr.object.type === 'name' && expr.object.name === 'file') return UNAVAILABLE_FILE_FIELDS[expr.name];
  if (expr.type === 'regexp') {
    try {
      new RegExp(expr.source, expr.flags);
    } catch {
      return `/${expr.source}/${expr.flags} is not a valid regular expression`;
    }
  }
  return undefined;
}

function formulaName(expr: Expr): string | undefined {
  if (expr.type === 'member' && expr.object.type === 'name' && expr.object.name === 'formula') return expr.name;
  if (expr.type === 'index' && expr.object.type === 'name' && expr.object.name === 'formula' && expr.index.type === 'literal') return String(expr.index.value);
  return undefined;
}

export function inspect(root: Expr): ExprFacts {
  const facts: ExprFacts = { formulas: new Set() };
  const stack = [root];
  while (stack.length) {
    const expr = stack.pop()!;
    if (facts.unsupported === undefined) {
      const unsupported = unsupportedHere(expr);
      if (unsupported !== undefined) facts.unsupported = unsupported;
    }
    const formula = formulaName(expr);
    if (formula !== undefined) facts.formulas.add(formula);
    stack.push(...[...children(expr)].reverse());
  }
  return facts;
}
