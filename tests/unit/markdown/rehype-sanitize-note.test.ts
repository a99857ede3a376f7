import { describe, expect, it } from 'vitest';
import { IFRAME_SANDBOX } from '../../../src/markdown/rehype-sanitize-note.ts';
import { renderMarkdown } from '../../helpers/render-markdown.ts';

describe('rehypeSanitizeNote: raw HTML in notes', () => {

  const neutralised: [string, string, string][] = [
    ['a script element, with its text', 'Before\n\n<script>alert(1)</script>\n\nAfter', '<p>Before</p>\n\n<p>After</p>'],
    ['an inline script', 'Text <script>alert(1)</script> more', '<p>Text  more</p>'],
    ['an event handler', '<img src=x onerror=alert(1)>', '<img src="x">'],
    ['a javascript: link from HTML', '<a href="javascript:alert(1)">click</a>', '<p><a>click</a></p>'],
    ['a javascript: link from Markdown', '[click](javascript:alert(1))', '<p><a>click</a></p>'],
    ['a javascript: link hidden by a tab, a space or capitals', '<a href="jav&#x09;ascript:alert(1)">a</a> <a href=" javascript:alert(1)">b</a> <a href="JAVASCRIPT:alert(1)">c</a>', '<p><a>a</a> <a>b</a> <a>c</a></p>'],
    ['a data: link from Markdown', '[click](data:text/html,<script>alert(1)</script>)', '<p><a>click</a></p>'],
    ['a style element', '<style>body{display:none}</style>\n\nText', '\n<p>Text</p>'],
    ['a form, whose fields become disabled checkboxes', '<form action="/x"><input type="password" placeholder="Password"><button>go</button></form>', '<input type="checkbox" disabled>go'],
    ['a base, a meta refresh and a stylesheet link', '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/"><link rel="stylesheet" href="https://evil.example/x.css">', ''],
    ['an object and an embed, with their contents', '<object data="x.swf"><embed src="x.swf">fallback</object>', '<p></p>'],
    ['a handler on details, which fires when it opens', '<details open ontoggle="alert(1)"><summary>S</summary>x</details>', '<details open><summary>S</summary>x</details>'],
    ['MathML mutation XSS', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>after', '<p>after</p>'],
    ['SVG mutation XSS', '<svg><p><style><img src=x onerror=alert(2)></style></p></svg>', '<p></p><p></p><p></p>'],
    ['an inline SVG with a handler', 'a <svg onload="alert(1)"><circle r="5"/></svg> b', '<p>a  b</p>'],
    ['a template', '<template><img src=x onerror=alert(1)></template>Text', '<p>Text</p>'],
  ];
  for (const [name, markdown, html] of neutralised) {
    it(`neutralises ${name}`, () => {
      expect(renderMarkdown(markdown)).toBe(html);
    });
  }

  it('keeps harmless HTML: bold, kbd, sup, details, mark, alignment, a class of the author’s and inline styles', () => {
    expect(renderMarkdown('Press <kbd>Ctrl</kbd> + <b>bold</b>, x<sup>2</sup> and <mark>hi</mark>.')).toBe('<p>Press <kbd>Ctrl</kbd> + <b>bold</b>, x<sup>2</sup> and <mark>hi</mark>.</p>');
    expect(renderMarkdown('<details><summary>More</summary>\n\nHidden *text*.\n\n</details>')).toBe('<details><summary>More</summary>\n<p>Hidden <em>text</em>.</p>\n</details>');
    expect(renderMarkdown('<span class="red" style="color:red">red</span>')).toBe('<p><span class="red" style="color:red">red</span></p>');
    expect(renderMarkdown('<p align="center"><font color="teal">centred</font></p>')).toBe('<p align="center"><font color="teal">centred</font></p>');
    expect(renderMarkdown('<img src="https://example.com/a.png" alt="A" width="300">')).toBe('<img src="https://example.com/a.png" alt="A" width="300">');
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
      '',
      '<b>Some HTML, so that the note’s HTML is parsed.</b>',
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
});

describe('rehypeSanitizeNote: what belongs to the site', () => {
  it('drops every data attribute a note writes: search metadata, filters and Quire’s own', () => {
    const html = renderMarkdown('<span data-pagefind-meta="title:Spoofed" data-pagefind-filter="service:Spoofed" data-pagefind-body data-pagefind-ignore data-callout="tip" data-theme="dark">x</span>');
    expect(html).toBe('<p><span>x</span></p>');
  });

  it('drops the classes the site uses for itself, and keeps the author’s own', () => {
    const html = renderMarkdown('<div class="nav-open my-snippet"><div class="sidebar preview embed-note search-result-title graph-node">menu</div></div>');
    expect(html).toBe('<div class="my-snippet"><div>menu</div></div>');
  });

  it('does not let the note’s HTML make a diagram, a formula or a callout of Quire’s', () => {
    expect(renderMarkdown('<pre class="mermaid">graph TD; A-->B</pre>')).toBe('<pre>graph TD; A-->B</pre>');
    expect(renderMarkdown('<span class="math-inline">\\href{javascript:alert(1)}{x}</span>')).toBe('<p><span>\\href{javascript:alert(1)}{x}</span></p>');
    expect(renderMarkdown('<pre><code class="language-mermaid">graph TD; A-->B</code></pre>')).not.toContain('mermaid');
    expect(renderMarkdown('<div class="callout callout-tip">x</div>')).toBe('<div>x</div>');
  });

  it('keeps an inline style to the properties it allows: no positioning, no URLs', () => {
    const overlay = '<div style="position:fixed; top:0; left:0; width:100vw; height:100vh; z-index:2147483647; background:white">Sign in</div>';
    expect(renderMarkdown(overlay)).toBe('<div style="width:100vw;height:100vh;background:white">Sign in</div>');
    expect(renderMarkdown('<p style="background-image:url(https://tracker.example/p.gif); color: red">x</p>')).toBe('<p style="color:red">x</p>');
    expect(renderMarkdown('<p style="margin-top:-20em; transform: translateY(-100px)">x</p>')).toBe('<p>x</p>');
  });
});

describe('rehypeSanitizeNote: ids and names cannot clobber the DOM', () => {
  it('prefixes the ids and names a note writes, so none can be a property of document or window', () => {
    expect(renderMarkdown('<img name="querySelector" id="getElementById" src="https://example.com/a.png">')).toBe('<img id="user-content-getElementById" src="https://example.com/a.png">');
    expect(renderMarkdown('<a name="body" id="cookie">x</a>')).toBe('<p><a name="user-content-body" id="user-content-cookie">x</a></p>');
    expect(renderMarkdown('<form name="body"><span>x</span></form>')).toBe('<span>x</span>');
  });

  it('gives the same prefix to the note’s links to its own anchors, from Markdown and from HTML', () => {
    const html = renderMarkdown('<span id="anchor">here</span> <a name="old-style"></a> [to it](#anchor) <a href="#old-style">back</a> [a heading](#some-heading)');
    expect(html).toBe(
      '<p><span id="user-content-anchor">here</span> <a name="user-content-old-style"></a> <a href="#user-content-anchor">to it</a> <a href="#user-content-old-style">back</a> <a href="#some-heading">a heading</a></p>',
    );
  });

  it('leaves the ids Quire makes as they are: headings, blocks, footnotes', () => {
    const html = renderMarkdown('## Body\n\nA fact. ^cookie\n\nNote.[^1]\n\n[^1]: Text.\n\n<b>x</b>');
    expect(html).toContain('<h2 id="body">Body</h2>');
    expect(html).toContain('<p id="^cookie">A fact.</p>');
    expect(html).toContain('<li id="user-content-fn-1">');
  });
});

describe('rehypeSanitizeNote: iframes', () => {
  it('keeps an https iframe, sandboxed without same-origin access or top navigation, whatever the note asked for', () => {
    const html = renderMarkdown('<iframe src="https://www.youtube.com/embed/x" sandbox="allow-same-origin allow-top-navigation" allow="camera" srcdoc="<script>alert(1)</script>" name="body" width="560" height="315" allowfullscreen></iframe>');
    expect(html).toBe(`<iframe src="https://www.youtube.com/embed/x" width="560" height="315" allowfullscreen sandbox="${IFRAME_SANDBOX}" referrerpolicy="strict-origin-when-cross-origin" loading="lazy" title="Embedded page from www.youtube.com"></iframe><p class="embed-web-link"><a href="https://www.youtube.com/embed/x" class="external" rel="noopener noreferrer" target="_blank">Open the embedded page (www.youtube.com)</a></p>`);
    expect(renderMarkdown('<iframe src="https://example.com/" title="A map"></iframe>')).toContain('title="A map"');
    expect(IFRAME_SANDBOX).not.toMatch(/allow-same-origin|allow-top-navigation/);
  });

  it('removes an iframe without an https source', () => {
    for (const iframe of ['<iframe src="javascript:alert(1)"></iframe>', '<iframe src="http://example.com/"></iframe>', '<iframe src="/pagefind/"></iframe>', '<iframe srcdoc="<b>x</b>"></iframe>', '<iframe src="data:text/html,x"></iframe>']) {
      expect(renderMarkdown(`a\n\n${iframe}\n\nb`)).toBe('<p>a</p>\n\n<p>b</p>');
    }
  });
});
