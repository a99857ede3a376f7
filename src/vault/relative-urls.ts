import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

const URL_ATTRIBUTE: Record<string, 'href' | 'src'> = { a: 'href', img: 'src', audio: 'src', video: 'src', source: 'src' };

/** A URL written in a note that points into the vault: not absolute, not a fragment, not protocol-relative. */
export const isVaultRelative = (url: string): boolean => !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('#') && !url.startsWith('//') && url.trim() !== '';

/**
 * Standard Markdown links and images with vault paths (`[text](Other%20Note.md#Heading)`,
 * `![alt](images/figure.png)`), made to point where those notes and files are
 * published. `resolve` answers the new URL, or undefined when there is
 * nothing there: a link then becomes its text, an image its alt text.
 */
export function rewriteVaultUrls(tree: Root, resolve: (url: string, line: number) => string | undefined): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    const attribute = URL_ATTRIBUTE[node.tagName];
    // Quire's own links (wiki-links, tags, embeds) carry a class; only an author's plain Markdown URL is rewritten.
    if (!attribute || node.properties.dataQuireLink !== undefined || node.properties.className !== undefined) return;
    const value = node.properties[attribute];
    if (typeof value !== 'string' || !isVaultRelative(value)) return;
    const resolved = resolve(value, node.position?.start.line ?? 0);
    if (resolved !== undefined) {
      node.properties[attribute] = resolved;
      return;
    }
    if (!parent || index === undefined) return;
    const fallback: ElementContent[] =
      node.tagName === 'a' ? (node.children as ElementContent[]) : [{ type: 'text', value: String(node.properties.alt ?? '') }];
    parent.children.splice(index, 1, ...(fallback as typeof parent.children));
    return [SKIP, index];
  });
}
