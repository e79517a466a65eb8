/**
 * Markdown safety in text fields, and the fast path that skips parsing texts that plainly hold no
 * HTML, image or link: it must never hide a problem the full parse finds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMarkdown, findMarkdownProblems } from '../../src/validate/check-markdown.js';

const codes = (text: string) => checkMarkdown(text).map((p) => p.code);

describe('checkMarkdown', () => {
  it.each([
    ['raw HTML', 'Text <script>alert(1)</script> here.', 'raw-html'],
    ['an HTML comment', 'Text <!-- hidden --> here.', 'raw-html'],
    ['a javascript: link', 'See [this](javascript:alert(1)).', 'unsafe-url'],
    ['a data: link', 'See [this](data:text/html;base64,PHNjcmlwdD4=).', 'unsafe-url'],
    ['a vbscript: link', 'See [this](vbscript:msgbox).', 'unsafe-url'],
    ['a file: link', 'See [this](file:///etc/passwd).', 'unsafe-url'],
    ['an entity-encoded scheme', 'See [this](jav&#97;script:alert(1)).', 'unsafe-url'],
    ['a scheme after spaces and a line break', 'See [this](  \n javascript:alert(1)).', 'unsafe-url'],
    ['an unsafe autolink', 'See <javascript:alert(1)>.', 'unsafe-url'],
    ['an unsafe reference definition', 'See [this].\n\n[this]: javascript:alert(1)', 'unsafe-url'],
    ['an image', 'Logo ![logo](https://example.com/logo.png).', 'image-not-allowed'],
    ['a reference image', 'Logo ![logo][l].\n\n[l]: https://example.com/logo.png', 'image-not-allowed'],
    ['a safe link then an unsafe one', '[a](https://example.com) and [b](javascript:x)', 'unsafe-url'],
  ])('reports %s', (_, text, code) => {
    expect(codes(text)).toContain(code);
  });

  it.each([
    ['plain text', 'We keep your data for six months.'],
    ['emphasis and lists', 'We *never* sell data:\n\n- names\n- e-mail addresses'],
    ['https, http, mailto and tel links', 'Write to [us](mailto:dpo@example.com), call [us](tel:+4930123), see [this](https://example.com) or [that](http://example.com).'],
    ['an in-page link', 'See [retention](#retention).'],
    ['brackets that are not links', 'Art. 6(1)(f) GDPR [in force since 2018].'],
    ['placeholders', '{label}, {condition}'],
  ])('accepts %s', (_, text) => {
    expect(checkMarkdown(text)).toEqual([]);
  });

  it('skipping the parse never hides a problem the parse finds', () => {
    const piece = fc.constantFrom(
      '[', ']', '(', ')', '<', '>', '!', ':', '\\', '&#97;', '&lt;', ' ', '\t', '\n', '\u00a0', 'a', 'x', '#', '*', '`',
      'https:', 'http:', 'mailto:', 'tel:', 'javascript:', 'data:', 'java\tscript:', '](', ']:', '![', 'www.', '//',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const text = pieces.join('');
        expect(checkMarkdown(text)).toEqual(findMarkdownProblems(text));
      }),
      { numRuns: 3000, seed: 20240301 },
    );
  });
});
