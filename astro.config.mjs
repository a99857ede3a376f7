// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import obsidianMarkdown from './src/integrations/obsidian-markdown.ts';
import quire from './src/integrations/quire.ts';
import { rehypeObsidian, remarkObsidian } from './src/markdown/pipeline.ts';
import remarkVaultLinks from './src/site/remark-vault-links.ts';

const base = process.env.BASE_PATH?.trim() || '/';

export default defineConfig({
  // SITE_URL is where the site will live (https://example.github.io): canonical links, the sitemap
  // and the feed use it. Without it they point at the local preview server, and the build says so.
  site: process.env.SITE_URL?.trim() || 'http://localhost:4321',
  base,
  trailingSlash: 'always',
  // Pages render while earlier ones are written to disk, instead of waiting for each write.
  build: { format: 'directory', concurrency: 4 },
  // Quire renders .md notes with its own unified pipeline (src/vault/render.ts). .mdx notes are
  // compiled by @astrojs/mdx, which takes its plugins from this processor: the same Obsidian syntax
  // (src/markdown/pipeline.ts), wiki-links, tags, block ids and heading ids as Markdown notes.
  // Code is highlighted by that pipeline's Shiki, not Astro's.
  markdown: {
    syntaxHighlight: false,
    processor: unified({
      remarkPlugins: [...remarkObsidian, remarkVaultLinks],
      rehypePlugins: rehypeObsidian,
    }),
  },
  vite: {
    build: {
      // The large chunk is the bundle that renders pages at build time, which no reader downloads.
      chunkSizeWarningLimit: 8192,
      rolldownOptions: {
        // @astrojs/mdx marks compiled .mdx notes with a directive the bundler cannot keep, and says so for every note.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
  integrations: [
    // The vault to publish and the site's name; see README.md for every option.
    quire({ contentDir: 'content' }),
    // %%comments%%, mermaid and KaTeX for notes; before mdx(), so comments are cut before it compiles.
    obsidianMarkdown(),
    mdx(),
  ],
});
