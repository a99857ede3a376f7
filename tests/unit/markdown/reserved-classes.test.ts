import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, walk } from 'css-tree';
import { describe, expect, it } from 'vitest';
import { isReservedClass } from '../../../src/markdown/reserved-classes.ts';
import { projectRoot } from '../../helpers/fixtures.ts';

const src = path.join(projectRoot, 'src');

async function filesIn(dir: string, extension: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(extension)).map((e) => path.join(e.parentPath, e.name));
}

/** Every class a stylesheet's selectors name. */
async function stylesheetClasses(): Promise<Set<string>> {
  const classes = new Set<string>();
  for (const file of await filesIn(path.join(src, 'styles'), '.css')) {
    walk(parse(await readFile(file, 'utf8')), {
      visit: 'ClassSelector',
      enter(node) {
        classes.add(node.name);
      },
    });
  }
  return classes;
}

/** Every class a layout, component or script writes or looks for, as far as its text shows it. */
async function markupClasses(): Promise<Set<string>> {
  const classes = new Set<string>();
  const words = (text: string) => text.split(/\s+/).filter((word) => /^[a-z][\w-]*$/i.test(word));
  for (const file of [...(await filesIn(src, '.astro')), ...(await filesIn(src, '.ts'))]) {
    const text = await readFile(file, 'utf8');
    for (const match of text.matchAll(/\bclass(?:Name)?=\{?["'`]([^"'`$]*)/g)) words(match[1]!).forEach((c) => classes.add(c));
    for (const match of text.matchAll(/class:list=\{\[([^\]]*)\]/g)) for (const literal of match[1]!.matchAll(/'([\w-]+)'|`([\w-]+)-\$\{/g)) classes.add(literal[1] ?? `${literal[2]}-x`);
    for (const match of text.matchAll(/className: \[([^\]]*)\]/g)) for (const literal of match[1]!.matchAll(/'([\w-]+)'|`([\w-]+)-\$\{/g)) classes.add(literal[1] ?? `${literal[2]}-x`);
    for (const match of text.matchAll(/classList\.\w+\('([\w-]+)'|className = '([\w-]+)'/g)) classes.add(match[1] ?? match[2]!);
    for (const match of text.matchAll(/querySelector(?:All)?(?:<[^>]*>)?\('([^']*)'\)|closest\('([^']*)'\)/g)) {
      for (const name of (match[1] ?? match[2]!).matchAll(/\.([a-z][\w-]*)/gi)) classes.add(name[1]!);
    }
  }
  return classes;
}

describe('the classes the site keeps for itself', () => {
  it('include every class of the site’s stylesheets', async () => {
    const classes = await stylesheetClasses();
    expect(classes.size).toBeGreaterThan(50);
    expect([...classes].filter((name) => !isReservedClass(name))).toEqual([]);
  });

  it('include every class the layouts, components, Markdown plugins and scripts write or look for', async () => {
    const classes = await markupClasses();
    expect(classes).toContain('note-body');
    expect(classes).toContain('preview');
    expect(classes).toContain('embed-note');
    expect([...classes].filter((name) => !isReservedClass(name))).toEqual([]);
  });

  it('include what KaTeX, Mermaid and Pagefind look for, and the classes they style', () => {
    for (const name of ['katex', 'katex-display', 'math-inline', 'math-display', 'language-math', 'language-mermaid', 'mermaid', 'pagefind-ui', 'shiki']) expect(isReservedClass(name), name).toBe(true);
  });

  it('leave any other class to the author’s CSS snippets', () => {
    for (const name of ['red', 'my-callout', 'wide-table', 'center', 'snippet-note', 'Highlight']) expect(isReservedClass(name), name).toBe(false);
  });
});
