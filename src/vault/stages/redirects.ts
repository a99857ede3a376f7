import { asSlug, type Page, type Problem, type Redirect, type Slug, type VaultPath } from '../types.ts';
import { SITE_OWNER } from './claim-addresses.ts';
import { underReserved, type WantedRedirect } from './permalinks.ts';
import type { Addresses, Site } from './types.ts';

export interface Redirects {
  redirects: Redirect[];
  problems: Problem[];
}

/** What holds an address, as a clash names it. */
function ownerOf(page: Page): { name: string; note?: VaultPath } {
  switch (page.kind) {
    case 'service':
      return { name: `the page of ${page.service.name}`, ...(page.note ? { note: page.note.source } : {}) };
    case 'stub':
      return { name: `the page for “${page.target}”, which no note has yet` };
    case 'folder':
      return { name: `the page of the folder “${page.folder}”` };
    case 'tag':
      return { name: `the page of #${page.tag}` };
    case 'list':
      return { name: `the page that continues a list of ${page.title}` };
    default:
      return { name: page.source, note: page.source };
  }
}

/**
 * The redirects the notes ask for (claim-addresses.ts), claimed once every
 * page has its address, so that a redirect never takes a page's: where a
 * page, one of the site's own addresses or an earlier redirect stands, the
 * redirect is not written, and the build says so. An address that already
 * leads to the same page needs none.
 */
export function claimRedirects(wanted: readonly WantedRedirect[], addresses: Addresses, pages: readonly Page[], reserved: readonly string[], site: Site): Redirects {
  const held = new Map<Slug, { name: string; note?: VaultPath }>(reserved.map((slug) => [asSlug(slug), { name: SITE_OWNER }]));
  for (const page of pages) held.set(page.slug, ownerOf(page));
  const reservedSet = new Set(reserved);
  const redirects = new Map<Slug, { redirect: Redirect; wanted: WantedRedirect }>();
  const problems: Problem[] = [];
  for (const want of wanted) {
    const to = addresses.pages.get(want.to.note)![want.to.part]!;
    const page = held.get(want.from);
    const earlier = redirects.get(want.from);
    // Already the page's own, another page of the same note, or a redirect there: nothing to write, nothing wrong.
    if (page?.note === want.to.note || earlier?.redirect.to.slug === to.slug) continue;
    const holder = page?.name ?? (earlier ? `a redirect ${earlier.wanted.file} asks for (its ${describe(earlier.wanted)})` : underReserved(want.from, reservedSet) ? SITE_OWNER : undefined);
    if (holder !== undefined) {
      problems.push({
        rule: 'redirect-clash',
        file: want.file,
        ...(want.line ? { line: want.line } : {}),
        message: `Its ${describe(want)} names /${want.from}/, which is taken by ${holder}: no redirect to /${to.slug}/ is written there`,
        hint: page ? 'a page never gives way to a redirect: rename one of the two if the old address matters' : 'give each note its own aliases',
        severity: 'warning',
      });
      continue;
    }
    redirects.set(want.from, { redirect: { title: to.title, slug: want.from, href: site.href(want.from), to: { ...to } }, wanted: want });
  }
  return { redirects: [...redirects.values()].map((r) => r.redirect), problems };
}

function describe(want: WantedRedirect): string {
  if (want.why === 'alias') return `alias “${want.written}”`;
  if (want.why === 'permalink') return `permalink “${want.written}”`;
  return `former address ${want.written}`;
}
