// Not `astro:content`: loading that module while Astro syncs content costs most of a second of every build, and a
// vault with no .mdx note needs none of it. `astro/content/config` is where its defineCollection comes from.
import { defineCollection } from 'astro/content/config';
import { settingsFromIntegration } from './site/shared-settings.ts';
import { builtVault } from './site/vault.ts';

/**
 * `.mdx` notes are compiled by @astrojs/mdx, so they are loaded as a content
 * collection too; the vault model still owns their URLs, links and backlinks.
 * Only published notes are loaded (the model has been built by the time this
 * runs): a private note or one that does not parse is never compiled.
 * An entry's id is its path in the vault.
 */
const published = builtVault()?.mdxNotes;
// Not settings.ts, which reads settings from scratch when none were shared: it would have Vite load the vault's code here.
const settings = settingsFromIntegration();
if (!settings) throw new Error('The vault is read by the Quire integration (src/integrations/quire.ts); add quire() to the integrations in astro.config.mjs.');
const contentDir = settings.contentDir;
const mdxNotes = defineCollection({
  loader: {
    name: 'quire-mdx-notes',
    load: async (context) => {
      // Astro keeps entries between builds and rereads a file only when its content changed; an entry kept from
      // another vault (another CONTENT_DIR) would still point into that vault. So the store is emptied when the vault changes.
      if (context.meta.get('contentDir') !== contentDir) {
        context.store.clear();
        context.meta.set('contentDir', contentDir);
      }
      if (published?.size === 0) return;
      // Loaded only for a vault that has .mdx notes, for the same reason as above.
      const { glob } = await import('astro/loaders');
      await glob({
        pattern: published ? [...published.keys()] : ['**/*.mdx', '!**/.*/**'],
        base: contentDir,
        generateId: ({ entry }) => entry,
      }).load(context);
    },
  },
});

export const collections = { mdxNotes };
