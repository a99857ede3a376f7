import { toHtml } from 'hast-util-to-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { evaluateBase, renderBase, type BaseRenderContext } from '../../../src/vault/bases/index.ts';
import type { Href, VaultPath } from '../../../src/vault/types.ts';
import { fixture } from '../../helpers/fixtures.ts';
import { readFixture } from './notes.ts';
import { NOW } from './run.ts';

const vault = readFixture(fixture('bases-vault'));
const context = (from: string): BaseRenderContext => ({
  from: from as VaultPath,
  attachmentHref: (target) => {
    const found = vault.attachments.find((path) => path.endsWith(`/${target}`) || path === target);
    return found ? (`/attachments/${found}` as Href) : undefined;
  },
});

/** The `base` code blocks of a note, with the line their YAML starts on. */
function blocks(text: string): { yaml: string; firstLine: number }[] {
  const lines = text.split('\n');
  const found: { yaml: string; firstLine: number }[] = [];
  lines.forEach((line, i) => {
    if (line.trim() !== '```base') return;
    const end = lines.findIndex((other, j) => j > i && other.trim() === '```');
    found.push({ yaml: lines.slice(i + 1, end).join('\n'), firstLine: i + 2 });
  });
  return found;
}

const rowsOf = (view: { groups: { key?: unknown; rows: { note: { title: string } }[] }[] }) => view.groups.map((g) => [g.key ?? null, g.rows.map((r) => r.note.title)]);

describe('the bases fixture vault', () => {
  const library = evaluateBase({ path: 'Library.base' as VaultPath, text: vault.text.get('Library.base')! }, vault.notes, { now: NOW });
  const [byStatus, covers, readingList, numbers, map] = library.views;

  it('gives the model only published notes, so the private book is never a row', () => {
    expect(vault.text.get('Private/Secret Book.md')).toContain('tags: [book]');
    expect(vault.notes.map((n) => n.path)).not.toContain('Private/Secret Book.md');
    const html = toHtml(renderBase(library, context('Library.base')));
    expect(html).not.toMatch(/Secret Book|PRIVATE-BASE-MARKER|999/);
  });

  it('groups, sorts and limits the table, with display names, formulas and summaries', () => {
    expect(byStatus!.columns.map((c) => c.label)).toEqual(['Book', 'author', 'rating', 'Pages per star', 'read', 'finished', 'genres']);
    expect(rowsOf(byStatus!)).toEqual([
      ['done', ['Dune', 'Emma']],
      ['reading', ['Neuromancer']],
      ['to-read', ['The Hobbit']],
    ]);
    expect(byStatus).toMatchObject({ total: 5, limitApplied: true });
    expect(byStatus!.groups.flatMap((g) => g.rows.map((r) => r.cells[3]))).toEqual([82.4, 118.5, 90.3, 62]);
    expect(byStatus!.summaries.map((s) => [s.key, s.name, s.value])).toEqual([
      ['note.rating', 'Average', 4.25],
      ['note.read', 'Checked', 2],
      ['note.finished', 'Latest', { kind: 'date', ms: Date.parse('2024-03-01'), hasTime: false }],
    ]);
  });

  it('shows cards with covers from an attachment and a colour', () => {
    expect(rowsOf(covers!)).toEqual([[null, ['Dune', 'Emma']]]);
    const html = toHtml(renderBase({ views: [covers!], problems: [] }, context('Library.base')));
    expect(html).toContain('src="/attachments/Attachments/dune-cover.png"');
    expect(html).toContain('background-color: #c96f53');
    expect(covers!.groups[0]!.rows.map((r) => r.cells[2])).toEqual(['Mar 2024', 'Jul 2023']);
  });

  it('lists the unread books, shortest first', () => {
    expect(rowsOf(readingList!)).toEqual([[null, ['Ten Item Book', 'Neuromancer', 'The Hobbit']]]);
  });

  it('sums up the numbers, with a summary of the base’s own', () => {
    expect(rowsOf(numbers!)).toEqual([[null, ['Emma', 'Dune', 'The Hobbit', 'Neuromancer', 'Ten Item Book']]]);
    expect(numbers!.groups[0]!.rows[1]!.cells[4]).toBe('Read · 82.4 pages a star');
    expect(numbers!.summaries.map((s) => s.name)).toEqual(['Sum', 'Median', 'Max', 'Longest title']);
    const [sum, median, max, longest] = numbers!.summaries.map((s) => s.value as number);
    expect([sum, max, longest]).toEqual([1557, 2, 13]);
    expect(median).toBeCloseTo((8 + 9.99) / 2, 10);
  });

  it('says the map view cannot be shown, and reports nothing else', () => {
    expect(map!.unsupported?.expression).toBe('type: map');
    expect(library.problems.map((p) => `${p.file}:${p.line}`)).toEqual(['Library.base:68']);
  });

  it('evaluates the base blocks of a note, with this as that note and lines in the note', () => {
    const reading = vault.notes.find((n) => n.path === 'Reading.md')!;
    const text = vault.text.get('Reading.md')!;
    const results = blocks(text).map(({ yaml, firstLine }) => evaluateBase({ path: reading.path, text: yaml, firstLine, thisFile: reading }, vault.notes, { now: NOW }));
    expect(results.map((r) => r.problems)).toEqual([[], []]);
    expect(results.map((r) => rowsOf(r.views[0]!))).toEqual([
      [[null, ['Dune', 'Ten Item Book']]],
      [[null, ['Neuromancer', 'Ten Item Book', 'The Hobbit']]],
    ]);
    const list = renderBase(results[0]!, context('Reading.md'));
    expect(selectAll('ul.base-list > li', list).map((li) => toString(li))).toEqual(['Dune Frank Herbert, 5', 'Ten Item Book Frank Herbert, 2']);
  });
});
