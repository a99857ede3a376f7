import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../helpers/render-markdown.ts';

describe('rehypeSanitizeNote: raw HTML in notes', () => {

  const neutralised: [string, string, string][] = [
    ['a script element, with its text', 'Before\n\n<script>alert(1)</script>\n\nAfter', '<p>Before</p>\n\n<p>After</p>'],
    ['an inline script', 'Text <script>alert(1)</script> more', '<p>Text  more</p>'],
    ['an event handler', '<img src=x onerror=alert(1)>', '<img src="x">'],
    ['a javascript: link from HTML', '<a href="javascript:alert(1)">click</a>', '<p><a>click</a></p>'],
    ['a javascript: link from Markdown', '[click](javascript:alert(1))', '<p><a>click</a></p>'],
    ['a style element', '<style>body{display:none}</style>\n\nText', '\n<p>Text</p>'],
    ['an iframe', '<iframe src="https://example.com"></iframe>', ''],
    ['a form', '<form action="/x"><button>go</button></form>', 'go'],
  ];
  for (const [name, markdown, html] of neutralised) {
    it(`neutralises ${name}`, () => {
      expect(renderMarkdown(markdown)).toBe(html);
    });
  }

  it('keeps harmless HTML: bold, kbd, details, mark, classes and inline styles', () => {
    expect(renderMarkdown('Press <kbd>Ctrl</kbd> + <b>bold</b> and <mark>hi</mark>.')).toBe('<p>Press <kbd>Ctrl</kbd> + <b>bold</b> and <mark>hi</mark>.</p>');
    expect(renderMarkdown('<details><summary>More</summary>\n\nHidden *text*.\n\n</details>')).toBe('<details><summary>More</summary>\n<p>Hidden <em>text</em>.</p>\n</details>');
    expect(renderMarkdown('<span class="red" style="color:red">red</span>')).toBe('<p><span class="red" style="color:red">red</span></p>');
  });

  it('does not render Markdown inside an HTML block, as CommonMark says', () => {
    expect(renderMarkdown('<div>\n*not emphasis*\n</div>')).toBe('<div>\n*not emphasis*\n</div>');
  });

  it('keeps everything Quire itself puts in a note', () => {
    const source = [
      'Linked [[Other]] and tagged #topic.',
      '',
      'A key fact. ^key-fact',
      '',
      '- [x] done',
      '- [ ] open',
      '',
      'Note.[^1]',
      '',
      '[^1]: The footnote.',
      '',
      '> [!tip]- Folded',
      '> ==marked==',
    ].join('\n');
    const html = renderMarkdown(source);
    expect(html).toContain('Linked <a href="/wiki/Other/" class="internal">Other</a>');
    expect(html).toContain('<a href="/tags/topic/" class="tag">#topic</a>');
    expect(html).toContain('<p id="^key-fact">A key fact.</p>');
    expect(html).toContain('<ul class="contains-task-list">\n<li class="task-list-item"><label class="task-list-label"><input type="checkbox" checked disabled> done</label></li>');
    expect(html).toContain('<li class="task-list-item"><label class="task-list-label"><input type="checkbox" disabled> open</label></li>');
    expect(html).toContain('<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref="" aria-describedby="footnote-label">1</a></sup>');
    expect(html).toContain('<section data-footnotes="" class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2>');
    expect(html).toContain('<li id="user-content-fn-1">');
    expect(html).toContain('<a href="#user-content-fnref-1" data-footnote-backref="" aria-label="Back to reference 1" class="data-footnote-backref">↩</a>');
    expect(html).toContain('<details class="callout callout-tip" data-callout="tip" data-callout-fold="-">\n<summary class="callout-title">');
    expect(html).toContain('<mark>marked</mark>');
  });

  it('keeps the wiki-link placeholders for the model to fill', () => {
    expect(renderMarkdown('See [[Other|the other note]].')).toBe('<p>See <a href="/wiki/Other/" class="internal">Other</a>.</p>');
  });

  it('does not fill a link placeholder written in the note’s own HTML', () => {
    const html = renderMarkdown('[[Real]] and <a data-quire-link="0">forged</a> and <a data-quire-link="7">made up</a>');
    expect(html).toBe('<p><a href="/wiki/Real/" class="internal">Real</a> and <a>forged</a> and <a>made up</a></p>');
    expect(renderMarkdown('<span data-quire-embed="0" data-quire-sealed="x">forged embed</span>')).toBe('<p><span>forged embed</span></p>');
  });

  it('keeps ids in raw HTML exactly, so links to them work', () => {
    expect(renderMarkdown('<span id="anchor">here</span>')).toBe('<p><span id="anchor">here</span></p>');
  });
});
