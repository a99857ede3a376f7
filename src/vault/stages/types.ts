/**
 * What the stages of `buildVault` hand each other: plain data, each the
 * output of one stage and the input of later ones (src/vault/build-vault.ts
 * calls them in order).
 */
import type { Heading } from '../headings.ts';
import type { HrefOf } from '../href.ts';
import type { LinkableNote } from '../link-index.ts';
import type { WantedRedirect } from './permalinks.ts';
import type { LinkOccurrence, Passage, PreparedFile, PreparedNote, PreparedPart } from '../prepare/types.ts';
import type { Backlink, LinkRendering, PageLink, Problem, SectionServices, Service, Slug, SourceFile, VaultPath } from '../types.ts';

/** The site's base path, and the href of any of its pages: the same for every stage of a build. */
export interface Site {
  base: string;
  href: HrefOf;
}

/** The vault's service catalog, read. */
export interface Catalog {
  /** The catalog file, when the vault has one. */
  source?: SourceFile;
  services: Service[];
  /** Each service by its name and aliases, folded. */
  byName: ReadonlyMap<string, Service>;
  problems: Problem[];
}

export type ReadableFile = Extract<PreparedFile, { ok: true }>;

/** Which notes are published, which private, which could not be read. */
export interface PublishedNotes {
  /** Every note file as prepared, in the vault's order. */
  read: readonly PreparedFile[];
  published: readonly ReadableFile[];
  /** Every note a link may name, private ones too, so that links to them become text, never a stub that names them. */
  linkable: readonly (LinkableNote & { published: boolean })[];
  counts: { read: number; published: number; private: number; unreadable: number };
  problems: Problem[];
}

/** The notes that are services' hubs: a note named, titled or aliased after a service. */
export interface Hubs {
  serviceOf: ReadonlyMap<VaultPath, Service>;
  noteOf: ReadonlyMap<Service, VaultPath>;
}

/** The published notes with their links numbered across the vault. */
export interface NumberedNotes {
  notes: readonly PreparedNote[];
  byPath: ReadonlyMap<VaultPath, PreparedNote>;
  /** Every link, note after note. */
  links: readonly LinkOccurrence[];
  /** The same, by link number. */
  byNumber: readonly LinkOccurrence[];
  /** The number of each note's first link: a note numbers its own from 0. */
  offsets: ReadonlyMap<VaultPath, number>;
  /** Each note's links, by part. */
  linksByPart: ReadonlyMap<VaultPath, readonly (readonly LinkOccurrence[])[]>;
}

/** Where every note's pages are published, and what they are called. */
export interface Addresses {
  /** Each note's pages: its own first, then its chapters'. A hub's note has the hub's. */
  pages: ReadonlyMap<VaultPath, readonly PageLink[]>;
  /** The same pages' slugs. */
  slugs: ReadonlyMap<VaultPath, readonly Slug[]>;
  /** The note and part at each page's address. */
  partAt: ReadonlyMap<Slug, { note: PreparedNote; part: number }>;
  hubSlugs: ReadonlyMap<Service, Slug>;
  /** Each note's headings with the page each stands on, in document order. */
  headings: ReadonlyMap<VaultPath, readonly Heading[]>;
  /** Every address handed out so far, the site's own included. */
  taken: ReadonlySet<Slug>;
  /** What holds each of them, as a clash names it. */
  owners: ReadonlyMap<Slug, string>;
  /** The addresses notes want to lead to their pages, in note order. */
  redirects: readonly WantedRedirect[];
  problems: Problem[];
}

/** Where a link leads. */
export type Resolution =
  | { kind: 'page'; note: VaultPath; slug: Slug; fragment?: string }
  /** A section of a hub or a stub, where passages about a name are gathered. */
  | { kind: 'gathered'; key: PlaceKey; heading?: string }
  | { kind: 'attachment'; path: VaultPath; fragment?: string }
  /** Private, missing or outside the vault: shown as plain text. */
  | { kind: 'private' }
  | { kind: 'none' };

/** One link resolved: where it leads, what resolving it found wrong, and the note it reached, whatever it resolved to. */
export interface ResolvedLink {
  resolution: Resolution;
  problems: Problem[];
  reached?: VaultPath;
}

export interface ResolvedLinks {
  /** By link number. */
  resolutions: readonly Resolution[];
  problems: Problem[];
}

/** `service:<id>` for a hub, `stub:<folded name>` for a name no note has. */
export type PlaceKey = `service:${string}` | `stub:${string}`;

/** A section of a hub or stub page: the links that name `heading`, or the name alone. */
export interface PlaceSection {
  heading?: string;
  id: string;
}

/** A hub or a stub: a page where passages are gathered, in sections. */
export interface Place {
  slug: Slug;
  /** By the heading's folded text ('' for the name alone), in the order first linked. */
  sections: ReadonlyMap<string, PlaceSection>;
}

export interface Places {
  byKey: ReadonlyMap<PlaceKey, Place>;
  /** The names no note has, in the order first linked, with the name as first written. */
  stubs: readonly { key: PlaceKey; target: string }[];
  taken: ReadonlySet<Slug>;
  problems: Problem[];
}

/** A passage that names a service in plain text. */
export interface Mention {
  note: PreparedNote;
  part: number;
  passage: Passage;
  service: Service;
}

/** For each part of a note (`path\0part`), the services each section (its H2's id, '' before the first) links to or names. */
export type SectionServiceMap = ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<Service>>>;

/** A part's HTML with its links filled in, and what finishing it found. */
export interface FinishedPart {
  html: string;
  sectionServices: SectionServices[];
  /** The note's own links, as the part renders them, in document order. */
  links: LinkRendering[];
  problems: Problem[];
  /** The attachments the part shows, to be published. */
  attachments: VaultPath[];
}

export interface FinishedNotes {
  parts: ReadonlyMap<PreparedPart, FinishedPart>;
  problems: Problem[];
  attachments: ReadonlySet<VaultPath>;
}

/** Every passage that links to a page, for that page or for a section of a hub or stub. */
export interface Backlinks {
  byPage: ReadonlyMap<Slug, Backlink[]>;
  /** By place, then by section key. */
  bySection: ReadonlyMap<PlaceKey, ReadonlyMap<string, Backlink[]>>;
  counts: { resolved: number; toStubs: number; toPrivate: number };
}
