import type { Passage, PreparedNote, PreparedPart } from '../prepare/prepare-note.ts';
import type { Backlink, Resolution } from '../model.ts';
import { renderingKey, type LinkRendering } from '../prepare/render.ts';
import type { Problem } from '../problems.ts';
import type { Href, Slug, VaultPath } from '../types.ts';

type Suggest = (wanted: string) => string | undefined;

/** How a link was read while a part was finished: its text, an embed's alias, what it embeds, how it renders. */
export type LinkReadKind = 'text' | 'alias' | 'target' | 'render';

/** One thing a part finished from its tree read, with what it read then. */
export type TreeRead =
  | { kind: LinkReadKind; from: VaultPath; local: number; value: string }
  | { kind: 'url'; url: string; from: VaultPath; line: number; value: string }
  | { kind: 'part'; path: VaultPath; index: number; part: PreparedPart };

export interface TreeReads {
  list: TreeRead[];
  /** The attachments it published, to publish again when it is reused. */
  attachments: VaultPath[];
}

/** How a link resolved, what resolving it reported, and the note it reached (whatever it resolved to) as that note then stood. */
export interface ResolvedLink {
  resolution: Resolution;
  problems: Problem[];
  target?: { path: VaultPath; note: PreparedNote | undefined; slugs: readonly Slug[] | undefined };
}

/** What a part's finished text depends on besides its own: which services its sections name, as text, and how its links render. */
export interface FinishInputs {
  named: string;
  renderings: readonly LinkRendering[];
}

/** Whether two lists hold the same items in the same order (or both are missing). */
export function sameItems<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((item, i) => item === b[i]));
}

interface FinishedTree {
  key: string;
  reads: TreeReads;
  html: string;
  links: LinkRendering[];
  /** What finishing it reported (its bad vault URLs), to report again when it is reused. */
  problems: Problem[];
}

/**
 * What one model can take from the model built before it in the same
 * process: `astro dev` builds the whole model again after each edit, and most
 * of it comes out as it was. Entries are keyed by the prepared objects they
 * were computed from, which an unchanged note keeps from build to build, and
 * by everything else they depend on; so a model built with a memo is the
 * model built without one (tests/unit/model-memo.test.ts).
 */
export class ModelMemo {
  private suggesters = new Map<string, { names: readonly string[]; suggest: Suggest }>();
  private catalog: string | undefined;
  private mentions = new WeakMap<Passage, number[]>();
  private html = new WeakMap<PreparedPart, { inputs: FinishInputs; html: string; links: LinkRendering[] }>();
  private renderings = new WeakMap<Resolution, LinkRendering>();
  private citations = new WeakMap<Passage, Backlink>();
  private trees = new WeakMap<PreparedPart, FinishedTree>();
  private backlinks = new WeakMap<PreparedNote, Map<number, Backlink>>();
  private world: string | undefined;
  private resolved = new WeakMap<PreparedNote, ResolvedLink[]>();

  /** A "did you mean" over these names, with the answers it already gave while the names stay the same. */
  suggester(list: string, names: readonly string[], make: (names: readonly string[]) => Suggest): Suggest {
    const kept = this.suggesters.get(list);
    if (kept && sameItems(kept.names, names)) return kept.suggest;
    const suggest = make(names);
    this.suggesters.set(list, { names, suggest });
    return suggest;
  }

  /** The positions, in the catalog, of the services a passage names; found again when the catalog changed. */
  mentionsOf(catalog: string, passage: Passage, find: () => number[]): number[] {
    if (catalog !== this.catalog) {
      this.catalog = catalog;
      this.mentions = new WeakMap();
    }
    let found = this.mentions.get(passage);
    if (!found) this.mentions.set(passage, (found = find()));
    return found;
  }

  /** Starts resolving a model's links: those kept are dropped unless the names, services and attachments links resolve against (`world`) are as they were. */
  resolveIn(world: string): void {
    if (world === this.world) return;
    this.world = world;
    this.resolved = new WeakMap();
  }

  /** How a note's link (by its place in the note) resolved, if the note is unchanged and the note it reached `reachesSame`. */
  resolvedLink(note: PreparedNote, link: number, reachesSame: (target: NonNullable<ResolvedLink['target']>) => boolean): ResolvedLink | undefined {
    const kept = this.resolved.get(note)?.[link];
    return kept && (!kept.target || reachesSame(kept.target)) ? kept : undefined;
  }

  keepResolvedLink(note: PreparedNote, link: number, resolved: ResolvedLink): void {
    let links = this.resolved.get(note);
    if (!links) this.resolved.set(note, (links = []));
    links[link] = resolved;
  }

  /** How a hub cites a passage, kept while the page the passage is on keeps its address. */
  citation(passage: Passage, page: Href, make: () => Backlink): Backlink {
    const kept = this.citations.get(passage);
    if (kept?.from.href === page) return kept;
    const made = make();
    this.citations.set(passage, made);
    return made;
  }

  /** How a page lists a link to it, kept while the linking note is unchanged and the link's page keeps its address. */
  backlink(note: PreparedNote, link: number, page: Href, make: () => Backlink): Backlink {
    let links = this.backlinks.get(note);
    if (!links) this.backlinks.set(note, (links = new Map()));
    const kept = links.get(link);
    if (kept?.from.href === page) return kept;
    const made = make();
    links.set(link, made);
    return made;
  }

  /** How a resolved link renders, made once for as long as the resolution (kept with `keepResolvedLink`) is the same object. */
  rendering(resolution: Resolution, make: (resolution: Resolution) => LinkRendering): LinkRendering {
    let made = this.renderings.get(resolution);
    if (!made) this.renderings.set(resolution, (made = make(resolution)));
    return made;
  }

  /**
   * A part's finished HTML and the links it rendered, if it was finished before with links that render
   * the same and sections that name the same services. Renderings kept with their resolutions
   * are the same objects, so most are matched without comparing their text.
   */
  finished(part: PreparedPart, { named, renderings }: FinishInputs): { html: string; links: LinkRendering[] } | undefined {
    const kept = this.html.get(part);
    if (!kept || kept.inputs.named !== named || kept.inputs.renderings.length !== renderings.length) return undefined;
    const before = kept.inputs.renderings;
    return renderings.every((rendering, i) => rendering === before[i] || renderingKey(rendering) === renderingKey(before[i]!)) ? kept : undefined;
  }

  keepFinished(part: PreparedPart, inputs: FinishInputs, html: string, links: LinkRendering[]): void {
    this.html.set(part, { inputs, html, links: [...links] });
  }

  /**
   * A part with embeds or vault URLs, finished before under the same `key`, if every
   * note part, link and URL it read then reads the same now (`same`, asked in order).
   */
  finishedTree(part: PreparedPart, key: string, same: (read: TreeRead) => boolean): FinishedTree | undefined {
    const kept = this.trees.get(part);
    return kept?.key === key && kept.reads.list.every(same) ? kept : undefined;
  }

  keepTree(part: PreparedPart, finished: FinishedTree): void {
    this.trees.set(part, finished);
  }
}
