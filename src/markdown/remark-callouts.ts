/**
 * Why: Obsidian turns a blockquote whose first line is `[!type] Title` into
 * a callout, with a title, an icon colour per type and, after `+` or `-`,
 * a fold. Without this the marker would show as text in a plain quote.
 * The markup follows Obsidian's so its CSS conventions carry over:
 * `.callout[data-callout="…"]` (the type as written, lower-cased) holding
 * `.callout-title` > `.callout-title-inner` and `.callout-content`, plus a
 * `callout-<type>` class with the canonical type (`caution` is a warning).
 * A foldable callout is a `<details>` so it folds without JavaScript.
 * The node stays a blockquote, so a `^block-id` line after it still names it.
 */
import type { Blockquote, BlockContent, DefinitionContent, Paragraph, Parent, PhrasingContent, Root, Text } from 'mdast';
import { visit } from './visit.ts';
import type { VFile } from 'vfile';

/** The wrapper of a callout's title text. */
export interface CalloutTitleInner extends Parent {
  type: 'calloutTitleInner';
  children: PhrasingContent[];
}

/** The wrapper of a callout's body. */
export interface CalloutContent extends Parent {
  type: 'calloutContent';
  children: (BlockContent | DefinitionContent)[];
}

declare module 'mdast' {
  interface PhrasingContentMap {
    calloutTitleInner: CalloutTitleInner;
  }
  interface BlockContentMap {
    calloutContent: CalloutContent;
  }
  interface RootContentMap {
    calloutTitleInner: CalloutTitleInner;
    calloutContent: CalloutContent;
  }
}

export interface RemarkCalloutsOptions {
  /** The type an unknown type is styled as. Default `note`, as in Obsidian. */
  fallbackType?: string;
}

/** Obsidian's callout types, each alias mapped to the type it is styled as. */
const CALLOUT_TYPES: ReadonlyMap<string, string> = new Map([
  ['note', 'note'],
  ['abstract', 'abstract'],
  ['summary', 'abstract'],
  ['tldr', 'abstract'],
  ['info', 'info'],
  ['todo', 'todo'],
  ['tip', 'tip'],
  ['hint', 'tip'],
  ['important', 'tip'],
  ['success', 'success'],
  ['check', 'success'],
  ['done', 'success'],
  ['question', 'question'],
  ['help', 'question'],
  ['faq', 'question'],
  ['warning', 'warning'],
  ['caution', 'warning'],
  ['attention', 'warning'],
  ['failure', 'failure'],
  ['fail', 'failure'],
  ['missing', 'failure'],
  ['danger', 'danger'],
  ['error', 'danger'],
  ['bug', 'bug'],
  ['example', 'example'],
  ['quote', 'quote'],
  ['cite', 'quote'],
]);

/** `[!type]`, `[!type|metadata]`, then an optional fold sign. */
const MARKER = /^\[!([^\]|\s]+)(?:\|([^\]]*))?\]([+-]?)[ \t]*/;

export default function remarkCallouts(options: RemarkCalloutsOptions = {}) {
  const fallbackType = options.fallbackType ?? 'note';
  return (tree: Root, file: VFile) => {
    visit(tree, 'blockquote', (quote: Blockquote) => {
      const first = quote.children[0];
      if (first?.type !== 'paragraph') return;
      const lead = first.children[0];
      const match = lead?.type === 'text' ? MARKER.exec(lead.value) : null;
      if (!lead || !match) return;
      const [marker, written, metadata, fold] = match as unknown as [string, string, string | undefined, '' | '+' | '-'];
      (lead as Text).value = (lead as Text).value.slice(marker.length);

      const type = written.toLowerCase();
      const { title, rest } = splitFirstLine(first, String(file.value ?? ''));
      const foldable = fold !== '';
      quote.data = {
        ...quote.data,
        hName: foldable ? 'details' : 'div',
        hProperties: {
          ...quote.data?.hProperties,
          className: ['callout', `callout-${CALLOUT_TYPES.get(type) ?? fallbackType}`],
          dataCallout: type,
          ...(foldable ? { dataCalloutFold: fold } : {}),
          ...(metadata !== undefined ? { dataCalloutMetadata: metadata } : {}),
          ...(fold === '+' ? { open: true } : {}),
        },
      };
      const inner: CalloutTitleInner = {
        type: 'calloutTitleInner',
        children: title.length > 0 ? title : [{ type: 'text', value: titleCase(written) }],
        data: { hName: foldable ? 'span' : 'div', hProperties: { className: ['callout-title-inner'] } },
      };
      const heading: Paragraph = {
        type: 'paragraph',
        children: [inner],
        data: { hName: foldable ? 'summary' : 'div', hProperties: { className: ['callout-title'] } },
        ...(first.position ? { position: first.position } : {}),
      };
      const body = [...(rest ? [rest] : []), ...quote.children.slice(1)];
      const content: CalloutContent = { type: 'calloutContent', children: body, data: { hName: 'div', hProperties: { className: ['callout-content'] } } };
      quote.children = body.length > 0 ? [heading, content] : [heading];
    });
  };
}

/** The title is the first line of the first paragraph; the lines after it open the callout's body. */
function splitFirstLine(paragraph: Paragraph, source: string): { title: PhrasingContent[]; rest: Paragraph | undefined } {
  const title: PhrasingContent[] = [];
  const children = paragraph.children;
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!;
    if (node.type === 'text' && node.value === '') continue;
    const newline = node.type === 'text' ? node.value.indexOf('\n') : -1;
    if (node.type === 'break' || newline !== -1) {
      if (newline > 0) title.push({ type: 'text', value: (node as Text).value.slice(0, newline) });
      const after = newline === -1 ? [] : [{ type: 'text', value: (node as Text).value.slice(newline + 1) } satisfies Text];
      const restChildren = [...after.filter((text) => text.value !== ''), ...children.slice(index + 1)];
      return { title: trimEnd(title), rest: restChildren.length > 0 ? { type: 'paragraph', children: restChildren, ...positionFrom(restChildren, paragraph, source) } : undefined };
    }
    title.push(node);
  }
  return { title: trimEnd(title), rest: undefined };
}

function trimEnd(nodes: PhrasingContent[]): PhrasingContent[] {
  const last = nodes[nodes.length - 1];
  if (last?.type === 'text') {
    last.value = last.value.trimEnd();
    if (last.value === '') return trimEnd(nodes.slice(0, -1));
  }
  return nodes;
}

/** A body paragraph split from the title starts on the line after it, behind the quote markers, for file:line reports. */
function positionFrom(children: PhrasingContent[], paragraph: Paragraph, source: string): Pick<Paragraph, 'position'> {
  const position = paragraph.position;
  const known = children[0]?.position?.start;
  if (!position) return {};
  if (known) return { position: { start: known, end: position.end } };
  const newline = position.start.offset === undefined ? -1 : source.indexOf('\n', position.start.offset);
  if (newline === -1) return {};
  const indent = /^[ \t]*(?:>[ \t]?)*/.exec(source.slice(newline + 1))![0].length;
  return { position: { start: { line: position.start.line + 1, column: indent + 1, offset: newline + 1 + indent }, end: position.end } };
}

/** `TIP` and `tip` are titled `Tip`, as in Obsidian. */
function titleCase(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1).toLowerCase();
}
