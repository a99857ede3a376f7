// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import rehypeSlug from 'rehype-slug';
import remarkWikiLink from 'remark-wiki-link';
import quire from './src/integrations/quire.ts';
import remarkVaultLinks from './src/site/remark-vault-links.ts';

const base = process.env.BASE_PATH?.trim() || '/';

export default defineConfig({
  // SITE_URL is where the site is deployed (https://example.github.io); it makes canonical URLs absolute.
  ...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Quire renders .md notes with its own unified pipeline (src/vault/render.ts). .mdx notes are
  // compiled by @astrojs/mdx, which takes its plugins from this processor: the same wiki-links,
  // tags, block ids and heading ids as Markdown notes.
  markdown: {
    processor: unified({
      remarkPlugins: [[remarkWikiLink, { aliasDivider: '|' }], remarkVaultLinks],
      rehypePlugins: [rehypeSlug],
    }),
  },
  integrations: [
    // The vault to publish and the site's name; see README.md for every option.
    quire({ contentDir: 'content' }),
    mdx(),
  ],
});
