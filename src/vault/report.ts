import { formatProblem } from './problems.ts';
import type { Problem, Vault } from './types.ts';

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
  const lines = [
    `Quire: ${stats.notesRead} notes read: ${stats.notesPublished} published, ${stats.notesPrivate} private, ${stats.notesUnreadable} unreadable`,
    `Quire: ${stats.pagesWritten} pages and ${vault.redirects.length} redirects (${vault.books.length} books, ${vault.services.reduce((n, c) => n + c.services.length, 0)} services, ${vault.stubs.length} stubs for missing notes, ${vault.tags.length} tags)`,
    `Quire: ${stats.links} links: ${stats.linksResolved} resolved, ${stats.linksToStubs} to stubs, ${stats.linksToPrivate} to unpublished notes (shown as text)`,
  ];
  let cut = false;
  for (const [severity, heading] of [
    ['fatal', 'problem(s) that stop the build'],
    ['error', 'error(s)'],
    ['warning', 'warning(s)'],
  ] as const) {
    const these = problems.filter((p) => p.severity === severity);
    if (!these.length) continue;
    const group = grouped(these, all);
    lines.push(`Quire: ${these.length.toLocaleString('en')} ${heading}:`, ...group.lines);
    cut ||= group.cut;
  }
  if (!problems.length) lines.push('Quire: no problems found');
  return { text: lines.join('\n'), cut };
}

/** Every problem, one a line, for the file a cut report points to. */
export function problemList(vault: Vault): string {
  return `${vault.problems.map(formatProblem).join('\n')}\n`;
}
