/**
 * `npm run check` runs this after the type checks: it fails when the code
 * outgrows what a reader can hold, or when modules import each other in a
 * circle.
 *   - no source file in src/ over 300 lines;
 *   - no function in src/vault/ over 80 lines;
 *   - no import cycle among src/'s TypeScript modules, type imports included;
 *   - code outside src/vault/ imports the model only through src/vault/index.ts; the one
 *     exception is the build command's heap sizing, which walks the vault in a process that
 *     must not load the whole model (src/cli/heap-limit.ts);
 *   - src/content.config.ts imports neither `astro:content` nor `astro/loaders` up front: Astro loads
 *     the file while it syncs content, and either module adds most of a second to every build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');
const MAX_FILE_LINES = 300;
const MAX_FUNCTION_LINES = 80;

const files = readdirSync(src, { recursive: true })
  .map(String)
  .filter((name) => /\.(ts|astro|css)$/.test(name))
  .map((name) => path.join(src, name));
const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
const problems: string[] = [];

for (const file of files) {
  const lines = readFileSync(file, 'utf8').split('\n').length - 1;
  if (lines > MAX_FILE_LINES) problems.push(`${relative(file)}: ${lines} lines (at most ${MAX_FILE_LINES}); split it by what it does`);
}

/** Every function-like node of a file with the lines it spans. */
function longFunctions(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = node.name && ts.isIdentifier(node.name) ? node.name.text : ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name) ? node.parent.name.text : '(anonymous)';
      if (end - start + 1 > MAX_FUNCTION_LINES) found.push(`${relative(file)}:${start + 1}: ${name} is ${end - start + 1} lines (at most ${MAX_FUNCTION_LINES})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
for (const file of files.filter((f) => f.startsWith(path.join(src, 'vault') + path.sep) && f.endsWith('.ts'))) problems.push(...longFunctions(file));

/** The files of this tree a module imports, by relative specifiers. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const code = file.endsWith('.astro') ? (/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') + [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n') : text;
  return ts
    .preProcessFile(code, true, true)
    .importedFiles.map((imported) => imported.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => path.resolve(path.dirname(file), name));
}

/** Imports from outside the model that skip its boundary on purpose, each with its reason at the import. */
const THROUGH_THE_WALL = new Set(['src/cli/heap-limit.ts → src/vault/read/read-vault.ts']);
const graph = new Map(files.filter((file) => !file.endsWith('.css')).map((file) => [file, importsOf(file)]));
const vault = path.join(src, 'vault') + path.sep;
for (const [file, imports] of graph) {
  if (file.startsWith(vault)) continue;
  for (const imported of imports) {
    if (!imported.startsWith(vault) || imported === path.join(vault, 'index.ts') || THROUGH_THE_WALL.has(`${relative(file)} → ${relative(imported)}`)) continue;
    problems.push(`${relative(file)} imports ${relative(imported)}; outside src/vault/, import the model from src/vault/index.ts`);
  }
}

/** The modules a file loads as it is loaded: its top-level imports and re-exports, less those of types only, which vanish. */
function loadedUpFront(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  return source.statements.flatMap((statement) => {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) return [];
    const typesOnly = ts.isImportDeclaration(statement) ? statement.importClause?.phaseModifier === ts.SyntaxKind.TypeKeyword : statement.isTypeOnly;
    const from = typesOnly ? undefined : statement.moduleSpecifier;
    return from && ts.isStringLiteral(from) ? [from.text] : [];
  });
}

const contentConfig = path.join(src, 'content.config.ts');
for (const heavy of loadedUpFront(contentConfig).filter((name) => name === 'astro:content' || name === 'astro/loaders')) {
  problems.push(`${relative(contentConfig)} imports ${heavy} up front; take defineCollection from astro/content/config and import the loaders only when a vault needs them`);
}

// Depth-first search for an import that leads back to a module still being walked.
const state = new Map<string, 'walking' | 'done'>();
const trail: string[] = [];
const walk = (file: string) => {
  state.set(file, 'walking');
  trail.push(file);
  for (const next of graph.get(file) ?? []) {
    if (!graph.has(next)) continue;
    if (state.get(next) === 'walking') problems.push(`import cycle: ${[...trail.slice(trail.indexOf(next)), next].map(relative).join(' → ')}`);
    else if (!state.has(next)) walk(next);
  }
  trail.pop();
  state.set(file, 'done');
};
for (const file of graph.keys()) if (!state.has(file)) walk(file);

if (problems.length) {
  console.error(`${problems.length} problem(s) with the code's structure:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`structure: ${files.length} files in src/, none over ${MAX_FILE_LINES} lines; no function in src/vault/ over ${MAX_FUNCTION_LINES} lines; no import cycle; one way into the model; a light content config`);
