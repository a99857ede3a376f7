import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from '../../markdown/visit.ts';

const URL_ATTRIBUTE: Record<string, 'href' | 'src'> = { a: 'href', img: 'src', audio: 'src', video: 'src', source: 'src' };

/** A URL written in a note that points into the vault: not absolute, not a fragment, not protocol-relative. */
export const isVaultRelative = (url: string): boolean => !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('#') && !url.startsWith('//') && url.trim() !== '';

/** Whether an element is an author's plain Markdown link or image with a vault path; Quire's own links (wiki-links, tags, embeds) carry a class or a placeholder. */
function isVaultUrl(node: Element): boolean {
  const attribute = URL_ATTRIBUTE[node.tagName];
  if (!attribute || node.properties.dataQuireLink !== undefined || node.properties.className !== undefined) return false;
  const value = node.properties[attribute];
  return typeof value === 'string' && isVaultRelative(value);
}

/**
 * Writes on each vault URL the line it stands on, so that it still can be
 * reported by line once the tree has been serialised and parsed again.
 * Returns whether there was any.
 */
export function markVaultUrlLines(tree: Root): boolean {
  let found = false;
  visit(tree, 'element', (node: Element) => {
    if (!isVaultUrl(node)) return;
    node.properties.dataQuireLine = String(node.position?.start.line ?? 0);
    found = true;
  });
  return found;
}

/**
 * Standard Markdown links and images with vault paths (`[text](Other%20Note.md#Heading)`,
 * `![alt](images/figure.png)`), made to point where those notes and files are
 * published. `resolve` answers the new URL, or undefined when there is
 * nothing there: a link then becomes its text, an image its alt text.
 */
export function rewriteVaultUrls(tree: Root | Element, resolve: (url: string, line: number) => string | undefined): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    const marked = node.properties.dataQuireLine;
    delete node.properties.dataQuireLine;
    if (!isVaultUrl(node)) return;
    const attribute = URL_ATTRIBUTE[node.tagName]!;
    const value = node.properties[attribute] as string;
    const resolved = resolve(value, marked !== undefined ? Number(marked) : (node.position?.start.line ?? 0));
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
