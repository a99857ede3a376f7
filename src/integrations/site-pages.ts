import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Every HTML page of a written site, outside its `pagefind/` folder: its path from the site, sorted. */
export function sitePages(site: string): string[] {
  return readdirSync(site, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(site, path.join(entry.parentPath, entry.name)))
    .filter((page) => !page.startsWith(`pagefind${path.sep}`))
    .sort();
}
