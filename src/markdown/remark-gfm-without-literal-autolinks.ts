/**
 * GFM without its literal autolinks (`www.example.com`, `https://…`,
 * `someone@example.com` written without angle brackets), for notes that
 * cannot hold one. Everything else is what remark-gfm adds: footnotes,
 * strikethrough, tables and task lists, with remark-gfm's defaults.
 *
 * Why: the autolink syntax is tried at every letter and digit of a note's
 * text, to find where an email address might begin. That doubles the time
 * micromark takes to parse a note, and a follow-up search of every text
 * node for the links it missed adds more: in a vault whose notes hold no
 * address, about a sixth of the time its notes took to prepare.
 */
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Processor } from 'unified';

export default function remarkGfmWithoutLiteralAutolinks(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
}

/**
 * Whether a text has what every GFM literal autolink needs: `www.`,
 * `http://` or `https://` (in any case, as GFM reads them), or an `@`
 * (an email address, `mailto:` and `xmpp:` included). A text without any
 * of them parses to the same tree with or without the autolink syntax.
 */
export const mayHoldLiteralAutolink = (text: string): boolean => /@|www\.|https?:\/\//i.test(text);
