/**
 * Evaluating a base's expressions for a note without letting a mistake stop
 * the build: a filter that fails does not match, a value that fails is empty,
 * and the mistake is reported once.
 */
import type { Compiled, CompiledFilter } from './compile.ts';
import type { Env, Scope } from './context.ts';
import type { ReportError } from './environment.ts';
import { evaluate } from './evaluator.ts';
import { EvalError, isTruthy, type Value } from './values.ts';

export function evaluateSafely(compiled: Compiled, scope: Scope, env: Env, report: ReportError): Value {
  if (!compiled.expr || compiled.broken) return null;
  try {
    return evaluate(compiled.expr, scope, env);
  } catch (error) {
    if (!(error instanceof EvalError)) throw error;
    report(compiled, error.message, scope.note);
    return null;
  }
}

/**
 * Whether a note passes a filter. `and` needs every item, `or` one of them,
 * `not` none of them (Obsidian's “none of the following are true”); a group
 * without items lets every note through.
 */
export function passes(filter: CompiledFilter | undefined, scope: Scope, env: Env, report: ReportError): boolean {
  if (!filter) return true;
  switch (filter.kind) {
    case 'expr':
      return isTruthy(evaluateSafely(filter.compiled, scope, env, report));
    case 'and':
      return filter.items.every((item) => passes(item, scope, env, report));
    case 'or':
      return filter.items.length === 0 || filter.items.some((item) => passes(item, scope, env, report));
    case 'not':
      return !filter.items.some((item) => passes(item, scope, env, report));
  }
}
