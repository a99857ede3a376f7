import { describe, expect, it } from 'vitest';
import stripComments from '../../../src/markdown/strip-comments.ts';
import { parseMarkdown, parsedLiteralRanges, stripNoteComments } from '../../../src/vault/prepare/markdown.ts';
import { Rng } from '../../../scripts/generate-vault.ts';
import { linkInlineTags } from '../../../src/vault/prepare/tags.ts';
import { renderMarkdown } from '../../helpers/render-markdown.ts';

describe('stripComments', () => {

  it('deletes a comment whole, and maps offsets back to the source', () => {
    const source = 'a %%one\ntwo%% b\nc';
    const stripped = stripComments(source, { literalRanges: () => [] });
    expect(stripped.text).toBe('a  b\nc');
    expect(stripped.comments).toEqual([{ start: 2, end: 13 }]);
    expect(source[stripped.originalOffset(stripped.text.indexOf('b'))]).toBe('b');
    expect(source[stripped.originalOffset(stripped.text.indexOf('c'))]).toBe('c');
    expect(stripped.originalOffset(stripped.text.length)).toBe(source.length);
  });

  it('leaves a text without comments as it is', () => {
    const source = 'No comment here, 100% sure.';
    expect(stripComments(source, { literalRanges: () => [] })).toMatchObject({ text: source, comments: [] });
  });
});

describe('%% comments in a note', () => {
  it('removes an inline comment and keeps the text around it', () => {
    expect(renderMarkdown('Before %%a private note%% after.')).toBe('<p>Before  after.</p>');
  });

  it('removes a comment that spans paragraphs, and keeps the text after it', () => {
    const html = renderMarkdown('First.\n\n%%\nSecret one.\n\nSecret two.\n%%\n\nLast.');
    expect(html).toBe('<p>First.</p>\n<p>Last.</p>');
  });

  it('removes a comment that starts and ends inside paragraphs, joining what it stood between', () => {
    const html = renderMarkdown('Shown %% hidden\n\nstill hidden %% shown again.');
    expect(html).toBe('<p>Shown  shown again.</p>');
  });

  it('does not split a paragraph where a comment had a line of its own', () => {
    expect(renderMarkdown('Start %%one\n\ntwo\n%% end.')).toBe('<p>Start  end.</p>');
  });

  it('keeps %% inside inline code', () => {
    expect(renderMarkdown('Write `%%note%%` to hide text.')).toBe('<p>Write <code>%%note%%</code> to hide text.</p>');
  });

  it('keeps %% inside a fenced code block, and still removes comments around it', () => {
    const html = renderMarkdown('%%before%%\n\n```\n%% kept %%\n```\n\nAfter %%gone%%.');
    expect(html).toContain('%% kept %%');
    expect(html).toContain('<p>After .</p>');
    expect(html).not.toContain('before');
    expect(html).not.toContain('gone');
  });

  it('makes no link from a wiki-link inside a comment', () => {
    const html = renderMarkdown('See [[Shown]] %%but not [[Hidden]]%% and\n\n%%\n[[Also Hidden]]\n%%');
    expect(html).toBe('<p>See <a href="/wiki/Shown/" class="internal">Shown</a>  and</p>');
  });

  it('makes no tag from a #tag inside a comment', () => {
    const source = 'Real #kept %% not #dropped %%';
    const tags = linkInlineTags(parseMarkdown(source), source, (tag) => `/tags/${tag}/`);
    expect(tags).toEqual(['kept']);
  });

  it('hides everything after a %% that is never closed, as Obsidian does', () => {
    expect(renderMarkdown('Shown.\n\n%% draft\n\nNever published.')).toBe('<p>Shown.</p>');
  });

  it('takes a %% after a backslash for text', () => {
    expect(renderMarkdown('50\\%% off')).toBe('<p>50%% off</p>');
  });

  it('ends a comment that opened a code fence at its own %%, not at the end of the note', () => {
    const html = renderMarkdown('%%\n```\n%%\n\nText after.');
    expect(html).toBe('<p>Text after.</p>');
  });

  it('keeps a blockquote going when a comment spans its lines', () => {
    const html = renderMarkdown('> Quoted %% hidden\n> still hidden %% and more.');
    expect(html).toBe('<blockquote>\n<p>Quoted  and more.</p>\n</blockquote>');
  });

  it('leaves no hard line break where a comment ended a line', () => {
    expect(renderMarkdown('One %%x%%\ntwo')).toBe('<p>One\ntwo</p>');
  });

  it('keeps line numbers and source offsets of what follows a comment', () => {
    const source = 'Intro %%a\nb\nc%% then [[Target|shown]]\n\n# Heading';
    const tree = parseMarkdown(source);
    const link = tree.children[0]!.type === 'paragraph' ? tree.children[0].children.find((n) => n.type === 'wikiLink') : undefined;
    expect(link?.position?.start).toMatchObject({ line: 3, column: 10 });
    expect(source.slice(link!.position!.start.offset, link!.position!.end.offset)).toBe('[[Target|shown]]');
    expect(tree.children[1]?.position?.start.line).toBe(5);
  });

  it('removes comments from MDX notes too', () => {
    const html = renderMarkdown('Shown %% {hidden} %% text.', 'mdx');
    expect(html).toBe('<p>Shown  text.</p>');
  });
});

describe('finding comments without parsing the note for each one', () => {
  const parsersWay = (text: string) => stripComments(text, { literalRanges: parsedLiteralRanges('md') });
  const cut = (text: string) => {
    const { text: rest, comments } = stripNoteComments(text);
    return { rest, comments };
  };
  const same = (text: string) => {
    const { text: rest, comments } = parsersWay(text);
    expect(cut(text), JSON.stringify(text)).toEqual({ rest, comments });
  };

  it('cuts the comments of a templated note with properties exactly as the parser would', () => {
    const note = '---\ntags:\n  - plugins\n  - \nplugin-id: kanban\n---\n%% Hub template %%\n\n# Kanban\n\nText.\n\n%% Add links %%\n\n# This note in GitHub\n';
    expect(cut(note).rest).toBe('---\ntags:\n  - plugins\n  - \nplugin-id: kanban\n---\n\n\n# Kanban\n\nText.\n\n\n\n# This note in GitHub\n');
    same(note);
  });

  it('keeps %% that stands in the properties, and finds comments after them', () => {
    for (const note of ['---\ntitle: 100%% sure\n---\nA %%hidden%% B', '---\na: b\n--- \nc: %%d\n---\n%%x%% y', '---\nno close %%x%%\nend', '\uFEFF---\na: %%\n---\nb %%c%%']) same(note);
    expect(cut('---\ntitle: 100%% sure\n---\nA %%hidden%% B').rest).toBe('---\ntitle: 100%% sure\n---\nA  B');
  });

  it('agrees with the parser where cutting a comment makes code', () => {
    // Four spaces joined by a cut make an indented code block; three tildes joined make a fence.
    for (const note of ['  %%a%%  code %%b%% c\n', 'x\n\n~~%%a%%~\n%%b%%\n', 'a `b %%c` d%% e', '$x %%y$ z%% w']) same(note);
    expect(cut('para\n\n  %%a%%  %%b%% c').comments).toEqual(parsersWay('para\n\n  %%a%%  %%b%% c').comments);
  });

  it('agrees with the parser where a comment would end inside indented code', () => {
    same('%%a\n\n    %%b\n\nc %% d');
    expect(cut('%%a\n\n    %%b\n\nc %% d').rest).toBe(' d');
  });

  it('agrees with the parser on notes pieced together from the syntax that matters', () => {
    const plain = ['%%', '%%', '%%', ' ', '  ', '    ', '\n', '\n\n', '~', '~~', '---\n', '---', '\\', '> ', '- ', '1. ', 'text', '# H', '[[Link]]', '#tag', '<div>', 'a:b\n'];
    const literal = ['`', '```\n', '$', '$$\n', '\t'];
    const random = new Rng('comments');
    // Most notes without backticks, dollars and tabs, which are the ones read without the parser.
    for (const pieces of [plain, plain, plain, [...plain, ...literal]]) {
      for (let n = 0; n < 1000; n++) {
        let note = random.chance(0.3) ? '---\na: b\n---\n' : '';
        const length = random.int(1, 24);
        for (let i = 0; i < length; i++) note += random.pick(pieces);
        same(note);
      }
    }
  });
});
