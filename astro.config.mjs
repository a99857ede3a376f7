// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import quire from './src/integrations/quire.ts';

const base = process.env.BASE_PATH?.trim() || '/';

export default defineConfig({
  // SITE_URL is where the site is deployed (https://example.github.io); it makes canonical URLs absolute.
  ...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [
    // The vault to publish and the site's name; see README.md for every option.
    quire({ contentDir: 'content' }),
    mdx(),
  ],
});
