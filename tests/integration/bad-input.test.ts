import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { checkLinks } from '../helpers/link-checker.ts';

/** Names a real vault may well have; each must get a page with a working URL. */
const NASTY_NAMES = [
  'Spaces and Ünïcödé 🚀',
  'Hash # and 100% sure?',
  'Tom & Jerry (draft)',
  `"Quoted" and 'single'`,
  'Less <than> & greater',
  '日本語のノート',
];

let vault: string;
let build: BuildResult;

beforeAll(async () => {
  vault = await mkdtemp(path.join(os.tmpdir(), 'quire-bad-input-'));
  const write = (name: string, content: string | Buffer) => writeFile(path.join(vault, name), content);
  await write('Index.md', `# Index\n\n${NASTY_NAMES.map((name) => `- [[${name.replace(/[#|^]/g, ' ')}]]`).join('\n')}\n- [[A B]] and [[a-b]]\n`);
  for (const name of NASTY_NAMES) await write(`${name}.md`, `The note called ${name}.\n`);
  await write('Title Test.md', '---\ntitle: "<b>x</b> & co"\n---\nA title with markup in it.\n');
  await write('Empty.md', '');
  await write('Broken YAML.md', '---\ntitle: [oops\npublish: false\n---\nNever published.\n');
  await write('Latin-1.md', Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x74, 0x65, 0x0a])); // "Café note" in Latin-1
  await write('Picture.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
  await symlink(path.join(vault, 'does-not-exist.md'), path.join(vault, 'Dangling.md'));
  await write('A B.md', 'First of two notes whose URLs collide.\n');
  await write('a-b.md', 'Second of two notes whose URLs collide.\n');
  await mkdir(path.join(vault, 'Folder'));
  await write('Folder/Note.md', 'Upper case.\n');
  await write('Folder/note.md', 'Lower case.\n');
  await write('Deep.md', `${Array.from({ length: 120 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}\n\n${'> '.repeat(120)}deep quote\n`);
  const paragraph = 'A long note repeats this sentence to reach ten megabytes of text. ';
  await write('Huge.md', `# Huge\n\n${Array.from({ length: 16_000 }, (_, i) => `${paragraph.repeat(10)} ${i}\n`).join('\n')}`);
  build = await buildSite({ contentDir: vault });
});

describe('a vault full of awkward input', () => {
  it('builds, and the counts add up: notes read = published + private + unreadable', () => {
    expect(build.code, build.output).toBe(0);
    const [, read, published, privateNotes, unreadable] = /(\d+) notes read: (\d+) published, (\d+) private, (\d+) unreadable/.exec(build.output)!.map(Number);
    expect(read).toBe(NASTY_NAMES.length + 13);
    expect(published! + privateNotes! + unreadable!).toBe(read);
    expect(unreadable).toBe(3);
  });

  it('names each unreadable file, the line and what to do, without a stack trace', () => {
    expect(build.output).toMatch(/Broken YAML\.md:3 +Properties \(YAML frontmatter\) could not be read: .*not published until its properties are fixed/);
    expect(build.output).toMatch(/Picture\.md +Could not be read: a binary file, not text; it is not published \(rename it, or move it out of the vault\)/);
    expect(build.output).toMatch(/Dangling\.md +Could not be read: it is a link to a file that does not exist; it is not published \(fix or remove the link\)/);
    expect(build.output).toMatch(/Latin-1\.md +Is not valid UTF-8 text/);
    expect(build.output).not.toMatch(/^\s+at /m);
  });

  it('gives every note with an awkward name a page that its link reaches', async () => {
    const index = await readFile(path.join(build.outDir, 'index', 'index.html'), 'utf8');
    for (const name of NASTY_NAMES) {
      const escaped = name.replace(/&/g, '&#x26;').replace(/</g, '&#x3C;').replace(/"/g, '&#x22;');
      expect(index, name).toMatch(new RegExp(`<a href="[^"]+" class="internal">`));
      expect(index.includes(escaped) || index.includes(name.replace(/[#|^]/g, ' ').replace(/&/g, '&#x26;').replace(/</g, '&#x3C;')), name).toBe(true);
    }
    const titled = await readFile(path.join(build.outDir, 'title-test', 'index.html'), 'utf8');
    expect(titled).toContain('<h1 class="page-title">&lt;b&gt;x&lt;/b&gt; &amp; co</h1>');
    expect(titled).toContain('<title>&lt;b&gt;x&lt;/b&gt; &amp; co · ');
    // As text everywhere: no <b> element is made of it, on the page or in the navigation.
    expect(selectAll('b', fromHtml(titled))).toEqual([]);
    const report = await checkLinks(build.outDir);
    expect(report.broken).toEqual([]);
  });

  it('publishes both notes whose URLs collide, and says so', async () => {
    expect(build.output).toMatch(/a-b\.md +Its URL \/a-b\/ is taken by A B\.md, so it is published at \/a-b-2\//);
    const pages = await readdir(build.outDir);
    expect(pages).toEqual(expect.arrayContaining(['a-b', 'a-b-2']));
    const folder = await readdir(path.join(build.outDir, 'folder'));
    expect(folder).toEqual(expect.arrayContaining(['note', 'note-2']));
  });

  it('renders an empty note, deep nesting and a ten-megabyte note', async () => {
    await expect(readFile(path.join(build.outDir, 'empty', 'index.html'), 'utf8')).resolves.toContain('<h1 class="page-title">Empty</h1>');
    await expect(readFile(path.join(build.outDir, 'deep', 'index.html'), 'utf8')).resolves.toContain('deep quote');
    const huge = await readFile(path.join(build.outDir, 'huge', 'index.html'), 'utf8');
    expect(huge.length).toBeGreaterThan(10_000_000);
    await expect(readFile(path.join(build.outDir, 'latin-1', 'index.html'), 'utf8')).resolves.toContain('Caf� note');
  });
});
