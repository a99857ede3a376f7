import { describe, expect, it } from 'vitest';
import { generateVault, PROFILES } from '../../scripts/generate-vault.ts';
import { parseCatalog } from '../../src/vault/read/catalog.ts';
import { readFrontmatter } from '../../src/vault/prepare/frontmatter.ts';
import { parseMarkdown } from '../../src/vault/prepare/markdown.ts';
import { asVaultPath } from '../../src/vault/types.ts';

const notesOf = (vault: Map<string, string>) => [...vault].filter(([file]) => file.endsWith('.md'));

describe('generateVault', () => {
  it('gives the same files, byte for byte, for the same options', () => {
    const a = generateVault({ notes: 150, seed: 'test' });
    const b = generateVault({ notes: 150, seed: 'test' });
    expect([...a.keys()]).toEqual([...b.keys()]);
    expect([...a]).toEqual([...b]);
  });

  it('gives another vault for another seed', () => {
    const a = generateVault({ notes: 150, seed: 'one' });
    const b = generateVault({ notes: 150, seed: 'two' });
    expect([...a]).not.toEqual([...b]);
  });

  it('writes the number of notes asked for, of about 2 KB each, in nested folders', () => {
    const notes = notesOf(generateVault({ notes: 300 }));
    expect(notes).toHaveLength(300);
    const sizes = notes.map(([, text]) => Buffer.byteLength(text)).sort((x, y) => x - y);
    const median = sizes[Math.floor(sizes.length / 2)]!;
    expect(median).toBeGreaterThan(1200);
    expect(median).toBeLessThan(3500);
    expect(notes.some(([file]) => file.split('/').length >= 3)).toBe(true);
  });

  it('writes notes with properties, headings, links, tags, services, embeds and books', () => {
    const vault = generateVault({ notes: 400 });
    const notes = notesOf(vault);
    const all = notes.map(([, text]) => text).join('\n');
    expect(notes.filter(([, text]) => text.startsWith('---\n')).length).toBeGreaterThan(notes.length / 2);
    expect(all).toMatch(/^tags:/m);
    expect(all).toMatch(/^aliases:/m);
    expect(all).toMatch(/^## /m);
    expect(all).toMatch(/^### /m);
    expect(all).toMatch(/\[\[[^\]|#]+\]\]/); // plain
    expect(all).toMatch(/\[\[[^\]|#]+#[^\]^|]+\]\]/); // #Heading
    expect(all).toMatch(/\[\[[^\]|]+\|[^\]]+\]\]/); // |alias
    expect(all).toMatch(/\[\[[^\]|#]+\/[^\]|#]+\]\]/); // folder path
    expect(all).toMatch(/!\[\[[^\]]+\]\]/); // embed
    expect(all).toMatch(/\[\[Amazon S3(#[^\]]+)?\]\]/);
    expect(all).toMatch(/\[\[Amazon SageMaker#[^\]]+\]\]/);
    expect(all).toMatch(/(^|\s)#[a-z][\w/-]*/m); // inline tag
    const book = notes.find(([, text]) => (text.match(/^# Chapter \d+: /gm) ?? []).length >= 5);
    expect(book).toBeDefined();
    expect((book![1].match(/^# Chapter \d+: /gm) ?? []).length).toBeLessThanOrEqual(12);
  });

  it('writes properties Quire can read, and a valid service catalog', () => {
    const vault = generateVault({ notes: 200 });
    for (const [, text] of notesOf(vault)) expect(readFrontmatter(parseMarkdown(text)).ok).toBe(true);
    const catalog = parseCatalog(asVaultPath('services.yaml'), vault.get('services.yaml')!);
    expect(catalog.ok).toBe(true);
    expect(generateVault({ notes: 50, catalog: false }).has('services.yaml')).toBe(false);
  });

  it('links mostly to notes that exist, and a few to notes that do not', () => {
    const vault = generateVault({ notes: 1000 });
    const notes = notesOf(vault);
    const names = new Set<string>();
    for (const [file, text] of notes) {
      names.add(file.replace(/\.md$/, '').toLowerCase());
      names.add(file.replace(/^.*\//, '').replace(/\.md$/, '').toLowerCase());
      const aliases = /^aliases:\n((?: {2}- .*\n)+)/m.exec(text)?.[1] ?? '';
      for (const line of aliases.split('\n').filter(Boolean)) names.add(JSON.parse(line.replace(/^ {2}- /, '')).toLowerCase());
    }
    const catalog = parseCatalog(asVaultPath('services.yaml'), vault.get('services.yaml')!);
    if (catalog.ok) for (const s of catalog.services) for (const n of [s.name, ...s.aliases]) names.add(n.toLowerCase());
    let total = 0;
    let missing = 0;
    for (const [, text] of notes) {
      for (const [, target] of text.matchAll(/\[\[([^\]|#]*)/g)) {
        if (!target) continue; // [[#Heading]] in the same note
        total++;
        if (!names.has(target.toLowerCase())) missing++;
      }
    }
    expect(total).toBeGreaterThan(notes.length * 4);
    expect(missing / total).toBeGreaterThan(0.01);
    expect(missing / total).toBeLessThan(0.05);
  });
});

describe('the community-shaped vault generator', () => {
  const community = PROFILES.community({ notes: 1000, seed: 'test' });
  const notes = [...community].filter(([file]) => file.endsWith('.md'));
  const share = (folder: string) => notes.filter(([file]) => file.startsWith(`${folder}/`)).length / notes.length;

  it('is deterministic', () => {
    expect(PROFILES.community({ notes: 1000, seed: 'test' })).toEqual(community);
  });

  it('puts 45% and 40% of its notes in two folders, a tenth in people', () => {
    expect(notes).toHaveLength(1000);
    expect(share('Plugins')).toBeCloseTo(0.45, 2);
    expect(share('Themes')).toBeCloseTo(0.4, 2);
    expect(share('People')).toBeCloseTo(0.1, 2);
  });

  it('gives every note a title heading and a footer heading, properties with an empty tag item, and template comments', () => {
    for (const [file, text] of notes) {
      expect(text.match(/^# /gm), file).toHaveLength(2);
      expect(text, file).toContain('# This note in GitHub');
      expect(text, file).toMatch(/%% .+ %%/);
    }
    const wellFormed = notes.filter(([, text]) => text.includes('\n  - \n'));
    expect(wellFormed.length).toBe(998);
    expect(notes.filter(([file]) => file.startsWith('Plugins/')).every(([, text]) => /^plugin-id: /m.test(text))).toBe(true);
  });

  it('has four badge images on each plugin and theme note, about 3.4 links a note, and 0.2% of notes with YAML that does not parse', () => {
    const listed = notes.filter(([file]) => file.startsWith('Plugins/') || file.startsWith('Themes/'));
    expect(listed.every(([, text]) => text.match(/!\[[^\]]*\]\(https:\/\/img\.shields\.io\//g)?.length === 4)).toBe(true);
    const links = notes.reduce((sum, [, text]) => sum + (text.match(/\[\[[^\]]+\]\]/g)?.length ?? 0), 0);
    expect(links / notes.length).toBeGreaterThan(3);
    expect(links / notes.length).toBeLessThan(3.8);
    expect(notes.filter(([, text]) => text.includes('unclosed'))).toHaveLength(2);
  });
});
