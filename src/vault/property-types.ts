/**
 * A note's properties as its page shows them (src/vault/prepare/properties.ts
 * reads them). `L` is how a `[[link]]` in a value is held: its number in the
 * note while the note is prepared, how it is written out once resolved.
 */

/** A piece of a property's text: plain text, or a link. */
export type PropertyText<L> = { text: string; link?: L }[];

/** A property's value, typed as Obsidian types it. */
export type PropertyValue<L> =
  | { type: 'text'; text: PropertyText<L> }
  /** A value that is one http(s) URL. */
  | { type: 'url'; href: string }
  | { type: 'number'; value: number }
  | { type: 'checkbox'; checked: boolean }
  /** `2020-08-21` */
  | { type: 'date'; date: string }
  /** `2020-08-21T10:30:00` */
  | { type: 'datetime'; datetime: string }
  | { type: 'list'; items: PropertyValue<L>[] }
  | { type: 'empty' }
  /** Nested properties, which Obsidian shows only as their source. */
  | { type: 'object'; source: string };

/** One of a note's properties, shown above its text. */
export interface Property<L> {
  key: string;
  value: PropertyValue<L>;
}
