import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/vault/prepare/markdown.ts';
import { headingsOf, renderToHast } from '../../../src/vault/prepare/render.ts';
import { renderMarkdown } from '../../helpers/render-markdown.ts';

describe('the Obsidian Markdown pipeline', () => {

  describe('external links', () => {
    it('opens http(s) links in a new tab, without an opener or a referrer, marked external', () => {
      expect(renderMarkdown('[AWS](https://aws.amazon.com/s3/)')).toBe(
        '<p><a href="https://aws.amazon.com/s3/" class="external" rel="noopener noreferrer" target="_blank">AWS</a></p>',
      );
      expect(renderMarkdown('See www.example.com')).toBe('<p>See <a href="http://www.example.com" class="external" rel="noopener noreferrer" target="_blank">www.example.com</a></p>');
      expect(renderMarkdown('<a href="https://example.com" target="_self">raw</a>')).toBe(
        '<p><a href="https://example.com" class="external" rel="noopener noreferrer" target="_blank">raw</a></p>',
      );
    });

    it('leaves internal, fragment and mail links alone', () => {
      expect(renderMarkdown('[a](/notes/x/) [b](#part) [c](mailto:me@example.com) [[Note]]')).toBe(
        '<p><a href="/notes/x/">a</a> <a href="#part">b</a> <a href="mailto:me@example.com">c</a> <a href="/wiki/Note/" class="internal">Note</a></p>',
      );
    });
  });

  describe('GitHub Flavored Markdown', () => {
    it('renders tables with their alignment', () => {
      expect(renderMarkdown('| Left | Right |\n|:--|--:|\n| a | 1 |')).toBe(
        '<table>\n<thead>\n<tr>\n<th align="left">Left</th>\n<th align="right">Right</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align="left">a</td>\n<td align="right">1</td>\n</tr>\n</tbody>\n</table>',
      );
    });

    it('renders task lists as disabled checkboxes, each labelled by its text', () => {
      expect(renderMarkdown('- [x] done\n- [ ] to do')).toBe(
        '<ul class="contains-task-list">\n' +
          '<li class="task-list-item"><label class="task-list-label"><input type="checkbox" checked disabled> done</label></li>\n' +
          '<li class="task-list-item"><label class="task-list-label"><input type="checkbox" disabled> to do</label></li>\n' +
          '</ul>',
      );
    });

    it('labels a task by its own text only, not by the tasks nested under it', () => {
      expect(renderMarkdown('- [ ] parent\n  - [x] child')).toBe(
        '<ul class="contains-task-list">\n' +
          '<li class="task-list-item"><label class="task-list-label"><input type="checkbox" disabled> parent\n</label><ul class="contains-task-list">\n' +
          '<li class="task-list-item"><label class="task-list-label"><input type="checkbox" checked disabled> child</label></li>\n' +
          '</ul>\n</li>\n</ul>',
      );
      expect(renderMarkdown('1. [x] loose\n\n2. [ ] list')).toContain('<li class="task-list-item">\n<p><label class="task-list-label"><input type="checkbox" checked disabled> loose</label></p>\n</li>');
    });

    it('renders strikethrough', () => {
      expect(renderMarkdown('~~gone~~ and ~also~')).toBe('<p><del>gone</del> and <del>also</del></p>');
    });

    it('renders footnotes whose links land on their ids', () => {
      const html = renderMarkdown('Claim.[^src]\n\n[^src]: The source.');
      expect(html).toContain('<sup><a href="#user-content-fn-src" id="user-content-fnref-src" data-footnote-ref="" aria-describedby="footnote-label">1</a></sup>');
      expect(html).toContain('<li id="user-content-fn-src">\n<p>The source. <a href="#user-content-fnref-src" data-footnote-backref=""');
    });
  });

  describe('block ids on blocks that plugins replace', () => {
    it('keeps a code block’s id on a wrapper, since Shiki replaces the <pre>', () => {
      const html = renderMarkdown('```ts\nlet x = 1;\n```\n\n^the-code');
      expect(html).toMatch(/^<div id="\^the-code" class="code-block"><pre class="shiki /);
    });

    it('keeps a display formula’s id and a diagram’s id the same way', () => {
      expect(renderMarkdown('$$\nx\n$$\n\n^formula')).toMatch(/^<div id="\^formula" class="code-block"><span class="katex-display">/);
      expect(renderMarkdown('```mermaid\ngraph TD\n```\n\n^diagram')).toBe('<div id="^diagram" class="code-block"><pre class="mermaid">graph TD</pre></div>');
    });
  });

  describe('headings', () => {
    it('gives a heading with a formula an id and a text from the formula’s source', () => {
      const [heading] = headingsOf(renderToHast(parseMarkdown('# Growth is $O(n^2)$')));
      expect(heading).toEqual({ depth: 1, id: 'growth-is-on2', text: 'Growth is O(n^2)' });
    });

    it('gives a heading with a highlight its plain id', () => {
      expect(renderMarkdown('## A ==key== point')).toBe('<h2 id="a-key-point">A <mark>key</mark> point</h2>');
    });
  });
});
