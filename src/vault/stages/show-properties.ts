import type { LinkRendering, Property, PropertyValue, VaultPath } from '../types.ts';
import type { NumberedNotes, Resolution, ResolvedLinks } from './types.ts';

/**
 * Each note's properties as its first page shows them above its text, their
 * `[[links]]` written out as the note's other links are. With `show` off
 * (`showProperties: false`) no page shows them; their links count all the same.
 */
export function showProperties(numbered: NumberedNotes, resolved: ResolvedLinks, render: (resolution: Resolution) => LinkRendering, show: boolean): ReadonlyMap<VaultPath, Property<LinkRendering>[]> {
  const shown = new Map<VaultPath, Property<LinkRendering>[]>();
  if (!show) return shown;
  for (const note of numbered.notes) {
    if (note.properties.length === 0) continue;
    const offset = numbered.offsets.get(note.path)!;
    const written = (value: PropertyValue<number>): PropertyValue<LinkRendering> => {
      if (value.type === 'list') return { type: 'list', items: value.items.map(written) };
      if (value.type !== 'text') return value;
      return { type: 'text', text: value.text.map((piece) => (piece.link === undefined ? { text: piece.text } : { text: piece.text, link: render(resolved.resolutions[offset + piece.link]!) })) };
    };
    shown.set(note.path, note.properties.map((property) => ({ key: property.key, value: written(property.value) })));
  }
  return shown;
}
