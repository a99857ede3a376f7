import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { CATALOG_FILES, formatProblem, formatReport, VaultNotFoundError, type VaultPath } from '../vault/index.ts';
import { readSettings, shareSettings, type QuireOptions, type QuireSettings } from '../site/settings.ts';
import { forgetVault, lastPreparation, loadVault, type VaultChange } from '../site/vault.ts';
import { pathToFileURL } from 'node:url';
import { attachmentMiddleware, copyAttachments } from './attachments.ts';
import { AtomicOutDir } from './atomic-out-dir.ts';
import { indexAndPublish, UNINDEXED_FLAG } from './pagefind.ts';
import { releaseMemory } from './release-memory.ts';
import { pageWeights } from './weight.ts';

/** Ends the build with a message instead of a stack trace: the reader needs the what and the where, not our call stack. */
function fail(logger: AstroIntegrationLogger, message: string): never {
  logger.error(message);
  process.exit(1);
}

/**
 * Quire's Astro integration: reads the vault once before pages render,
 * prints the build report, fails a strict build on problems, rebuilds the
 * model when a note changes in `astro dev`, and indexes the site with Pagefind.
 */
export default function quire(options: QuireOptions = {}): AstroIntegration {
  let settings: QuireSettings | undefined;
  let outDir: AtomicOutDir | undefined;
  return {
    name: 'quire',
    hooks: {
      'astro:config:setup': async ({ config, command, logger, addWatchFile, updateConfig }) => {
        settings = { ...readSettings(fileURLToPath(config.root), options), cacheDir: fileURLToPath(config.cacheDir), command, fresh: process.argv.includes('--force') };
        shareSettings(settings);
        if (command === 'preview' || command === 'sync') return;
        addWatchFile(settings.contentDir);
        try {
          const vault = await loadVault();
          const fatal = vault.problems.filter((p) => p.severity === 'fatal');
          if (fatal.length) fail(logger, `${fatal.map(formatProblem).join('\n')}\nThe build stopped: fix the problems above and build again.`);
          if (command === 'build') {
            logger.info(`building ${settings!.contentDir}`);
            const prepared = lastPreparation();
            if (prepared) logger.info(`${prepared.notes} notes: ${prepared.fromCache} unchanged since the last build, ${prepared.notes - prepared.fromCache} prepared${prepared.threads > 1 ? ` in ${prepared.threads} threads` : ''}`);
            if (!process.env.SITE_URL) logger.warn('SITE_URL is not set: canonical links, sitemap.xml and rss.xml point at http://localhost:4321. Set SITE_URL to the address the site will be served from.');
            // `npm run build` stages, indexes and publishes the site itself, once this process is gone (src/cli/build.ts).
            if (!process.argv.includes(UNINDEXED_FLAG)) {
              outDir = new AtomicOutDir(fileURLToPath(config.outDir));
              await outDir.clearLeftovers();
              updateConfig({ outDir: pathToFileURL(`${outDir.staging}/`) });
            }
            const problems = vault.problems.length;
            if (settings!.strict && problems > 0) fail(logger, `${formatReport(vault)}\nStrict mode: ${problems} problem(s) in the vault; fix them or build without QUIRE_STRICT.`);
          }
        } catch (error) {
          if (error instanceof VaultNotFoundError) fail(logger, error.message);
          throw error;
        }
      },
      'astro:server:setup': ({ server, logger }) => {
        const contentDir = settings!.contentDir;
        server.middlewares.use(attachmentMiddleware(loadVault, contentDir, settings!.base));
        server.watcher.add(contentDir);
        const onChange = (event: VaultChange['event']) => (file: string) => {
          const inVault = file.slice(contentDir.length + 1);
          // Notes, canvases and bases, and the service catalog every hub is made from.
          if (!file.startsWith(`${contentDir}/`) || !(/\.(mdx?|canvas|base)$/i.test(file) || CATALOG_FILES.includes(inVault)) || /(^|\/)\./.test(inVault)) return;
          forgetVault({ event, path: inVault.split(path.sep).join('/') as VaultPath });
          logger.info(`${inVault} changed; rebuilding the vault`);
          // Astro keeps each route's getStaticPaths() result; this event clears it, as for a content collection.
          for (const [name, environment] of Object.entries(server.environments)) {
            if (name !== 'client') environment.hot.send('astro:content-changed', {});
          }
          server.environments.client.hot.send({ type: 'full-reload', path: '*' });
        };
        server.watcher.on('change', onChange('change'));
        server.watcher.on('add', onChange('add'));
        server.watcher.on('unlink', onChange('unlink'));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const vault = await loadVault();
        const written = fileURLToPath(dir);
        const copied = await copyAttachments(vault, settings!.contentDir, written);
        if (copied) logger.info(`${copied} attachment(s) copied`);
        logger.info('first visit, gzipped, largest page of each kind:');
        for (const line of await pageWeights(vault, written)) logger.info(`  ${line}`);
        for (const line of formatReport(vault).split('\n')) logger.info(line);
        if (!outDir) {
          logger.info('the search index is built once this process has exited');
          return;
        }
        await releaseMemory();
        const published = await indexAndPublish(outDir, (line) => logger.info(line));
        if (!published.ok) fail(logger, published.message);
      },
    },
  };
}
