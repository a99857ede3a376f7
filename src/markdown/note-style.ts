/**
 * Why: a note's HTML may carry an inline `style`, and people use it to format
 * (a colour, a centred line, a picture's width). The same attribute can lay a
 * fixed box over the whole site, pull text over the header with a negative
 * margin, or make every reader's browser fetch a tracking pixel. So a style
 * keeps only declarations of the properties below, with values made of
 * keywords, numbers, lengths, colours, strings and a few harmless functions:
 * never `url()`, `image-set()`, `expression()` or an at-rule such as
 * `@import`. The style is read with css-tree, a maintained CSS parser, and
 * written out again from what the parser understood, so text the parser did
 * not take for a declaration never reaches the page.
 */
import { generate, parse, walk, type CssNode, type Declaration } from 'css-tree';

/** Properties a note's inline style may set: formatting that stays inside the box it is on. */
export const STYLE_PROPERTIES: ReadonlySet<string> = new Set([
  // Colour
  'color', 'background-color', 'background', 'opacity',
  // Text
  'font', 'font-family', 'font-size', 'font-style', 'font-weight', 'font-variant', 'font-stretch',
  'line-height', 'letter-spacing', 'word-spacing', 'white-space', 'word-break', 'overflow-wrap', 'hyphens',
  'text-align', 'text-align-last', 'text-indent', 'text-transform', 'text-wrap', 'vertical-align',
  'text-decoration', 'text-decoration-line', 'text-decoration-color', 'text-decoration-style', 'text-decoration-thickness', 'text-underline-offset',
  // Size of pictures, videos, frames, tables and blocks
  'width', 'height', 'min-width', 'min-height', 'max-width', 'max-height', 'aspect-ratio', 'object-fit', 'box-sizing',
  // Spacing and borders
  'margin', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left', 'margin-inline', 'margin-block',
  'margin-inline-start', 'margin-inline-end', 'margin-block-start', 'margin-block-end',
  'padding', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left', 'padding-inline', 'padding-block',
  'padding-inline-start', 'padding-inline-end', 'padding-block-start', 'padding-block-end',
  'border', 'border-top', 'border-right', 'border-bottom', 'border-left', 'border-width', 'border-style', 'border-color', 'border-radius',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'border-top-style', 'border-right-style', 'border-bottom-style', 'border-left-style',
  'border-top-color', 'border-right-color', 'border-bottom-color', 'border-left-color',
  // Layout that stays in the flow of the note
  'display', 'float', 'clear', 'overflow', 'overflow-x', 'overflow-y', 'visibility',
  'columns', 'column-count', 'column-width', 'column-gap', 'column-rule', 'gap', 'row-gap',
  // Lists and tables
  'list-style', 'list-style-type', 'list-style-position', 'border-collapse', 'border-spacing', 'table-layout', 'caption-side', 'empty-cells',
]);

/** Functions a value may use: colours, gradients and arithmetic. None of them fetches anything. */
const FUNCTIONS: ReadonlySet<string> = new Set([
  'rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color', 'color-mix', 'light-dark',
  'linear-gradient', 'radial-gradient', 'conic-gradient', 'repeating-linear-gradient', 'repeating-radial-gradient', 'repeating-conic-gradient',
  'calc', 'min', 'max', 'clamp', 'var',
]);

/** The parts a value may be made of; anything else (a `url()`, text the parser could not read) refuses the declaration. */
const VALUE_PARTS: ReadonlySet<string> = new Set(['Value', 'Identifier', 'Number', 'Dimension', 'Percentage', 'Hash', 'String', 'Operator', 'Function', 'Parentheses']);

/** Properties that could move a box over what comes before it: their lengths must not be negative, nor computed. */
const NON_NEGATIVE = /^(margin|text-indent)/;

function allowedValue(property: string, value: CssNode): boolean {
  let allowed = true;
  walk(value, (node) => {
    if (!VALUE_PARTS.has(node.type)) allowed = false;
    else if (node.type === 'Function' && (!FUNCTIONS.has(node.name.toLowerCase()) || NON_NEGATIVE.test(property))) allowed = false;
    else if ((node.type === 'Number' || node.type === 'Dimension' || node.type === 'Percentage') && NON_NEGATIVE.test(property) && Number(node.value) < 0) allowed = false;
  });
  return allowed;
}

/** One declaration as it will be written, or undefined when the policy refuses it. */
function allowedDeclaration(declaration: Declaration): string | undefined {
  const property = declaration.property.toLowerCase();
  if (!STYLE_PROPERTIES.has(property) || !allowedValue(property, declaration.value)) return undefined;
  const written = generate(declaration);
  // The parser decodes nothing it writes back: an escape (`u\rl(`) would be read anew by the browser, so none is kept.
  return written.includes('\\') ? undefined : written;
}

/**
 * The declarations of an inline style that the policy keeps, written out
 * again (`color:red;text-align:center`), or undefined when none is left.
 */
export function sanitizeStyle(style: string): string | undefined {
  let tree: CssNode;
  try {
    tree = parse(style, { context: 'declarationList', parseValue: true, parseCustomProperty: false });
  } catch {
    return undefined;
  }
  const kept: string[] = [];
  walk(tree, {
    visit: 'Declaration',
    enter(declaration) {
      const written = allowedDeclaration(declaration);
      if (written !== undefined) kept.push(written);
    },
  });
  return kept.length ? kept.join(';') : undefined;
}
