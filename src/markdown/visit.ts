/**
 * Walks a unist tree (mdast or hast) the way `unist-util-visit` and
 * `unist-util-visit-parents` do, with the same answers a visitor may give:
 * nothing or `CONTINUE` to go on, `SKIP` to leave the node's children
 * alone, `EXIT` to stop, an index to go on at in the parent, or an action
 * and an index. It differs in one respect: the `ancestors` a
 * `visitParents` visitor receives are one list for the whole walk, valid
 * only during the call (copy them to keep them).
 *
 * Why our own: a note's trees are walked some fifteen times while it is
 * prepared, and those packages make a closure and a copy of the ancestors
 * for every node, and search the parent for each node's index. In a profile
 * of preparing a large vault, their own code was about a sixth of the time.
 */
import type { Nodes as HastNodes } from 'hast';
import type { Nodes as MdastNodes } from 'mdast';
import type { Node, Parent } from 'unist';

export const CONTINUE = true;
export const EXIT = false;
export const SKIP = 'skip';

type Action = typeof CONTINUE | typeof EXIT | typeof SKIP;
/** What a visitor answers; see the module's comment. */
export type VisitResult = Action | number | readonly [Action, (number | undefined)?] | undefined | void;

/** The node a visitor of `type` is given: an mdast or hast node of that type; any node for a type of a plugin's own. */
type NodeOf<Type extends string> = [Extract<MdastNodes | HastNodes, { type: Type }>] extends [never] ? any : Extract<MdastNodes | HastNodes, { type: Type }>;
// Written as methods, so a visitor may name the node more narrowly (mdast's `Text` where hast's could come too), as with unist-util-visit.
type Visitor<Visited> = { visitor(node: Visited, index: number | undefined, parent: any): VisitResult }['visitor'];
type ParentsVisitor<Visited> = { visitor(node: Visited, ancestors: readonly any[]): VisitResult }['visitor'];

/** Calls `visitor` for every node of `tree` (of type `type`, if given), parents before children. */
export function visit(tree: Node, visitor: Visitor<any>): void;
export function visit<Type extends string>(tree: Node, type: Type, visitor: Visitor<NodeOf<Type>>): void;
export function visit(tree: Node, typeOrVisitor: string | Visitor<any>, maybeVisitor?: Visitor<any>): void {
  const [type, visitor] = typeof typeOrVisitor === 'string' ? [typeOrVisitor, maybeVisitor!] : [undefined, typeOrVisitor];
  const ancestors: Node[] = [];
  walk(tree, undefined, ancestors, type, (node, index) => visitor(node, index, ancestors[ancestors.length - 1]));
}

/** Like `visit`, with every ancestor of the node, the root first. */
export function visitParents(tree: Node, visitor: ParentsVisitor<any>): void;
export function visitParents<Type extends string>(tree: Node, type: Type, visitor: ParentsVisitor<NodeOf<Type>>): void;
export function visitParents(tree: Node, typeOrVisitor: string | ParentsVisitor<any>, maybeVisitor?: ParentsVisitor<any>): void {
  const [type, visitor] = typeof typeOrVisitor === 'string' ? [typeOrVisitor, maybeVisitor!] : [undefined, typeOrVisitor];
  const ancestors: Node[] = [];
  walk(tree, undefined, ancestors, type, (node) => visitor(node, ancestors));
}

/**
 * Visits `node` and what is below it. Answers `EXIT` if the walk is to
 * stop, else the index its parent goes on at (undefined: the next one).
 */
function walk(node: Node, index: number | undefined, ancestors: Node[], type: string | undefined, visitor: (node: Node, index: number | undefined) => VisitResult): number | typeof EXIT | undefined {
  let action: Action | undefined;
  let next: number | undefined;
  if (type === undefined || node.type === type) {
    const result = visitor(node, index);
    if (typeof result === 'number') next = result;
    else if (Array.isArray(result)) [action, next] = result as readonly [Action, (number | undefined)?];
    else action = result as Action | undefined;
    if (action === EXIT) return EXIT;
  }
  if (action !== SKIP && (node as Parent).children) {
    ancestors.push(node);
    // Read anew each step: a visitor may add, remove or replace children and say where to go on.
    for (let offset = 0; offset >= 0 && offset < (node as Parent).children.length; ) {
      const answer = walk((node as Parent).children[offset]!, offset, ancestors, type, visitor);
      if (answer === EXIT) {
        ancestors.length = 0;
        return EXIT;
      }
      offset = answer ?? offset + 1;
    }
    ancestors.pop();
  }
  return next;
}
