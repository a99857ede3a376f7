import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build-graph.ts';
import { buildVault, type NotePage, type ServicePage, type SourceFile, type StubPage, type Vault, type VaultFiles } from '../../src/vault/index.ts';

const note = (path: string, text: string): SourceFile => ({ path: path as never, text });
const vaultOf = (notes: SourceFile[], extra: Partial<VaultFiles> = {}): VaultFiles => ({ notes: [...notes].sort((a, b) => (a.path < b.path ? -1 : 1)), unreadable: [], ...extra });
const catalog = note('services.yaml', '- name: Amazon S3\n  aliases: [S3]\n  category: Storage\n  summary: Object storage.\n  docs: https://aws.amazon.com/s3/\n');
const backlinksOf = (vault: Vault, slug: string) => (vault.bySlug.get(slug as never) as NotePage).backlinks.map((b) => [b.from.title, b.excerpt]);
const edgesOf = (vault: Vault) => buildGraph(vault).edges.map((e) => `${e.source} → ${e.target}`);

describe('Markdown links to notes', () => {
  const files = vaultOf(
    [
      note('Sub/Linker.md', '# Linker\n\n## Reading\n\nSee [the guide](Folder/Guide.md), [a sibling](../Other/Sibling.md#Part%20Two) and [**bold** words](Sub%20Note.md).\n\nAlso [[Folder/Guide]] as a wiki-link.\n'),
      note('Sub/Sub Note.md', 'A note beside the linker.\n'),
      note('Folder/Guide.md', '# Guide\n\nText.\n'),
      note('Other/Sibling.md', '# Sibling\n\n## Part Two\n\nText.\n'),
      note('Wanting.md', 'Wants [a note not written](Not%20Yet.md) and [storage](S3.md#Versioning).\n'),
    ],
    { catalog },
  );
  const vault = buildVault(files);

  it('resolve from the note’s folder or by path from the vault’s top, with their text and formatting kept', () => {
    const linker = vault.bySlug.get('sub/linker' as never) as NotePage;
    expect(linker.html).toContain('<a href="/folder/guide/" class="internal">the guide</a>');
    expect(linker.html).toContain('<a href="/other/sibling/#part-two" class="internal">a sibling</a>');
    expect(linker.html).toContain('<a href="/sub/sub-note/" class="internal"><strong>bold</strong> words</a>');
    expect(vault.problems).toEqual([expect.objectContaining({ rule: 'unresolved-link', file: 'Wanting.md', line: 1, message: '[a note not written](Not%20Yet.md): no note named “Not Yet”; it links to a stub page' })]);
  });

  it('are backlinks, with the excerpt a wiki-link in the same passage gets', () => {
    const guide = backlinksOf(vault, 'folder/guide');
    expect(guide).toEqual([
      ['Linker', 'See the guide, a sibling and bold words.'],
      ['Linker', 'Also Folder/Guide as a wiki-link.'],
    ]);
    expect(backlinksOf(vault, 'other/sibling')).toEqual([['Linker', 'See the guide, a sibling and bold words.']]);
    expect(backlinksOf(vault, 'sub/sub-note')).toEqual([['Linker', 'See the guide, a sibling and bold words.']]);
    expect((vault.bySlug.get('folder/guide' as never) as NotePage).backlinks[0]!.href).toBe('/sub/linker/#reading');
  });

  it('reach stubs and hubs, and draw the graph’s edges', () => {
    const stub = vault.bySlug.get('stubs/not-yet' as never) as StubPage;
    expect(stub.sections.flatMap((s) => s.backlinks.map((b) => b.from.title))).toEqual(['Wanting']);
    const hub = vault.bySlug.get('services/amazon-s3' as never) as ServicePage;
    expect(hub.sections.map((s) => [s.heading, s.backlinks.map((b) => b.from.title)])).toEqual([['Versioning', ['Wanting']]]);
    expect(edgesOf(vault)).toEqual(expect.arrayContaining(['sub/linker → folder/guide', 'sub/linker → other/sibling', 'sub/linker → sub/sub-note', 'wanting → stubs/not-yet', 'wanting → services/amazon-s3']));
  });
});

describe('Markdown images with vault paths', () => {
  it('find a file by its bare name anywhere in the vault, as an embed does, or by a path from the note', () => {
    const vault = buildVault(
      vaultOf([note('Help/Bases.md', '![A base without shadow](bases-noshadow.png#interface)\n\nInline ![two](../Attachments/two.png) and ![](Missing.png).\n\n![](Sibling.md#Part)\n'), note('Help/Sibling.md', '## Part\n\nEmbedded words.\n')], {
        attachments: ['Attachments/bases-noshadow.png', 'Attachments/two.png'] as never[],
      }),
    );
    const page = vault.bySlug.get('help/bases' as never) as NotePage;
    expect(page.html).toContain('<img src="/attachments/Attachments/bases-noshadow.png" alt="A base without shadow" loading="lazy">');
    expect(page.html).toContain('<img src="/attachments/Attachments/two.png" alt="two" loading="lazy">');
    expect(page.html).toContain('Embedded words.');
    expect(vault.attachments.map((a) => a.path)).toEqual(['Attachments/bases-noshadow.png', 'Attachments/two.png']);
    expect(vault.problems.map((p) => [p.rule, p.message])).toEqual([['missing-attachment', '![](Missing.png): no file named “Missing.png” in the vault; it is shown as text']]);
  });
});

describe('links inside what a page embeds', () => {
  const files = vaultOf(
    [
      note('Embedder.md', '# Embedder\n\n## Borrowed\n\n![[Source#Part A]]\n\n![[Source#^fact]]\n\nInline ![[Source#Part B]] shows a link only.\n\n![[Whole]]\n'),
      note('Source.md', '# Source\n\n## Part A\n\nA links [[Alpha]] and [[Nowhere Yet]] and [[S3]].\n\n## Part B\n\nB links [[Beta]].\n\nA fact about [[Gamma]]. ^fact\n\nSee [[#Part A]] in this note.\n'),
      note('Whole.md', '---\nrelated: "[[Delta]]"\n---\nWhole links [[Epsilon]].\n\n![[Deeper]]\n'),
      note('Deeper.md', 'Deeper links [[Zeta]].\n'),
      ...['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta'].map((name) => note(`${name}.md`, `${name}.\n`)),
    ],
    { catalog },
  );
  const vault = buildVault(files);
  const from = (slug: string) => (vault.bySlug.get(slug as never) as NotePage).backlinks.map((b) => [b.from.title, b.excerpt, b.href]);

  it('are links of the embedding page too, with the excerpt around them where they are written', () => {
    expect(from('alpha')).toEqual([
      ['Embedder', 'A links Alpha and Nowhere Yet and S3.', '/embedder/#borrowed'],
      ['Source', 'A links Alpha and Nowhere Yet and S3.', '/source/#part-a'],
    ]);
    expect(from('gamma').map(([title]) => title)).toEqual(['Embedder', 'Source']);
    expect(from('epsilon').map(([title]) => title)).toEqual(['Embedder', 'Whole']);
    // Through an embed inside the embedded note, for both pages that show it.
    expect(from('zeta').map(([title]) => title)).toEqual(['Deeper', 'Embedder', 'Whole']);
    const stub = vault.bySlug.get('stubs/nowhere-yet' as never) as StubPage;
    expect(stub.sections[0]!.backlinks.map((b) => b.from.title)).toEqual(['Embedder', 'Source']);
    const hub = vault.bySlug.get('services/amazon-s3' as never) as ServicePage;
    expect(hub.sections[0]!.backlinks.map((b) => b.from.title)).toEqual(['Embedder', 'Source']);
    expect(edgesOf(vault)).toEqual(expect.arrayContaining(['embedder → alpha', 'embedder → gamma', 'embedder → zeta']));
  });

  it('leave out what the embed does not show: other sections, the note’s links to itself, its properties, inline embeds', () => {
    expect(from('beta').map(([title]) => title)).toEqual(['Source']);
    expect(from('delta').map(([title]) => title)).toEqual(['Whole']);
    expect((vault.bySlug.get('source' as never) as NotePage).backlinks.map((b) => b.from.title)).toEqual(['Embedder', 'Embedder', 'Embedder']);
    expect(vault.stats.links).toBe(files.notes.reduce((n, file) => n + (file.text.match(/\[\[/g)?.length ?? 0), 0));
  });
});
