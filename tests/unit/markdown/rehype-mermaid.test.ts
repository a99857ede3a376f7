import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../helpers/render-markdown.ts';

describe('rehypeMermaid: ```mermaid blocks', () => {

  it('turns a mermaid block into <pre class="mermaid"> with its source as text, not highlighted', () => {
    expect(renderMarkdown('```mermaid\ngraph TD\n  A[Start] --> B{Is it?}\n```')).toBe('<pre class="mermaid">graph TD\n  A[Start] --> B{Is it?}</pre>');
  });

  it('escapes the source, so a diagram cannot inject HTML', () => {
    expect(renderMarkdown('```mermaid\ngraph TD\n  A["<img src=x onerror=alert(1)>"]\n```')).toBe('<pre class="mermaid">graph TD\n  A["&#x3C;img src=x onerror=alert(1)>"]</pre>');
  });

  it('leaves other code blocks to the highlighter', () => {
    expect(renderMarkdown('```js\nlet a\n```')).not.toContain('mermaid');
  });
});
