import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { sharedSettings } from '../site/settings.ts';
import { builtVault } from '../site/vault.ts';
import { stripNoteComments } from '../vault/index.ts';

/**
 * What the Obsidian Markdown features (src/markdown/) need from Astro:
 * `%%comments%%` cut from `.mdx` notes before @astrojs/mdx compiles them,
 * as src/vault/prepare/markdown.ts does for `.md` notes, so the compiled note and
 * the vault model see the same text; the script that draws mermaid diagrams;
 * and KaTeX's stylesheet. Every note page comes from one route, so the
 * stylesheet cannot follow only the pages with math: it is on every page of
 * a vault that has math anywhere (about 23 kB; its fonts load only where math
 * is shown), and on none of one that has none, nor is the script for
 * diagrams. `npm run dev` loads both, since a note may gain either while it runs.
 */
export default function obsidianMarkdown(): AstroIntegration {
  return {
    name: 'quire:obsidian-markdown',
    hooks: {
      'astro:config:setup': ({ command, injectScript, updateConfig }) => {
        // Quire's integration, listed before this one, has built the model by now.
        const uses = command === 'dev' ? undefined : builtVault()?.uses;
        if (uses?.math ?? true) injectScript('page-ssr', `import 'katex/dist/katex.min.css';`);
        if (uses?.diagrams ?? true) injectScript('page', `import ${JSON.stringify(fileURLToPath(new URL('../scripts/mermaid.ts', import.meta.url)))};`);
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
