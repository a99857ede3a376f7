import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { indexSite } from '../../src/integrations/pagefind.ts';

const page = (title: string, text: string) => `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`;

async function site(pages: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'quire-index-'));
  for (const [file, html] of Object.entries(pages)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), html);
  }
  return dir;
}

/** How many pages the written index holds, as its entry file says. */
async function indexedPages(dir: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

describe('the search index of a written site', () => {
  const saved = process.env.PAGEFIND_GLOB;
  afterEach(() => {
    if (saved === undefined) delete process.env.PAGEFIND_GLOB;
    else process.env.PAGEFIND_GLOB = saved;
  });

  it('holds every page, whatever a PAGEFIND_ variable or a Pagefind config file in the site says', async () => {
    const dir = await site({
      'index.html': page('Home', 'Buckets in Amazon S3.'),
      'glue/index.html': page('Glue', 'Crawlers in AWS Glue.'),
      // A file of the vault published at the top of the site, and a variable left in the shell: neither may steer the index.
      'pagefind.yml': 'glob: "nothing-here/**/*.html"\n',
    });
    process.env.PAGEFIND_GLOB = 'nothing-here/**/*.html';
    expect(await indexSite(dir)).toEqual({ ok: true });
    expect(await indexedPages(dir)).toBe(2);
  });

  it('fails with what Pagefind said when there is nothing to index', async () => {
    const dir = await site({ 'notes.txt': 'no pages' });
    const result = await indexSite(dir);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/not able to build an index/);
  });
});
