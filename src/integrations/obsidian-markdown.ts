import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { sharedSettings } from '../site/settings.ts';
import { stripNoteComments } from '../vault/index.ts';

/**
 * What the Obsidian Markdown features (src/markdown/) need from Astro:
 * `%%comments%%` cut from `.mdx` notes before @astrojs/mdx compiles them,
 * as src/vault/prepare/markdown.ts does for `.md` notes, so the compiled note and
 * the vault model see the same text; the script that draws mermaid diagrams;
 * and KaTeX's stylesheet. Every note page comes from one route, so the
 * stylesheet cannot follow only the pages with math; it is on every page
 * (about 23 kB; its fonts load only where math is shown).
 */
export default function obsidianMarkdown(): AstroIntegration {
  return {
    name: 'quire:obsidian-markdown',
    hooks: {
      'astro:config:setup': ({ injectScript, updateConfig }) => {
        injectScript('page-ssr', `import 'katex/dist/katex.min.css';`);
        injectScript('page', `import ${JSON.stringify(fileURLToPath(new URL('../scripts/mermaid.ts', import.meta.url)))};`);
        updateConfig({ vite: { plugins: [mdxComments()] } });
      },
    },
  };
}

/** Runs before @astrojs/mdx's own `pre` plugin, which is added after this one. */
function mdxComments(): Plugin {
  return {
    name: 'quire:mdx-comments',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0]!;
      if (!file.endsWith('.mdx') || !file.startsWith(`${sharedSettings().contentDir}/`)) return undefined;
      const stripped = stripNoteComments(code, 'mdx');
      return stripped.comments.length > 0 ? { code: stripped.text, map: null } : undefined;
    },
  };
}
