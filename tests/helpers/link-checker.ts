import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

export interface BrokenLink {
  page: string;
  url: string;
  reason: string;
}

export interface LinkReport {
  pages: number;
  links: number;
  fragments: number;
  broken: BrokenLink[];
}

const URL_ATTRIBUTES: Record<string, string> = { a: 'href', link: 'href', script: 'src', img: 'src', source: 'src', iframe: 'src', audio: 'src', video: 'src' };


async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.join(e.parentPath, e.name));
}

/** The URL path a built file is served at: `dist/a/b/index.html` → `/base/a/b/`. */
function servedPath(outDir: string, file: string, base: string): string {
  const relative = path.relative(outDir, file).split(path.sep).join('/');
  return base + relative.replace(/(^|\/)index\.html$/, '$1');
}

/**
 * Checks every internal URL in a built site: that the file it names exists
 * and, for a `#fragment`, that the page has an element with that id. A URL
 * outside the base path is broken, since the site is served only below it.
 */
export async function checkLinks(outDir: string, base = '/'): Promise<LinkReport> {
  const files = await htmlFiles(outDir);
  const trees = new Map<string, Root>();
  const ids = new Map<string, Set<string>>();
  for (const file of files) {
    const tree = fromHtml(await readFile(file, 'utf8'));
    trees.set(file, tree);
    const pageIds = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') pageIds.add(node.properties.id);
      if (node.tagName === 'a' && typeof node.properties.name === 'string') pageIds.add(node.properties.name);
    });
    ids.set(file, pageIds);
  }

  const report: LinkReport = { pages: files.length, links: 0, fragments: 0, broken: [] };
  const fileFor = async (pathname: string): Promise<string | undefined> => {
    const inside = decodeURIComponent(pathname.slice(base.length));
    const candidates = inside === '' || inside.endsWith('/') ? [`${inside}index.html`] : [inside];
    for (const candidate of candidates) {
      const full = path.join(outDir, candidate);
      if (ids.has(full)) return full;
      try {
        await readFile(full);
        return full;
      } catch {
        // try the next candidate
      }
    }
    return undefined;
  };

  for (const [file, tree] of trees) {
    const page = servedPath(outDir, file, base);
    const urls: string[] = [];
    visit(tree, 'element', (node: Element) => {
      const attribute = URL_ATTRIBUTES[node.tagName];
      const value = attribute ? node.properties[attribute === 'href' ? 'href' : 'src'] : undefined;
      if (typeof value === 'string') urls.push(value);
    });
    for (const raw of urls) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//')) continue;
      report.links++;
      const url = new URL(raw, `http://site${page}`);
      if (!url.pathname.startsWith(base)) {
        report.broken.push({ page, url: raw, reason: `outside the base path ${base}` });
        continue;
      }
      const target = await fileFor(url.pathname);
      if (!target) {
        report.broken.push({ page, url: raw, reason: 'no such file' });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      // A fragment of a PDF or media file (`#page=2`) is for its viewer, not an element id.
      if (!fragment || !target.endsWith('.html')) continue;
      report.fragments++;
      if (!ids.get(target)?.has(fragment)) report.broken.push({ page, url: raw, reason: `no element with id “${fragment}”` });
    }
  }
  return report;
}
