import { mkdir, mkdtemp, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { keepUnchangedPages, lastRecord, makeFoldersAside, recordPages, removeUnusedFolders } from '../../src/integrations/kept-pages.ts';

let root: string;
let site: string;
let cacheDir: string;

/** A site built for `keys` and published: written to a staging folder, recorded, then put in place of `site`. */
async function publish(keys: Map<string, string>, inputs = 'code v1'): Promise<void> {
  const staging = `${site}.staging`;
  for (const [file, key] of keys) {
    await mkdir(path.dirname(path.join(staging, file)), { recursive: true });
    await writeFile(path.join(staging, file), `<p>${file} for ${key}</p>`);
  }
  await recordPages({ cacheDir, site, staging, inputs, keys });
  await rename(staging, site);
}

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'quire-kept-pages-'));
  site = path.join(root, 'dist');
  cacheDir = path.join(root, 'cache');
});

const LAST = new Map([
  ['a/index.html', 'key-a'],
  ['b/index.html', 'key-b'],
  ['c/index.html', 'key-c'],
]);

describe('taking unchanged pages from the last site', () => {
  it('links the pages whose key is the one their file was written for, and no other', async () => {
    await publish(LAST);
    const staging = path.join(root, 'next');
    const keys = new Map([...LAST, ['b/index.html', 'key-b2'], ['d/index.html', 'key-d']]);
    const kept = keepUnchangedPages({ record: lastRecord(cacheDir, site), staging, inputs: 'code v1', keys });
    expect([...kept].sort()).toEqual(['a/index.html', 'c/index.html']);
    // The very file of the last site, not a copy of it.
    expect((await stat(path.join(staging, 'a/index.html'))).ino).toBe((await stat(path.join(site, 'a/index.html'))).ino);
    await expect(stat(path.join(staging, 'b/index.html'))).rejects.toThrow();
  });

  it('keeps no page when the code or settings changed since', async () => {
    await publish(LAST);
    const kept = keepUnchangedPages({ record: lastRecord(cacheDir, site), staging: path.join(root, 'next'), inputs: 'code v2', keys: LAST });
    expect(kept.size).toBe(0);
  });

  it('keeps no page of a file changed since it was written', async () => {
    await publish(LAST);
    await writeFile(path.join(site, 'a/index.html'), '<p>edited by hand</p>');
    const staging = path.join(root, 'next');
    const kept = keepUnchangedPages({ record: lastRecord(cacheDir, site), staging, inputs: 'code v1', keys: LAST });
    expect([...kept].sort()).toEqual(['b/index.html', 'c/index.html']);
    expect(await readFile(path.join(site, 'a/index.html'), 'utf8')).toBe('<p>edited by hand</p>');
  });

  it('keeps no page for a folder it has no record of', async () => {
    await publish(LAST);
    const elsewhere = path.join(root, 'other-site');
    const kept = keepUnchangedPages({ record: lastRecord(cacheDir, elsewhere), staging: path.join(root, 'next'), inputs: 'code v1', keys: LAST });
    expect(kept.size).toBe(0);
  });
});

describe('the folders made for the last site’s pages while the model is built', () => {
  const PAGES = new Map([
    ['index.html', 'key-home'],
    ['notes/a/index.html', 'key-a'],
    ['notes/b/index.html', 'key-b'],
    ['notes/b/deeper/index.html', 'key-deeper'],
    ['gone/index.html', 'key-gone'],
  ]);

  it('makes the folder of every page the last site had, and no page', async () => {
    await publish(PAGES);
    const staging = path.join(root, 'next');
    const aside = makeFoldersAside(lastRecord(cacheDir, site), staging);
    await aside.made;
    expect((await readdir(staging, { recursive: true })).sort()).toEqual(['gone', 'notes', 'notes/a', 'notes/b', 'notes/b/deeper']);
  });

  it('removes again the folders no page landed in, and keeps those holding another page', async () => {
    await publish(PAGES);
    const staging = path.join(root, 'next');
    const aside = makeFoldersAside(lastRecord(cacheDir, site), staging);
    await aside.made;
    // a/ is kept, deeper/ is rendered again; b/ and gone/ are gone from the vault.
    const kept = keepUnchangedPages({ record: lastRecord(cacheDir, site), staging, inputs: 'code v1', keys: new Map([['notes/a/index.html', 'key-a']]) });
    await writeFile(path.join(staging, 'notes/b/deeper/index.html'), '<p>rendered again</p>');
    removeUnusedFolders(staging, aside, kept);
    expect((await readdir(staging, { recursive: true })).sort()).toEqual(['notes', 'notes/a', 'notes/a/index.html', 'notes/b', 'notes/b/deeper', 'notes/b/deeper/index.html']);
  });

  it('makes nothing for a folder it has no record of', async () => {
    await publish(PAGES);
    const aside = makeFoldersAside(lastRecord(cacheDir, path.join(root, 'other-site')), path.join(root, 'next'));
    await aside.made;
    expect(aside.files).toEqual([]);
    await expect(stat(path.join(root, 'next'))).rejects.toThrow();
  });
});
