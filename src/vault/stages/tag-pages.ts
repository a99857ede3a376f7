import { SlugClaims } from '../slug.ts';
import { tagKey, tagSlug } from '../prepare/tags.ts';
import type { Page, PageLink, Slug, TagPage, VaultPath } from '../types.ts';
import type { Site } from './types.ts';

/** The pages and the taken addresses after the tag pages claimed theirs. */
export interface TagPages {
  pages: TagPage[];
  taken: ReadonlySet<Slug>;
  problems: SlugClaims['problems'];
}

/** A page per tag, and per parent of a nested tag, which lists its children's pages too, as Obsidian's tag search does. */
export function buildTagPages(pages: readonly Page[], taken: ReadonlySet<Slug>, site: Site): TagPages {
  const byKey = new Map<string, { tag: string; pages: PageLink[]; source: VaultPath }>();
  const entry = (tag: string, source: VaultPath) => {
    const key = tagKey(tag);
    let found = byKey.get(key);
    if (!found) byKey.set(key, (found = { tag, pages: [], source }));
    return found;
  };
  for (const page of pages) {
    const content = page.kind === 'service' ? page.note : page.kind === 'note' || page.kind === 'book' || page.kind === 'chapter' ? page : undefined;
    if (!content) continue;
    for (const { tag } of content.tags) {
      entry(tag, content.source).pages.push({ title: page.title, slug: page.slug, href: page.href });
      const segments = tag.split('/');
      for (let n = segments.length - 1; n > 0; n--) entry(segments.slice(0, n).join('/'), content.source);
    }
  }
  const claims = new SlugClaims(taken);
  const keys = [...byKey.keys()].sort();
  const slugs = new Map(keys.map((key) => [key, claims.claim(tagSlug(byKey.get(key)!.tag), byKey.get(key)!.source)]));
  const tagPages = keys.map((key): TagPage => {
    const { tag } = byKey.get(key)!;
    const children = keys.filter((other) => other.startsWith(`${key}/`) && !other.slice(key.length + 1).includes('/'));
    const descendants = keys.filter((other) => other.startsWith(`${key}/`));
    const parentKey = key.includes('/') ? key.slice(0, key.lastIndexOf('/')) : undefined;
    const listed = new Map<Slug, PageLink>();
    for (const k of [key, ...descendants]) for (const page of byKey.get(k)!.pages) listed.set(page.slug, page);
    const slug = slugs.get(key)!;
    return {
      kind: 'tag',
      tag,
      title: `#${tag}`,
      slug,
      href: site.href(slug),
      pages: [...listed.values()],
      children: children.map((child) => ({ tag: byKey.get(child)!.tag, href: site.href(slugs.get(child)!), count: byKey.get(child)!.pages.length })),
      ...(parentKey ? { parent: { tag: byKey.get(parentKey)!.tag, href: site.href(slugs.get(parentKey)!) } } : {}),
      backlinks: [],
    };
  });
  return { pages: tagPages, taken: claims.taken, problems: claims.problems };
}
