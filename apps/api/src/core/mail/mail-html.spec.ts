import { escapeHtml, markup } from './mail-html';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('leaves ordinary text, accents included, as it is', () => {
    expect(escapeHtml('Domaine de l’Étang, 12 rue des Vignes')).toBe(
      'Domaine de l’Étang, 12 rue des Vignes',
    );
  });
});

describe('markup', () => {
  it('escapes every interpolated value but keeps nested markup fragments', () => {
    const name = '<script>alert(1)</script>';
    const out = markup`<p>${name} ${markup`<strong>${'a&b'}</strong>`} ${[markup`<br>`, '<i>']} ${42}</p>`;
    expect(out.value).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; <strong>a&amp;b</strong> <br>&lt;i&gt; 42</p>',
    );
  });
});
