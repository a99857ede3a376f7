/**
 * A page opened from a search result marks what was searched for, as one
 * phrase, in the section the result led to (the element the URL's fragment
 * names, up to the next heading of its rank), and scrolls to the first mark.
 * Only when the phrase is not there are its words marked one by one, still
 * only in that section.
 */
import { HIGHLIGHT_PARAM } from './highlight-param.ts';

const MOST = 40;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const rankOf = (element: Element) => (/^H([1-6])$/.test(element.tagName) ? Number(element.tagName[1]) : undefined);

/** The text nodes of the section that starts at `start`: its own, then what follows it up to a heading of the same rank or higher. */
function sectionText(root: Element, start: Element | null): Text[] {
  const texts: Text[] = [];
  const rank = start ? rankOf(start) : undefined;
  const from = start && rank === undefined ? start : root;
  const walker = document.createTreeWalker(from, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node instanceof Element && /^(SCRIPT|STYLE|SVG|NOSCRIPT)$/i.test(node.tagName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let inside = start === null || rank === undefined;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Element) {
      if (node === start) inside = true;
      else if (inside && rank !== undefined && (rankOf(node) ?? 7) <= rank && !start!.contains(node)) break;
      continue;
    }
    if (inside && node.nodeValue?.trim()) texts.push(node as Text);
  }
  return texts;
}

/** Wraps `[from, to)` of the concatenated `texts` in marks, one per text node it spans. */
function mark(texts: Text[], starts: number[], from: number, to: number): HTMLElement[] {
  const made: HTMLElement[] = [];
  for (let i = texts.length - 1; i >= 0; i--) {
    const start = starts[i]!;
    const end = start + texts[i]!.length;
    if (end <= from || start >= to) continue;
    const range = document.createRange();
    range.setStart(texts[i]!, Math.max(0, from - start));
    range.setEnd(texts[i]!, Math.min(texts[i]!.length, to - start));
    const element = document.createElement('mark');
    element.className = 'search-hit';
    range.surroundContents(element);
    made.unshift(element);
  }
  return made;
}

/** Marks `query` in the section the page was opened at; returns the marks, first first. */
export function highlightQuery(root: Element, query: string, fragment: string): HTMLElement[] {
  const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length === 0) return [];
  const start = fragment ? document.getElementById(fragment) : null;
  const texts = sectionText(root, start && root.contains(start) ? start : null);
  const starts: number[] = [];
  let all = '';
  for (const text of texts) {
    starts.push(all.length);
    all += text.data;
  }
  const find = (pattern: RegExp) => [...all.matchAll(pattern)].slice(0, MOST);
  let found = find(new RegExp(`(?<![\\p{L}\\p{N}])${words.map(escape).join('[^\\p{L}\\p{N}]+')}`, 'giu'));
  if (found.length === 0) found = find(new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escape).join('|')})[\\p{L}\\p{N}]*`, 'giu'));
  // From the last to the first, so that wrapping one match leaves the offsets of those before it as they were.
  return found.reverse().flatMap((match) => mark(texts, starts, match.index!, match.index! + match[0].length)).reverse();
}

const query = new URLSearchParams(location.search).get(HIGHLIGHT_PARAM);
const article = document.querySelector('main article');
if (query && article) {
  const marks = highlightQuery(article, query, decodeURIComponent(location.hash.slice(1)));
  marks[0]?.scrollIntoView({ block: 'center' });
}
