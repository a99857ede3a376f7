import { formatProblem } from './problems.ts';
import type { Vault } from './types.ts';

/** The few lines every build ends with: what was read, what was written, and each problem with its place. */
export function formatReport(vault: Vault): string {
  const { stats, problems } = vault;
  const lines = [
    `Quire: ${stats.notesRead} notes read: ${stats.notesPublished} published, ${stats.notesPrivate} private, ${stats.notesUnreadable} unreadable`,
    `Quire: ${stats.pagesWritten} pages (${vault.books.length} books, ${vault.services.reduce((n, c) => n + c.services.length, 0)} services, ${vault.stubs.length} stubs for missing notes, ${vault.tags.length} tags)`,
    `Quire: ${stats.links} wiki-links: ${stats.linksResolved} resolved, ${stats.linksToStubs} to stubs, ${stats.linksToPrivate} to unpublished notes (shown as text)`,
  ];
  const fatal = problems.filter((p) => p.severity === 'fatal');
  if (fatal.length) lines.push(`Quire: ${fatal.length} problem(s) that stop the build:`, ...fatal.map((p) => `  ${formatProblem(p)}`));
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  if (errors.length) lines.push(`Quire: ${errors.length} error(s):`, ...errors.map((p) => `  ${formatProblem(p)}`));
  if (warnings.length) lines.push(`Quire: ${warnings.length} warning(s):`, ...warnings.map((p) => `  ${formatProblem(p)}`));
  if (!problems.length) lines.push('Quire: no problems found');
  return lines.join('\n');
}
