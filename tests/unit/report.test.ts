import { describe, expect, it } from 'vitest';
import { buildVault, formatReport, problemList, type SourceFile } from '../../src/vault/index.ts';

/** A vault whose notes link to many notes that do not exist, and to one that several notes share a name with. */
function vaultWithProblems() {
  const broken = Array.from({ length: 12 }, (_, i) => `[[Missing ${i + 1}]]`).join(' ');
  const notes: SourceFile[] = [
    { path: 'Home.md' as never, text: `${broken}\n\n[[Twin]]\n` },
    ...['a', 'b', 'c', 'd', 'e', 'f'].map((folder) => ({ path: `${folder}/Twin.md` as never, text: 'A twin.\n' })),
  ];
  return buildVault({ notes, unreadable: [] });
}

describe('the build report', () => {
  it('shows a few problems of each kind, counts the rest, and says it left some out', () => {
    const { text, cut } = formatReport(vaultWithProblems());
    expect(cut).toBe(true);
    expect(text).toContain('Quire: 13 warnings:');
    expect(text.match(/Home\.md:1 .*\[unresolved-link\]/g)).toHaveLength(5);
    expect(text).toContain('  … and 7 more [unresolved-link]');
    expect(text.match(/\[ambiguous-link\]/g)).toHaveLength(1);
  });

  it('names at most a few of the notes an ambiguous link could mean', () => {
    const { text } = formatReport(vaultWithProblems());
    expect(text).toMatch(/\[\[Twin\]\]: 6 notes match \(a\/Twin\.md, b\/Twin\.md, c\/Twin\.md and 3 more\); it links to a\/Twin\.md/);
  });

  it('shows every problem when asked, as the list written beside the project does', () => {
    const vault = vaultWithProblems();
    const all = formatReport(vault, { all: true });
    expect(all.cut).toBe(false);
    expect(all.text.match(/\[unresolved-link\]/g)).toHaveLength(12);
    expect(problemList(vault).trim().split('\n')).toHaveLength(13);
  });
});
