import type { NoteContent, NotePage, Page, Vault } from '../vault/index.ts';

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** The pages a reader would look for from outside: notes, chapters, hubs and the site's lists, not stubs. */
function listedPages(vault: Vault): { href: string; updated?: string }[] {
  const books = new Set<string>(vault.books.map((book) => book.slug));
  // Pages with nothing of their own to read: a stub, a later page of a long list, a folder that holds no notes but books, listed apart.
  const unlisted = (page: Page) => page.kind === 'stub' || page.kind === 'list' || (page.kind === 'folder' && page.folders.length === 0 && page.notes.every((note) => books.has(note.slug)));
  const fixed = ['', 'services/', ...(vault.tags.length ? ['tags/'] : [])].map((path) => ({ href: `${vault.base}${path}` }));
  const pages = vault.pages
    .filter((page: Page) => !unlisted(page))
    .map((page) => ({ href: page.href, ...('updated' in page && page.updated ? { updated: page.updated } : {}) }));
  return [...fixed, ...pages];
}

/** sitemap.xml, as the sitemaps.org protocol has it: absolute URLs. */
export function sitemap(vault: Vault, site: URL): string {
  const urls = listedPages(vault)
    .map((page) => `  <url><loc>${escapeXml(new URL(page.href, site).href)}</loc>${page.updated ? `<lastmod>${page.updated.slice(0, 10)}</lastmod>` : ''}</url>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

const FEED_SIZE = 50;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#x26': '&', '#x3C': '<', '#x22': '"', '#39': "'" };

/** A page body as plain text, for a feed item's summary. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, name: string) => ENTITIES[name] ?? (name.startsWith('#x') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : entity))
    .replace(/\s+/g, ' ')
    .trim();
}

/** A note's body as its page shows it, the services listed after its sections included. */
function shownHtml({ html, sectionServices }: NoteContent): string {
  let shown = '';
  let start = 0;
  for (const { at, services } of sectionServices) {
    shown += `${html.slice(start, at)} ${services.map((service) => service.name).join(' ')} `;
    start = at;
  }
  return shown + html.slice(start);
}

/** An RSS 2.0 feed of the notes and chapters, newest first. */
export function rss(vault: Vault, site: URL): string {
  const notes = vault.pages
    .filter((page): page is NotePage => (page.kind === 'note' || page.kind === 'chapter' || page.kind === 'book') && !page.empty)
    .sort((a, b) => (b.updated ?? '').localeCompare(a.updated ?? '') || a.slug.localeCompare(b.slug))
    .slice(0, FEED_SIZE);
  const items = notes
    .map((page) => {
      const link = escapeXml(new URL(page.href, site).href);
      const description = page.description ?? plainText(shownHtml(page)).slice(0, 300);
      return [
        '    <item>',
        `      <title>${escapeXml(page.title)}</title>`,
        `      <link>${link}</link>`,
        `      <guid isPermaLink="true">${link}</guid>`,
        page.updated ? `      <pubDate>${new Date(page.updated).toUTCString()}</pubDate>` : '',
        `      <description>${escapeXml(description)}</description>`,
        '    </item>',
      ]
        .filter(Boolean)
        .join('\n');
    })
    .join('\n');
  const home = escapeXml(new URL(vault.base, site).href);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n  <channel>\n    <title>${escapeXml(vault.title)}</title>\n    <link>${home}</link>\n    <description>${escapeXml(`Notes from ${vault.title}`)}</description>\n${items}\n  </channel>\n</rss>\n`;
}

export function robots(vault: Vault, site: URL): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${new URL(`${vault.base}sitemap.xml`, site).href}\n`;
}
