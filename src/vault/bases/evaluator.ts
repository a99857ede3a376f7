/**
 * Evaluates a parsed expression for one note. Bare names are the note's
 * properties (`price`), `note.x` too; `file` is the note as a file, `this` the
 * file the base is shown in, `formula.x` another formula of the base.
 */
import type { Env, Scope } from './context.ts';
import { durationField } from './dates.ts';
import { fileField } from './file-values.ts';
import { GLOBAL_FUNCTIONS } from './functions.ts';
import { callMethod, isLazyMethod, LAZY_LIST_METHODS } from './methods.ts';
import { binary, unary } from './operators.ts';
import type { Expr } from './parser.ts';
import { EvalError, isKind, isList, isTruthy, toText, type Value } from './values.ts';

const DATE_FIELDS: Record<string, (d: Date) => number> = {
  year: (d) => d.getUTCFullYear(),
  month: (d) => d.getUTCMonth() + 1,
  day: (d) => d.getUTCDate(),
  hour: (d) => d.getUTCHours(),
  minute: (d) => d.getUTCMinutes(),
  second: (d) => d.getUTCSeconds(),
  millisecond: (d) => d.getUTCMilliseconds(),
};

export function evaluate(expr: Expr, scope: Scope, env: Env): Value {
  switch (expr.type) {
    case 'literal':
      return expr.value;
    case 'regexp':
      try {
        return { kind: 'regexp', regexp: new RegExp(expr.source, expr.flags) };
      } catch {
        throw new EvalError(`/${expr.source}/ is not a valid regular expression`);
      }
    case 'list':
      return expr.items.map((item) => evaluate(item, scope, env));
    case 'object':
      return { kind: 'object', fields: Object.fromEntries(expr.entries.map(([key, item]) => [key, evaluate(item, scope, env)])) };
    case 'name':
      return nameValue(expr.name, scope, env);
    case 'member': {
      const named = special(expr.object, expr.name, scope, env);
      return named !== undefined ? named : member(evaluate(expr.object, scope, env), expr.name, env);
    }
    case 'index':
      return index(expr, scope, env);
    case 'call':
      return call(expr, scope, env);
    case 'unary':
      return unary(expr.op, evaluate(expr.operand, scope, env));
    case 'binary': {
      const left = evaluate(expr.left, scope, env);
      if (expr.op === '&&') return isTruthy(left) && isTruthy(evaluate(expr.right, scope, env));
      if (expr.op === '||') return isTruthy(left) || isTruthy(evaluate(expr.right, scope, env));
      return binary(expr.op, left, evaluate(expr.right, scope, env));
    }
  }
}

const isLocal = (name: string, scope: Scope) => scope.locals !== undefined && Object.hasOwn(scope.locals, name);

function nameValue(name: string, scope: Scope, env: Env): Value {
  if (isLocal(name, scope)) return scope.locals![name]!;
  switch (name) {
    case 'file':
      return scope.note ? { kind: 'file', note: scope.note } : null;
    case 'this':
      return { kind: 'file', note: scope.thisFile };
    case 'note':
      return scope.note ? fileField({ kind: 'file', note: scope.note }, 'properties', env) : null;
    case 'formula':
      throw new EvalError('write formula.name to use a formula');
  }
  return scope.note ? env.property(scope.note, name) : null;
}

/** `note.x` and `formula.x` (or `note["x"]`): a property or a formula by name, not a field of a value. */
function special(object: Expr, name: string, scope: Scope, env: Env): Value | undefined {
  if (object.type !== 'name' || isLocal(object.name, scope)) return undefined;
  if (object.name === 'formula') return env.formula(name, scope);
  if (object.name === 'note') return scope.note ? env.property(scope.note, name) : null;
  return undefined;
}

function member(value: Value, name: string, env: Env): Value {
  if (value === null) return null;
  if (isKind(value, 'file')) return fileField(value, name, env);
  if ((typeof value === 'string' || isList(value)) && name === 'length') return value.length;
  if (isKind(value, 'date') && DATE_FIELDS[name]) return DATE_FIELDS[name](new Date(value.ms));
  if (isKind(value, 'duration')) return durationField(value, name) ?? null;
  if (isKind(value, 'object')) return Object.hasOwn(value.fields, name) ? value.fields[name]! : null;
  return null;
}

function index(expr: Extract<Expr, { type: 'index' }>, scope: Scope, env: Env): Value {
  const key = evaluate(expr.index, scope, env);
  if (typeof key === 'string') {
    const named = special(expr.object, key, scope, env);
    if (named !== undefined) return named;
  }
  const value = evaluate(expr.object, scope, env);
  if ((isList(value) || typeof value === 'string') && typeof key === 'number') {
    const item = value[key < 0 ? value.length + key : key];
    return item ?? null;
  }
  return member(value, toText(key), env);
}

function call(expr: Extract<Expr, { type: 'call' }>, scope: Scope, env: Env): Value {
  const { callee, args } = expr;
  if (callee.type === 'name' && !isLocal(callee.name, scope)) {
    if (callee.name === 'if') {
      if (args.length < 2) throw new EvalError('if() needs a condition and a value');
      const taken = isTruthy(evaluate(args[0]!, scope, env)) ? args[1] : args[2];
      return taken ? evaluate(taken, scope, env) : null;
    }
    const fn = GLOBAL_FUNCTIONS[callee.name];
    if (!fn) throw new EvalError(`there is no function “${callee.name}()”`);
    return fn(args.map((arg) => evaluate(arg, scope, env)), env, scope);
  }
  if (callee.type !== 'member') throw new EvalError('only functions and methods can be called');
  const self = evaluate(callee.object, scope, env);
  if (isList(self) && isLazyMethod(callee.name)) {
    const evaluateWith = (item: Expr, locals: Record<string, Value>) => evaluate(item, { ...scope, locals: { ...scope.locals, ...locals } }, env);
    return LAZY_LIST_METHODS[callee.name]!(self, args, evaluateWith, isTruthy);
  }
  return callMethod(self, callee.name, args.map((arg) => evaluate(arg, scope, env)), env, scope);
}
