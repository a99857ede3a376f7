import { attachmentHref } from '../../href.ts';
import type { LinkRendering } from '../../types.ts';
import { sectionKey } from '../gather-places.ts';
import type { Hubs, Places, Resolution, Site } from '../types.ts';

/**
 * How a resolved link is written out: a link to a page (a hub's drawn as a
 * service), to a hub's or stub's section, to an attachment, or its text alone.
 */
export function linkRenderer(site: Site, places: Places, hubs: Hubs): (resolution: Resolution) => LinkRendering {
  return (resolution) => {
    if (resolution.kind === 'private' || resolution.kind === 'none') return { kind: 'text' };
    if (resolution.kind === 'attachment') {
      const href = attachmentHref(site.base, resolution.path);
      return { kind: 'link', href: resolution.fragment ? `${href}#${resolution.fragment}` : href, className: ['internal', 'attachment'] };
    }
    if (resolution.kind === 'gathered') {
      const place = places.byKey.get(resolution.key)!;
      const section = place.sections.get(sectionKey(resolution.heading))!;
      const href = site.href(place.slug, section.heading === undefined ? undefined : section.id);
      return resolution.key.startsWith('stub:')
        ? { kind: 'link', href, className: ['internal', 'unresolved'], title: 'No note yet' }
        : { kind: 'link', href, className: ['internal', 'service'] };
    }
    return { kind: 'link', href: site.href(resolution.slug, resolution.fragment), className: hubs.serviceOf.has(resolution.note) ? ['internal', 'service'] : ['internal'] };
  };
}
