import { hrefsFor, normalizeBase } from './href.ts';
import type { ModelMemo } from './memo/model-memo.ts';
import { contextOf } from './prepare/context.ts';
import { prepareFile } from './prepare/prepare-file.ts';
import type { PreparedFile } from './prepare/types.ts';
import { assembleVault, type VaultParts } from './stages/assemble-vault.ts';
import { assignHubs } from './stages/assign-hubs.ts';
import { claimAddresses } from './stages/claim-addresses.ts';
import { collectBacklinks } from './stages/collect-backlinks.ts';
import { carryEmbeddedLinks } from './stages/embedded-links.ts';
import { evaluateBases } from './stages/evaluate-bases.ts';
import { findMentions, mentionsIn } from './stages/find-mentions.ts';
import { finishHtml } from './stages/finish-html.ts';
import { finishPart } from './stages/finish/finish-part.ts';
import { linkRenderer } from './stages/finish/link-renderings.ts';
import { partLookups } from './stages/finish/part-lookups.ts';
import { placeBases } from './stages/finish/place-bases.ts';
import { vaultUrlResolver } from './stages/finish/vault-urls.ts';
import { buildFolderPages } from './stages/folder-pages.ts';
import { gatherPlaces } from './stages/gather-places.ts';
import { buildHubPages } from './stages/hub-pages.ts';
import { linkResolver } from './stages/link-resolver.ts';
import { linkWorld, publicAttachments, wholeNames } from './stages/link-world.ts';
import { paginateLists } from './stages/list-pages.ts';
import { buildNotePages } from './stages/note-pages.ts';
import { numberLinks } from './stages/number-links.ts';
import { publishNotes } from './stages/publish-notes.ts';
import { readCatalog } from './stages/read-catalog.ts';
import { claimRedirects } from './stages/redirects.ts';
import { resolveLinks } from './stages/resolve-links.ts';
import { sectionServices } from './stages/section-services.ts';
import { showProperties } from './stages/show-properties.ts';
import { spotOf } from './stages/spots.ts';
import { buildStubPages } from './stages/stub-pages.ts';
import { buildTagPages } from './stages/tag-pages.ts';
import type { Site } from './stages/types.ts';
import type { BuildOptions, Service, Vault, VaultFiles } from './types.ts';

/**
 * Reads every note once and builds the whole site model, stage after stage
 * (each in src/vault/stages/, plain data in, plain data out): Astro only
 * renders what it returns. `preparedFiles` are the notes already prepared
 * (in worker threads, or from the cache); `memo` is the dev server's, which
 * wraps a few stages to answer as before where nothing changed.
 */
export function buildVault(files: VaultFiles, options: BuildOptions = {}, preparedFiles?: readonly PreparedFile[], memo?: ModelMemo): Vault {
  return assembleVault(runStages(files, options, preparedFiles, memo));
}

/** Every stage's result, in order: what `buildVault` assembles, and what a test of one stage looks at. */
export function runStages(files: VaultFiles, options: BuildOptions = {}, preparedFiles?: readonly PreparedFile[], memo?: ModelMemo): VaultParts {
  const base = normalizeBase(options.base);
  const site: Site = { base, href: hrefsFor(base) };
  const catalog = readCatalog(files.catalog);
  const context = contextOf(catalog.services, options, files.obsidian);
  const published = publishNotes(files, context, preparedFiles);
  const hubs = assignHubs(published.published, catalog);
  const sources = new Map(files.notes.map((file) => [file.path, file]));
  const numbered = numberLinks(published.published, hubs, (file) => prepareFile(sources.get(file.path)!, context, { whole: false }));
  const addresses = claimAddresses(numbered, hubs, catalog, site, options.reservedSlugs ?? []);
  const attachments = publicAttachments(files, context);
  const world = linkWorld(published, attachments, catalog, hubs, numbered, addresses, (list, names) => (memo ? memo.suggester(list, names, wholeNames) : wholeNames(names)));
  const places = { byPath: numbered.byPath, offsets: numbered.offsets, slugs: addresses.slugs };
  const resolveLink = linkResolver(world);
  const worldKey = memo && JSON.stringify([base, published.linkable, catalog.source?.text ?? null, [...hubs.serviceOf].map(([path, service]) => [path, service.id]), attachments]);
  const resolved = resolveLinks(numbered.links, memo ? memo.linkResolver(worldKey!, places, resolveLink) : resolveLink);
  const gathered = gatherPlaces(numbered, resolved, catalog, hubs, addresses, options.layoutIds ?? []);
  const named = mentionsIn(catalog);
  const mentions = findMentions(numbered, hubs, memo ? memo.mentionsIn(catalog.source?.text ?? '', catalog.services, named) : named);
  const sections = sectionServices(numbered, resolved, mentions, catalog, hubs);
  const bases = evaluateBases({ site, numbered, addresses, resolved, links: world, places: gathered, sources, now: new Date() });
  const serviceLink = (service: Service) => ({ name: service.name, href: site.href(addresses.hubSlugs.get(service)!) });

  const render = linkRenderer(site, gathered, hubs);
  const vaultUrl = vaultUrlResolver({ site, notes: world.notes, privateNotes: world.privateNotes, attachments: world.attachments, addresses });
  const lookups = partLookups({ site, numbered, resolved, addresses, renderingOf: memo ? memo.renderer(render) : render, vaultUrl });
  const finished = placeBases(finishHtml(numbered, addresses, sections, serviceLink, memo ? memo.partFinisher(lookups) : (job) => finishPart(job, lookups)), bases);

  const spots = spotOf(numbered, addresses, site);
  const carried = carryEmbeddedLinks(numbered, resolved, addresses);
  const backlinks = collectBacklinks(numbered, resolved, addresses, hubs, memo ? memo.backlinkSpot(places, site.href, spots.ofLink) : spots.ofLink, carried, spots.ofLink);
  const properties = showProperties(numbered, resolved, memo ? memo.renderer(render) : render, options.showProperties ?? true);
  const notePages = buildNotePages(numbered.notes, addresses, finished, sections, hubs, backlinks.byPage, serviceLink, site, properties);
  const hubPages = buildHubPages(catalog, hubs, gathered, backlinks, mentions, notePages.contents, memo ? memo.citer(addresses.slugs, site.href, spots.ofMention) : spots.ofMention, site);
  const stubPages = buildStubPages(gathered, backlinks, site);
  const folders = buildFolderPages([...notePages.notes, ...notePages.books.map(({ title, slug, href, folder }) => ({ title, slug, href, folder }))], gathered.taken, site);
  const tags = buildTagPages([...notePages.pages, ...hubPages.pages, ...stubPages, ...folders.byFolder.values()], folders.taken, site);
  const lists = paginateLists([...notePages.pages, ...hubPages.pages, ...stubPages, ...folders.byFolder.values(), ...tags.pages], tags.taken, site);
  const redirects = claimRedirects(addresses.redirects, addresses, [...lists.pages, ...lists.lists], options.reservedSlugs ?? [], site);

  const problems = [catalog, published, addresses, resolved, gathered, bases, finished, folders, tags, redirects].flatMap((stage) => stage.problems);
  return { site, options, catalog, published, hubs, numbered, addresses, resolved, gathered, mentions, sections, bases, finished, backlinks, properties, notePages, hubPages, stubPages, folders: folders.byFolder, tagPages: tags.pages, lists, redirects, serviceLink, problems };
}
