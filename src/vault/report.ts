import { formatProblem } from './problems.ts';
import type { Problem, Vault } from './types.ts';

/** `1 note`, `2 notes`, `1,024 notes`. */
const count = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** How many problems of one kind the report shows before it counts the rest. */
const SHOWN_PER_RULE = 5;

/** Problems of one severity, grouped by rule in the order each rule first came up. */
function grouped(problems: readonly Problem[], all: boolean): { lines: string[]; cut: boolean } {
  const byRule = new Map<string, Problem[]>();
  for (const problem of problems) {
    const list = byRule.get(problem.rule);
    if (list) list.push(problem);
    else byRule.set(problem.rule, [problem]);
  }
  const lines: string[] = [];
  let cut = false;
  for (const [rule, list] of byRule) {
    const shown = all ? list : list.slice(0, SHOWN_PER_RULE);
    lines.push(...shown.map((p) => `  ${formatProblem(p)}`));
    if (shown.length < list.length) {
      lines.push(`  … and ${(list.length - shown.length).toLocaleString('en')} more [${rule}]`);
      cut = true;
    }
  }
  return { lines, cut };
}

export interface Report {
  text: string;
  /** Some problems were counted rather than shown: the caller says where the whole list is. */
  cut: boolean;
}

/**
 * The few lines every build ends with: what was read, what was written, and
 * the problems with their places, a few of each kind (`all` for every one).
 */
export function formatReport(vault: Vault, options: { all?: boolean } = {}): Report {
  const { stats, problems } = vault;
  const all = options.all ?? false;
  const services = vault.services.reduce((n, c) => n + c.services.length, 0);
  const redirects = vault.redirects.length ? ` and ${count(vault.redirects.length, 'redirect')}` : '';
  const lines = [
    `Quire: ${count(stats.notesRead, 'note')} read: ${stats.notesPublished.toLocaleString('en')} published, ${stats.notesPrivate.toLocaleString('en')} private, ${stats.notesUnreadable.toLocaleString('en')} unreadable`,
    `Quire: ${count(stats.pagesWritten, 'page')}${redirects} (${count(vault.books.length, 'book')}, ${count(services, 'service')}, ${count(vault.stubs.length, 'stub')} for missing notes, ${count(vault.tags.length, 'tag')})`,
    `Quire: ${count(stats.links, 'link')}: ${stats.linksResolved.toLocaleString('en')} resolved, ${stats.linksToStubs.toLocaleString('en')} to stubs, ${stats.linksToPrivate.toLocaleString('en')} to unpublished notes (shown as text)`,
  ];
  let cut = false;
  for (const [severity, one, many] of [
    ['fatal', 'problem that stops the build', 'problems that stop the build'],
    ['error', 'error', 'errors'],
    ['warning', 'warning', 'warnings'],
  ] as const) {
    const these = problems.filter((p) => p.severity === severity);
    if (!these.length) continue;
    const group = grouped(these, all);
    lines.push(`Quire: ${count(these.length, one, many)}:`, ...group.lines);
    cut ||= group.cut;
  }
  if (!problems.length) lines.push('Quire: no problems found');
  return { text: lines.join('\n'), cut };
}

/** Every problem, one a line, for the file a cut report points to. */
export function problemList(vault: Vault): string {
  return `${vault.problems.map(formatProblem).join('\n')}\n`;
}
