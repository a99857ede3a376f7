import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../helpers/render-markdown.ts';

describe('rehypeCodeHighlight: Shiki with GitHub’s light and dark themes', () => {

  it('highlights a TypeScript block with both themes’ colours as CSS variables', () => {
    const html = renderMarkdown('```ts\nconst answer: number = 42;\n```');
    expect(html).toMatch(/^<pre class="shiki shiki-themes github-light-default github-dark-default" style="--shiki-light:#1f2328;--shiki-dark:#e6edf3;--shiki-light-bg:#ffffff;--shiki-dark-bg:#0d1117" tabindex="0"><code class="language-ts">/);
    expect(html).toContain('<span class="line"><span style="--shiki-light:#CF222E;--shiki-dark:#FF7B72">const</span>');
    expect(html).toContain('<span style="--shiki-light:#0550AE;--shiki-dark:#79C0FF"> 42</span>');
    // Colours are only variables, so the stylesheet picks the scheme.
    expect(html).not.toMatch(/[";]color:/);
  });

  it('knows languages by their aliases', () => {
    expect(renderMarkdown('```sh\necho hi\n```')).toContain('<code class="language-sh"><span class="line"><span style="--shiki-light:#0550AE;--shiki-dark:#79C0FF">echo</span>');
    expect(renderMarkdown('```py\ndef f(): pass\n```')).toContain('--shiki-light:#CF222E;--shiki-dark:#FF7B72">def</span>');
  });

  it('shows a block in an unknown language, or in none, as plain text in the same frame', () => {
    expect(renderMarkdown('```klingon\nQapla\'\n```')).toContain('<code class="language-text"><span class="line"><span>Qapla\'</span></span></code></pre>');
    expect(renderMarkdown('```\nplain\n```')).toContain('<code class="language-text"><span class="line"><span>plain</span></span></code></pre>');
  });

  it('keeps the text of the code exactly', () => {
    const html = renderMarkdown('```html\n<a href="x">&amp;</a>\n```');
    expect(html.replace(/<[^>]+>/g, '')).toContain('&#x3C;a href="x">&#x26;amp;&#x3C;/a>');
  });

  it('does not touch inline code or mermaid diagrams', () => {
    expect(renderMarkdown('Run `npm test`.')).toBe('<p>Run <code>npm test</code>.</p>');
    expect(renderMarkdown('```mermaid\ngraph TD\n```')).toBe('<pre class="mermaid">graph TD</pre>');
  });
});
