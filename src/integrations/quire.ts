import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { writeFile } from 'node:fs/promises';
import { CATALOG_FILES, formatProblem, formatReport, problemList, VaultNotFoundError, type Vault, type VaultPath } from '../vault/index.ts';
import { readSettings, type QuireOptions, type QuireSettings } from '../site/settings.ts';
import { shareSettings } from '../site/shared-settings.ts';
import { forgetVault, lastPreparation, loadVault, notesSaved, type VaultChange } from '../site/vault-builder.ts';
import { pathToFileURL } from 'node:url';
import { attachmentMiddleware, copyAttachments } from './attachments.ts';
import { AtomicOutDir } from './atomic-out-dir.ts';
import { keepUnchangedPages, lastRecord, makeFoldersAside, recordPages, removeUnusedFolders, renderInputs, type FoldersAside, type KeyedFiles, type PageRecord } from './kept-pages.ts';
import { indexAndPublish, UNINDEXED_FLAG } from './pagefind.ts';
import { outputFileKeys } from '../site/cache-keys.ts';
import { shareUnchangedPages } from '../site/unchanged-pages.ts';
import { releaseMemory } from './release-memory.ts';
import { pageWeights } from './weight.ts';

/** Ends the build with a message instead of a stack trace: the reader needs the what and the where, not our call stack. */
function fail(logger: AstroIntegrationLogger, message: string): never {
  logger.error(message);
  process.exit(1);
}

/** Where a build writes every problem when its report shows only a few of each kind: beside the project, where `*.log` files are ignored. */
const PROBLEM_LIST = 'quire-problems.log';

/** The build's report: a few problems of each kind, or every one with QUIRE_VERBOSE; the whole list in a file when some were left out. */
async function report(vault: Vault, settings: QuireSettings, logger: AstroIntegrationLogger): Promise<void> {
  const { text, cut } = formatReport(vault, { all: settings.verbose });
  for (const line of text.split('\n')) logger.info(line);
  if (!cut) return;
  const file = path.join(settings.root, PROBLEM_LIST);
  await writeFile(file, problemList(vault));
  logger.info(`Quire: every problem is listed in ${file} (or build with --verbose to see them all here)`);
}

/**
 * What a build keeps for the next one (prepared notes, Astro's record and
 * copy of the pages it wrote) describes one vault. Two vaults built from one
 * project each get their own, so neither build throws away what the other kept.
 */
function vaultCacheDir(cacheDir: URL, contentDir: string): string {
  return path.join(fileURLToPath(cacheDir), 'vaults', createHash('sha256').update(path.resolve(contentDir)).digest('hex').slice(0, 16));
}

/**
 * Quire's Astro integration: reads the vault once before pages render,
 * prints the build report, fails a strict build on problems, rebuilds the
 * model when a note changes in `astro dev`, and indexes the site with Pagefind.
 */
export default function quire(options: QuireOptions = {}): AstroIntegration {
  let settings: QuireSettings | undefined;
  let outDir: AtomicOutDir | undefined;
  /** The pages this build keys, and where they are written: for keeping unchanged ones from the last site. */
  let pages: { site: string; staging: string; keys: KeyedFiles; inputs: string } | undefined;
  /** The folders made for the last site's pages while the model was built. */
  let aside: FoldersAside | undefined;
  /** The pages taken unchanged from the last site. */
  let kept = new Set<string>();
  return {
    name: 'quire',
    hooks: {
      'astro:config:setup': async ({ config, command, logger, addWatchFile, updateConfig }) => {
        const read = readSettings(fileURLToPath(config.root), options);
        const cacheDir = vaultCacheDir(config.cacheDir, read.contentDir);
        if (command === 'build') updateConfig({ cacheDir: pathToFileURL(`${cacheDir}/`) });
        settings = { ...read, cacheDir, command, fresh: process.argv.includes('--force') };
        shareSettings(settings);
        if (command === 'preview' || command === 'sync') return;
        addWatchFile(settings.contentDir);
        /** Where this build writes its pages, and the site it takes unchanged pages from. */
        let staging = '';
        let site: string | undefined;
        /** What the last build published there, unless this one is built afresh. */
        let last: PageRecord | undefined;
        if (command === 'build') {
          // `npm run build` stages, indexes and publishes the site itself, once this process is gone (src/cli/build.ts).
          if (!process.argv.includes(UNINDEXED_FLAG)) {
            outDir = new AtomicOutDir(fileURLToPath(config.outDir));
            await outDir.clearLeftovers();
            updateConfig({ outDir: pathToFileURL(`${outDir.staging}/`) });
          }
          staging = outDir?.staging ?? fileURLToPath(config.outDir).replace(/\/$/, '');
          site = outDir?.final ?? AtomicOutDir.siteOf(staging);
          if (site && !settings.fresh) {
            last = lastRecord(settings.cacheDir!, site);
            aside = makeFoldersAside(last, staging);
          }
        }
        try {
          const vault = await loadVault();
          const fatal = vault.problems.filter((p) => p.severity === 'fatal');
          if (fatal.length) fail(logger, `${fatal.map(formatProblem).join('\n')}\nThe build stopped: fix the problems above and build again.`);
          if (command === 'build') {
            logger.info(`building ${settings!.contentDir}`);
            const prepared = lastPreparation();
            if (prepared) logger.info(`${prepared.notes.toLocaleString('en')} ${prepared.notes === 1 ? 'note' : 'notes'}: ${prepared.fromCache} unchanged since the last build, ${prepared.notes - prepared.fromCache} prepared${prepared.threads > 1 ? ` in ${prepared.threads} threads` : ''}`);
            // Only a deployed site needs it; a first local build is not greeted with a warning.
            if (!process.env.SITE_URL) logger.info('SITE_URL is not set, so canonical links, sitemap.xml and rss.xml point at http://localhost:4321; set it to the site’s address before you deploy');
            if (site) {
              // The staging folder is new (the leftovers of killed builds were cleared), so Astro need not empty it
              // first; emptying it would delete the folders made aside and the pages linked below, which the routes
              // then leave out.
              updateConfig({ vite: { build: { emptyOutDir: false } } });
              pages = { site, staging, keys: outputFileKeys(vault), inputs: renderInputs(settings.root, { settings: { ...settings, fresh: undefined }, site: config.site, base: config.base, format: config.build.format }) };
              await aside?.made;
              kept = keepUnchangedPages({ record: last, staging, inputs: pages.inputs, keys: pages.keys });
              shareUnchangedPages(kept);
            }
            const problems = vault.problems.length;
            if (settings!.strict && problems > 0) fail(logger, `${formatReport(vault, { all: true }).text}\nStrict mode: ${problems} problem(s) in the vault; fix them or build without QUIRE_STRICT.`);
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
      'astro:build:done': async ({ dir, pages: rendered, logger }) => {
        const vault = await loadVault();
        await notesSaved();
        const n = (count: number) => count.toLocaleString('en');
        logger.info(`${n(rendered.length + kept.size)} pages written: ${n(rendered.length)} rendered, ${n(kept.size)} unchanged since the last build`);
        const written = fileURLToPath(dir);
        const copied = await copyAttachments(vault, settings!.contentDir, written);
        if (copied) logger.info(`${copied} attachment(s) copied`);
        logger.info('first visit, gzipped, largest page of each kind:');
        for (const line of await pageWeights(vault, written)) logger.info(`  ${line}`);
        await report(vault, settings!, logger);
        if (aside && pages) removeUnusedFolders(pages.staging, aside, kept);
        if (pages) await recordPages({ cacheDir: settings!.cacheDir!, ...pages });
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
