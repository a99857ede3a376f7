import type { LinkOccurrence, Passage, PreparedNote } from '../prepare/types.ts';
import type { MentionsIn } from '../stages/find-mentions.ts';
import type { PartLookups } from '../stages/finish/part-lookups.ts';
import type { PartFinisher } from '../stages/finish-html.ts';
import type { Mention, Resolution, ResolvedLink } from '../stages/types.ts';
import type { Backlink, Href, LinkRendering, Service, Slug, VaultPath } from '../types.ts';
import { FinishedParts } from './finished-parts.ts';

type Suggest = (wanted: string) => string | undefined;

/** Whether two lists hold the same items in the same order (or both are missing). */
export function sameItems<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((item, i) => item === b[i]));
}

/** A link resolved, and the note it reached (whatever it resolved to) as that note then stood. */
interface KeptLink {
  resolved: ResolvedLink;
  target?: { path: VaultPath; note: PreparedNote | undefined; slugs: readonly Slug[] | undefined };
}

/** Where each note's links are numbered and its pages published in this model: what a kept link is checked against. */
export interface LinkPlaces {
  byPath: ReadonlyMap<VaultPath, PreparedNote>;
  offsets: ReadonlyMap<VaultPath, number>;
  slugs: ReadonlyMap<VaultPath, readonly Slug[]>;
}

/**
 * What one model can take from the model built before it in the same
 * process: `astro dev` builds the whole model again after each edit, and most
 * of it comes out as it was. Each method wraps what one stage does for one
 * item (a link, a passage, a part, a backlink), answering as before when
 * that item and everything it depends on is unchanged. Entries are keyed by
 * the prepared objects they were computed from, which an unchanged note
 * keeps from build to build; so a model built with a memo is the model built
 * without one (tests/unit/model-memo.test.ts).
 */
export class ModelMemo {
  private suggesters = new Map<string, { names: readonly string[]; suggest: Suggest }>();
  private catalog: string | undefined;
  private mentions = new WeakMap<Passage, number[]>();
  private world: string | undefined;
  private links = new WeakMap<PreparedNote, KeptLink[]>();
  private renderings = new WeakMap<Resolution, LinkRendering>();
  private backlinks = new WeakMap<PreparedNote, Map<number, Backlink>>();
  private citations = new WeakMap<Passage, Backlink>();
  private parts = new FinishedParts();

  /** A "did you mean" over these names, with the answers it already gave while the names stay the same. */
  suggester(list: string, names: readonly string[], make: (names: readonly string[]) => Suggest): Suggest {
    const kept = this.suggesters.get(list);
    if (kept && sameItems(kept.names, names)) return kept.suggest;
    const suggest = make(names);
    this.suggesters.set(list, { names, suggest });
    return suggest;
  }

  /** The services a passage names, found again when the catalog (its text) changed. */
  mentionsIn(catalog: string, services: readonly Service[], find: MentionsIn): MentionsIn {
    if (catalog !== this.catalog) {
      this.catalog = catalog;
      this.mentions = new WeakMap();
    }
    const position = new Map(services.map((service, i) => [service, i]));
    return (passage) => {
      let found = this.mentions.get(passage);
      if (!found) this.mentions.set(passage, (found = find(passage).map((service) => position.get(service)!)));
      return found.map((i) => services[i]!);
    };
  }

  /**
   * `resolve`, answering as before for a link of an unchanged note while the names, services and attachments
   * links resolve against (`world`) are as they were, and the note it reached is unchanged at the same addresses.
   */
  linkResolver(world: string, places: LinkPlaces, resolve: (link: LinkOccurrence) => ResolvedLink): (link: LinkOccurrence) => ResolvedLink {
    if (world !== this.world) {
      this.world = world;
      this.links = new WeakMap();
    }
    const reachesSame = (target: NonNullable<KeptLink['target']>) => places.byPath.get(target.path) === target.note && sameItems(places.slugs.get(target.path), target.slugs);
    return (link) => {
      const note = places.byPath.get(link.from)!;
      const local = link.index - places.offsets.get(link.from)!;
      let kept = this.links.get(note);
      const before = kept?.[local];
      if (before && (!before.target || reachesSame(before.target))) return before.resolved;
      const resolved = resolve(link);
      if (!kept) this.links.set(note, (kept = []));
      const { reached } = resolved;
      kept[local] = { resolved, ...(reached ? { target: { path: reached, note: places.byPath.get(reached), slugs: places.slugs.get(reached) } } : {}) };
      return resolved;
    };
  }

  /**
   * `render`, made once for as long as a resolution (kept by `linkResolver`) is the same object. A hub's or
   * stub's section, and an attachment, are worked out each time: section ids depend on link order.
   */
  renderer(render: (resolution: Resolution) => LinkRendering): (resolution: Resolution) => LinkRendering {
    return (resolution) => {
      if (resolution.kind !== 'page' && resolution.kind !== 'private' && resolution.kind !== 'none') return render(resolution);
      let made = this.renderings.get(resolution);
      if (!made) this.renderings.set(resolution, (made = render(resolution)));
      return made;
    };
  }

  /** `finishPart`, keeping a part's HTML while all it read reads the same (finished-parts.ts). */
  partFinisher(lookups: PartLookups): PartFinisher {
    return this.parts.finisher(lookups);
  }

  /** `spot`, keeping a link's backlink while the linking note is unchanged and the link's page keeps its address. */
  backlinkSpot(places: LinkPlaces, href: (slug: Slug) => Href, spot: (link: LinkOccurrence) => Backlink): (link: LinkOccurrence) => Backlink {
    return (link) => {
      const note = places.byPath.get(link.from)!;
      const local = link.index - places.offsets.get(link.from)!;
      const page = href(places.slugs.get(link.from)![link.part]!);
      let kept = this.backlinks.get(note);
      if (!kept) this.backlinks.set(note, (kept = new Map()));
      const before = kept.get(local);
      if (before?.from.href === page) return before;
      const made = spot(link);
      kept.set(local, made);
      return made;
    };
  }

  /** `cite`, keeping how a hub cites a passage while the page the passage is on keeps its address. */
  citer(slugs: ReadonlyMap<VaultPath, readonly Slug[]>, href: (slug: Slug) => Href, cite: (mention: Mention) => Backlink): (mention: Mention) => Backlink {
    return (mention) => {
      const page = href(slugs.get(mention.note.path)![mention.part]!);
      const before = this.citations.get(mention.passage);
      if (before?.from.href === page) return before;
      const made = cite(mention);
      this.citations.set(mention.passage, made);
      return made;
    };
  }
}
