import type { ElementContent, Root as HastRoot, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { rewriteVaultUrls } from '../../prepare/relative-urls.ts';
import type { LinkOccurrence, PreparedNote, PreparedPart } from '../../prepare/types.ts';
import type { LinkRendering, Problem, SectionServices, ServiceLink, Slug, VaultPath } from '../../types.ts';
import type { FinishedPart } from '../types.ts';
import { expandEmbeds, sectionNodes, type EmbedContext } from './embed-render.ts';
import { fillLinks, finishHtmlText, needsTree, parseBody } from './fill-links.ts';
import type { PartLookups } from './part-lookups.ts';
import { placeCanvases } from './place-canvases.ts';

/** One part of a note to finish, with what it shows besides its own text. */
export interface PartJob {
  note: PreparedNote;
  index: number;
  part: PreparedPart;
  slug: Slug;
  /** The note's first link number: its placeholders number its links from 0. */
  offset: number;
  /** The part's own links. */
  links: readonly LinkOccurrence[];
  /** The services each section names (by its H2's id), as the page lists them after the H2. */
  sections: ReadonlyMap<string, readonly ServiceLink[]>;
}

/** A part finished: from its text when it can be (no embeds, no vault URLs), else from its tree. */
export function finishPart(job: PartJob, lookups: PartLookups): FinishedPart {
  return (!needsTree(job.part.body) && finishText(job, lookups)) || finishTree(job, lookups);
}

/**
 * A part without embeds or vault URLs, finished on its text: each
 * placeholder becomes its link. Undefined when a placeholder is not in the
 * shape expected, so that the part is finished from its tree instead.
 */
export function finishText(job: PartJob, lookups: PartLookups): FinishedPart | undefined {
  const links: LinkRendering[] = [];
  const render = (n: number) => {
    const rendering = lookups.rendering(n + job.offset);
    if (lookups.form(n + job.offset) === undefined) links.push(rendering);
    return rendering;
  };
  let html = '';
  let pending = '';
  const sectionServices: SectionServices[] = [];
  for (const chunk of job.part.body) {
    pending += chunk.html;
    const services = chunk.h2 === undefined ? undefined : job.sections.get(chunk.h2);
    if (!services?.length) continue;
    const finished = finishHtmlText(pending, render);
    if (finished === undefined) return undefined;
    html += finished;
    pending = '';
    sectionServices.push({ at: html.length, services: [...services] });
  }
  const rest = finishHtmlText(pending, render);
  if (rest === undefined) return undefined;
  const attachments = job.links.map((link) => lookups.attachmentOf(link.index)).filter((path) => path !== undefined);
  return { html: html + rest, sectionServices, links, problems: [], attachments };
}

/** A part finished on its tree: vault URLs rewritten, embeds expanded, links filled in. */
export function finishTree(job: PartJob, lookups: PartLookups): FinishedPart {
  const problems: Problem[] = [];
  const attachments = new Set<VaultPath>();
  const tree = parseBody(job.part.body, job.offset);
  rewriteVaultUrls(tree, (url, line) => {
    const resolved = lookups.vaultUrl(url, job.note.path, line);
    if (resolved.problem) problems.push(resolved.problem);
    if (resolved.attachment) attachments.add(resolved.attachment);
    return resolved.href;
  });
  expandEmbeds(tree, embedContext(lookups, attachments), [`${job.slug}#`]);
  placeCanvases(tree);
  const links: LinkRendering[] = [];
  fillLinks(tree, (n) => {
    const rendering = lookups.rendering(n);
    const attachment = lookups.attachmentOf(n);
    if (attachment) attachments.add(attachment);
    // Only the note's own wiki-links, in order: an MDX note's compiler matches them one by one.
    if (lookups.place(n).from === job.note.path && lookups.form(n) === undefined) links.push(rendering);
    return rendering;
  });
  return { ...serialize(tree, job.sections), links, problems, attachments: [...attachments] };
}

/** What embeds read, with the attachments they show collected for publishing. */
function embedContext(lookups: PartLookups, attachments: Set<VaultPath>): EmbedContext {
  const treeOf = (path: VaultPath, index: number): HastRoot => {
    const { tree, urls } = lookups.partTree(path, index);
    for (const { result } of urls) if (result.attachment) attachments.add(result.attachment);
    return tree;
  };
  return {
    textOf: (n) => lookups.text(n),
    aliasOf: (n) => lookups.alias(n),
    targetOf: (n) => {
      const target = lookups.target(n);
      if (target.kind === 'attachment') attachments.add(target.path);
      if (target.kind !== 'content') return target;
      const { note, part, parts, fragment, whole } = target;
      return {
        kind: 'content',
        href: target.href,
        title: target.title,
        key: target.key,
        nodes: () =>
          whole
            ? Array.from({ length: parts }, (_, i) => treeOf(note, i).children as ElementContent[]).flat()
            : fragment === undefined
              ? (treeOf(note, part).children as ElementContent[])
              : sectionNodes(treeOf(note, part), fragment),
      };
    },
  };
}

/** The tree as HTML, cut after each H2 whose section names services, so the page can list them there. */
function serialize(tree: HastRoot, sections: ReadonlyMap<string, readonly ServiceLink[]>): { html: string; sectionServices: SectionServices[] } {
  const children = tree.children;
  const sectionServices: SectionServices[] = [];
  let html = '';
  let start = 0;
  children.forEach((node, i) => {
    if (node.type !== 'element' || node.tagName !== 'h2') return;
    const services = sections.get(String(node.properties.id ?? ''));
    if (!services?.length) return;
    html += toHtml({ type: 'root', children: children.slice(start, i + 1) as RootContent[] });
    start = i + 1;
    sectionServices.push({ at: html.length, services: [...services] });
  });
  return { html: html + toHtml({ type: 'root', children: children.slice(start) as RootContent[] }), sectionServices };
}
