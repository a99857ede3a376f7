import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { SKIP, visit } from '../../../markdown/visit.ts';
import { attachmentKind } from '../../attachment-kinds.ts';
import { imageSize } from '../../prepare/embeds.ts';

/** What an embed placeholder turned out to point at. */
export type EmbedTarget =
  | { kind: 'content'; href: string; title: string; key: string; nodes: () => ElementContent[] | undefined }
  | { kind: 'attachment'; href: string; path: string; fragment?: string }
  | { kind: 'link'; href: string; className: string[]; title?: string }
  | { kind: 'text' };

export interface EmbedContext {
  targetOf(link: number): EmbedTarget;
  textOf(link: number): string;
  aliasOf(link: number): string | undefined;
}

/** How deep embeds may nest; deeper ones show as links. */
const MAX_DEPTH = 4;

const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

function attachmentElement(target: Extract<EmbedTarget, { kind: 'attachment' }>, alias: string | undefined, inline: boolean): ElementContent {
  const name = fileName(target.path);
  const src = target.fragment ? `${target.href}#${target.fragment}` : target.href;
  switch (attachmentKind(target.path)) {
    case 'image': {
      const size = imageSize(alias);
      const alt = alias !== undefined && size.width === undefined ? alias : name.replace(/\.[^.]+$/, '');
      return h('img', { src: target.href, alt, loading: 'lazy', ...size });
    }
    case 'audio':
      return h('audio', { controls: true, preload: 'metadata', src: target.href }, h('a', { href: target.href }, name));
    case 'video':
      return h('video', { controls: true, preload: 'metadata', src: target.href }, h('a', { href: target.href }, name));
    case 'pdf':
      if (inline) return h('a', { className: ['embed-link'], href: src }, name);
      return h('div', { className: ['embed', 'embed-pdf'] }, [
        h('iframe', { src, title: name, loading: 'lazy' }),
        h('p', h('a', { href: src }, `Open ${name}`)),
      ]);
    default:
      return h('a', { href: target.href }, name);
  }
}

/** Copies of embedded content keep no ids: the page they are shown on has its own, and links target the original. */
function withoutIds(nodes: ElementContent[]): ElementContent[] {
  const copy = structuredClone(nodes);
  for (const node of copy) {
    visit(node, 'element', (element: Element) => {
      delete element.properties.id;
    });
  }
  return copy;
}

/**
 * Replaces the embed placeholders of a page with what they embed: a note or
 * one of its sections or blocks (whose own embeds are expanded in turn, up
 * to a depth, stopping visibly at a loop), an image, a PDF, audio or video.
 */
export function expandEmbeds(tree: Root | Element, context: EmbedContext, trail: readonly string[] = []): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    const marker = node.properties.dataQuireEmbed;
    if (marker === undefined || !parent || index === undefined) return;
    const link = Number(marker);
    const inline = node.tagName === 'span';
    const target = context.targetOf(link);
    const text = context.textOf(link);
    let replacement: ElementContent[];
    if (target.kind === 'text') {
      replacement = [{ type: 'text', value: text }];
    } else if (target.kind === 'link') {
      replacement = [h('a', { href: target.href, className: target.className, ...(target.title ? { title: target.title } : {}) }, text)];
    } else if (target.kind === 'attachment') {
      replacement = [attachmentElement(target, context.aliasOf(link), inline)];
    } else if (inline || trail.length >= MAX_DEPTH) {
      replacement = [h('a', { href: target.href, className: ['internal', 'embed-link'] }, text)];
    } else if (trail.includes(target.key)) {
      replacement = [
        h('div', { className: ['embed', 'embed-loop'], role: 'note' }, [
          h('p', [`${text} embeds itself again (`, h('a', { href: target.href }, 'open it'), '); the embed stops here.']),
        ]),
      ];
    } else {
      const content = h('div', { className: ['embed-content'] }, withoutIds(target.nodes() ?? []));
      expandEmbeds(content, context, [...trail, target.key]);
      replacement = [
        h('div', { className: ['embed', 'embed-note'], dataEmbed: text }, [h('p', { className: ['embed-title'] }, h('a', { href: target.href, className: ['internal'] }, text)), content]),
      ];
    }
    const kept = keepBlockId(node, replacement, inline);
    parent.children.splice(index, 1, ...(kept as typeof parent.children));
    return [SKIP, index + kept.length];
  });
}

/** A block id the embed carried (`^id` after it) stays on what it shows, so links to the block still land. */
function keepBlockId(placeholder: Element, replacement: ElementContent[], inline: boolean): ElementContent[] {
  const id = placeholder.properties.id;
  if (id === undefined || id === null) return replacement;
  const only = replacement.length === 1 ? replacement[0] : undefined;
  if (only?.type === 'element' && only.properties.id === undefined) {
    only.properties.id = id;
    return replacement;
  }
  return [h(inline ? 'span' : 'div', { id }, replacement)];
}

/**
 * The part of a page a heading starts: the heading and what follows it up to
 * the next heading of the same or a higher level, as Obsidian embeds a section.
 */
export function sectionNodes(root: Root, headingId: string): ElementContent[] | undefined {
  const children = root.children as ElementContent[];
  const start = children.findIndex((node) => node.type === 'element' && node.properties.id === headingId && /^h[1-6]$/.test(node.tagName));
  if (start === -1) {
    let found: Element | undefined;
    visit(root, 'element', (node: Element) => {
      if (node.properties.id === headingId) {
        found = node;
        return false;
      }
      return undefined;
    });
    return found ? [found] : undefined;
  }
  const rank = Number((children[start] as Element).tagName.slice(1));
  const section: ElementContent[] = [children[start]!];
  for (const node of children.slice(start + 1)) {
    if (node.type === 'element' && /^h[1-6]$/.test(node.tagName) && Number(node.tagName.slice(1)) <= rank) break;
    section.push(node);
  }
  return section;
}
