/**
 * Draws the page's diagrams: each ```mermaid block was rendered as
 * `<pre class="mermaid">` holding its source (src/markdown/rehype-mermaid.ts).
 * mermaid.js is large, so it is fetched only on a page that has one; until
 * then, or without JavaScript, the source stays readable. Diagrams are
 * drawn again in the other theme when the reader or the system switches it.
 * What a diagram may do is set in ./mermaid-config.ts.
 */
import { MERMAID_CONFIG } from './mermaid-config.ts';

const diagrams = [...document.querySelectorAll<HTMLElement>('pre.mermaid')];

if (diagrams.length > 0) {
  const sources = diagrams.map((diagram) => diagram.textContent ?? '');
  const system = window.matchMedia('(prefers-color-scheme: dark)');
  const root = document.documentElement;
  const theme = (): 'dark' | 'default' => ((root.dataset.theme ?? (system.matches ? 'dark' : 'light')) === 'dark' ? 'dark' : 'default');

  import('mermaid')
    .then(async ({ default: mermaid }) => {
      let drawn: 'dark' | 'default' | undefined;
      const draw = async () => {
        if (theme() === drawn) return;
        drawn = theme();
        diagrams.forEach((diagram, i) => {
          diagram.removeAttribute('data-processed');
          diagram.textContent = sources[i]!;
        });
        mermaid.initialize({ ...structuredClone(MERMAID_CONFIG), secure: [...MERMAID_CONFIG.secure], theme: drawn });
        await mermaid.run({ nodes: diagrams, suppressErrors: true });
      };
      await draw();
      system.addEventListener('change', () => void draw());
      new MutationObserver(() => void draw()).observe(root, { attributes: true, attributeFilter: ['data-theme'] });
    })
    .catch((error: unknown) => console.warn('Diagrams could not be drawn; their source is shown instead.', error));
}
