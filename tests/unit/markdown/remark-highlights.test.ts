import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../helpers/render-markdown.ts';

describe('remarkHighlights: ==text==', () => {

  const cases: [string, string, string][] = [
    ['a highlight', 'Some ==marked== text', '<p>Some <mark>marked</mark> text</p>'],
    ['two in one line', '==a== and ==b==', '<p><mark>a</mark> and <mark>b</mark></p>'],
    ['inline markup inside', '==a **bold** [[Note]] b==', '<p><mark>a <strong>bold</strong> <a href="/wiki/Note/" class="internal">Note</a> b</mark></p>'],
    ['inside emphasis', '*x ==y==*', '<p><em>x <mark>y</mark></em></p>'],
    ['inside a heading', '# A ==key== idea', '<h1 id="a-key-idea">A <mark>key</mark> idea</h1>'],
    ['inside a table cell', '| h |\n|---|\n| ==c== |', '<table>\n<thead>\n<tr>\n<th>h</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><mark>c</mark></td>\n</tr>\n</tbody>\n</table>'],
    ['not inside inline code', 'Use `==x==` here', '<p>Use <code>==x==</code> here</p>'],
    ['not with spaces inside the markers', 'if a == b == c', '<p>if a == b == c</p>'],
    ['not for a run of three', 'a ===b=== c', '<p>a ===b=== c</p>'],
    ['not when unclosed', 'half ==open', '<p>half ==open</p>'],
  ];
  for (const [name, markdown, html] of cases) {
    it(`renders ${name}`, () => {
      expect(renderMarkdown(markdown)).toBe(html);
    });
  }

  it('keeps == literal inside a code block', () => {
    expect(renderMarkdown('```\n==x==\n```')).toContain('==x==');
    expect(renderMarkdown('```\n==x==\n```')).not.toContain('<mark>');
  });

  it('does not pair markers across paragraphs', () => {
    expect(renderMarkdown('==one\n\ntwo==')).toBe('<p>==one</p>\n<p>two==</p>');
  });
});
