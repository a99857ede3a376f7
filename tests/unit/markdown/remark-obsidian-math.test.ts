import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../helpers/render-markdown.ts';

/** The TeX source KaTeX keeps in its MathML, which is what a formula "says". */
const texOf = (html: string) => [...html.matchAll(/<annotation encoding="application\/x-tex">(.*?)<\/annotation>/g)].map((m) => m[1]);

describe('remarkObsidianMath with KaTeX: $inline$ and $$display$$', () => {

  it('renders inline math with KaTeX at build time', () => {
    const html = renderMarkdown('Energy: $E = mc^2$.');
    expect(html).toMatch(/^<p>Energy: <span class="katex"><span class="katex-mathml"><math xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML">/);
    expect(html).toContain('<span class="katex-html" aria-hidden="true">');
    expect(texOf(html)).toEqual(['E = mc^2']);
    expect(html).not.toContain('$');
  });

  it('renders a $$ block as display math', () => {
    const html = renderMarkdown('$$\n\\sum_{i=1}^n i\n$$');
    expect(html).toMatch(/^<span class="katex-display"><span class="katex">/);
    expect(html).toContain('display="block"');
    expect(texOf(html)).toEqual(['\\sum_{i=1}^n i']);
  });

  it('renders $$…$$ inside a line as display math, as Obsidian does', () => {
    const html = renderMarkdown('Inline $$x^2$$ display');
    expect(html).toMatch(/^<p>Inline <span class="katex-display">/);
  });

  it('leaves prices alone: no math where a space follows the opening $ or precedes the closing one', () => {
    expect(renderMarkdown('It costs $5 and $10.')).toBe('<p>It costs $5 and $10.</p>');
    expect(renderMarkdown('Both $ x$ and $y $ stay text.')).toBe('<p>Both $ x$ and $y $ stay text.</p>');
  });

  it('keeps $ literal inside code', () => {
    expect(renderMarkdown('`$x$`')).toBe('<p><code>$x$</code></p>');
  });

  it('shows a formula KaTeX cannot read as its source, marked as an error, without failing the page', () => {
    const html = renderMarkdown('Broken $\\frac{1}{$ here');
    expect(html).toContain('katex-error');
    expect(html).toContain('\\frac{1}{');
  });
});

describe('KaTeX does not trust a formula', () => {
  it('renders links, pictures and HTML attributes a formula asks for as errors, never as markup', () => {
    const html = renderMarkdown(
      '$\\href{javascript:alert(1)}{click}$ $\\url{https://tracker.example/}$ $\\includegraphics[height=1em]{https://tracker.example/p.png}$ $\\htmlClass{preview}{a} \\htmlId{querySelector}{b} \\htmlStyle{position:fixed}{c} \\htmlData{pagefind-meta=title:x}{d}$',
    );
    // The formulas' source stays readable as text in the MathML annotation; the markup around it is what must be inert.
    const markup = html.replace(/<annotation encoding="application\/x-tex">.*?<\/annotation>/g, '');
    expect(markup).not.toMatch(/<a |<img |href=|src=|class="preview"|id="querySelector"|position:fixed|data-pagefind/);
    for (const command of ['\\href', '\\url', '\\includegraphics', '\\htmlClass', '\\htmlId', '\\htmlStyle', '\\htmlData']) {
      expect(html).toContain(`<span class="mord" style="color:#cc0000;">${command}</span>`);
    }
  });
});
