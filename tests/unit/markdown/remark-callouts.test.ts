import { describe, expect, it } from 'vitest';
import { markBlocks } from '../../../src/vault/prepare/blocks.ts';
import { parseMarkdown } from '../../../src/vault/prepare/markdown.ts';
import { renderToHast } from '../../../src/vault/prepare/render.ts';
import { finishHtml } from '../../helpers/render-markdown.ts';
import { renderMarkdown } from '../../helpers/render-markdown.ts';

/** Every type and alias Obsidian knows (help: Callouts.md), with the type it is styled as. */
const TYPES: [string, string][] = [
  ['note', 'note'],
  ['abstract', 'abstract'], ['summary', 'abstract'], ['tldr', 'abstract'],
  ['info', 'info'],
  ['todo', 'todo'],
  ['tip', 'tip'], ['hint', 'tip'], ['important', 'tip'],
  ['success', 'success'], ['check', 'success'], ['done', 'success'],
  ['question', 'question'], ['help', 'question'], ['faq', 'question'],
  ['warning', 'warning'], ['caution', 'warning'], ['attention', 'warning'],
  ['failure', 'failure'], ['fail', 'failure'], ['missing', 'failure'],
  ['danger', 'danger'], ['error', 'danger'],
  ['bug', 'bug'],
  ['example', 'example'],
  ['quote', 'quote'], ['cite', 'quote'],
];

describe('remarkCallouts: > [!type] Title', () => {

  it('renders a callout with Obsidian’s markup', () => {
    expect(renderMarkdown('> [!info] Read *this*\n> The body.')).toBe(
      '<div class="callout callout-info" data-callout="info">\n' +
        '<div class="callout-title"><div class="callout-title-inner">Read <em>this</em></div></div>\n' +
        '<div class="callout-content"><p>The body.</p></div>\n' +
        '</div>',
    );
  });

  for (const [written, styledAs] of TYPES) {
    it(`styles [!${written}] as ${styledAs}`, () => {
      const html = renderMarkdown(`> [!${written}]\n> Body.`);
      const title = written[0]!.toUpperCase() + written.slice(1);
      expect(html).toContain(`<div class="callout callout-${styledAs}" data-callout="${written}">`);
      expect(html).toContain(`<div class="callout-title-inner">${title}</div>`);
    });
  }

  it('reads the type case-insensitively and titles it as Obsidian does', () => {
    const html = renderMarkdown('> [!TIP]\n> Body.');
    expect(html).toContain('<div class="callout callout-tip" data-callout="tip">');
    expect(html).toContain('<div class="callout-title-inner">Tip</div>');
    expect(renderMarkdown('> [!CAUTION] Mind the gap')).toContain('<div class="callout callout-warning" data-callout="caution">');
  });

  it('styles an unknown type as a note, keeping the type it was given', () => {
    const html = renderMarkdown('> [!recipe] Pancakes\n> Flour, eggs, milk.');
    expect(html).toContain('<div class="callout callout-note" data-callout="recipe">');
    expect(html).toContain('<div class="callout-title-inner">Pancakes</div>');
  });

  it('folds a callout with - closed and with + open, as <details>', () => {
    expect(renderMarkdown('> [!faq]- Why?\n> Because.')).toBe(
      '<details class="callout callout-question" data-callout="faq" data-callout-fold="-">\n' +
        '<summary class="callout-title"><span class="callout-title-inner">Why?</span></summary>\n' +
        '<div class="callout-content"><p>Because.</p></div>\n' +
        '</details>',
    );
    expect(renderMarkdown('> [!faq]+ Why?\n> Because.')).toContain('<details class="callout callout-question" data-callout="faq" data-callout-fold="+" open>');
  });

  it('nests callouts', () => {
    const html = renderMarkdown('> [!note] Outer\n> Outer text.\n>\n> > [!warning] Inner\n> > Inner text.');
    expect(html).toBe(
      '<div class="callout callout-note" data-callout="note">\n' +
        '<div class="callout-title"><div class="callout-title-inner">Outer</div></div>\n' +
        '<div class="callout-content"><p>Outer text.</p><div class="callout callout-warning" data-callout="warning">\n' +
        '<div class="callout-title"><div class="callout-title-inner">Inner</div></div>\n' +
        '<div class="callout-content"><p>Inner text.</p></div>\n' +
        '</div></div>\n' +
        '</div>',
    );
  });

  it('allows a callout that is only a title', () => {
    expect(renderMarkdown('> [!success] All done')).toBe(
      '<div class="callout callout-success" data-callout="success">\n<div class="callout-title"><div class="callout-title-inner">All done</div></div>\n</div>',
    );
  });

  it('keeps the metadata after |', () => {
    expect(renderMarkdown('> [!example|wide] Wide')).toContain('<div class="callout callout-example" data-callout="example" data-callout-metadata="wide">');
  });

  it('keeps paragraphs, lists and links in the body', () => {
    const html = renderMarkdown('> [!todo]\n> First [[Task]].\n>\n> - one\n> - two');
    expect(html).toContain('<div class="callout-content"><p>First <a href="/wiki/Task/" class="internal">Task</a>.</p><ul>\n<li>one</li>\n<li>two</li>\n</ul></div>');
  });

  it('gets the id of a ^block-id line after it', () => {
    const tree = parseMarkdown('> [!tip] Key fact\n> Water boils at 100 °C.\n\n^key-fact');
    expect(markBlocks(tree)).toEqual([{ id: 'key-fact', line: 4 }]);
    const html = finishHtml(renderToHast(tree), () => ({ kind: 'text' }));
    expect(html).toContain('<div class="callout callout-tip" data-callout="tip" id="^key-fact">');
    expect(html).not.toContain('^key-fact<');
  });

  it('leaves an ordinary blockquote, and one with a link-like first word, alone', () => {
    expect(renderMarkdown('> Just a quote.')).toBe('<blockquote>\n<p>Just a quote.</p>\n</blockquote>');
    expect(renderMarkdown('> [not a callout] text')).toBe('<blockquote>\n<p>[not a callout] text</p>\n</blockquote>');
  });
});
