/** Runs one expression the way a base does, as a formula shown in a table, for the note under test. */
import { evaluateBase } from '../../../src/vault/bases/base.ts';
import type { BaseNote, BaseOptions, BaseProblem, BaseResult, CellValue } from '../../../src/vault/bases/types.ts';
import type { VaultPath } from '../../../src/vault/types.ts';
import { note } from './notes.ts';

export const NOW = new Date('2025-01-15T12:00:00Z');

export function runBase(yaml: string, notes: readonly BaseNote[], options: BaseOptions & { path?: string; thisFile?: BaseNote; firstLine?: number } = {}): BaseResult {
  const { path = 'Test.base', thisFile, firstLine, ...rest } = options;
  return evaluateBase(
    { path: path as VaultPath, text: yaml, ...(thisFile ? { thisFile } : {}), ...(firstLine ? { firstLine } : {}) },
    notes,
    { now: NOW, ...rest },
  );
}

/** The value of `expression` for `subject`, with `others` in the vault too. */
export function valueOf(expression: string, subject: BaseNote = note('Note.md'), others: readonly BaseNote[] = [], options: BaseOptions = {}): { value: CellValue; problems: BaseProblem[] } {
  const yaml = [
    'formulas:',
    `  x: ${JSON.stringify(expression)}`,
    'views:',
    '  - type: table',
    '    name: Test',
    `    filters: ${JSON.stringify(`file.path == ${JSON.stringify(subject.path)}`)}`,
    '    order: [formula.x]',
  ].join('\n');
  const result = runBase(yaml, [subject, ...others], options);
  const row = result.views[0]?.groups[0]?.rows[0];
  if (!row) throw new Error(`no row: ${JSON.stringify(result)}`);
  return { value: row.cells[0]!, problems: result.problems };
}

/** The value alone, failing the test when evaluating it reported a problem. */
export function value(expression: string, subject?: BaseNote, others?: readonly BaseNote[]): CellValue {
  const { value: found, problems } = valueOf(expression, subject, others);
  if (problems.length) throw new Error(problems.map((p) => p.message).join('\n'));
  return found;
}

/** The titles of a view's rows, group by group. */
export const titles = (result: BaseResult, view = 0): string[] =>
  result.views[view]!.groups.flatMap((group) => group.rows.map((row) => row.note.title));
