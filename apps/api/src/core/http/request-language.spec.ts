import { chooseLanguage, languageFromAcceptLanguage } from './request-language';

describe('languageFromAcceptLanguage', () => {
  it.each([
    ['en', 'en'],
    ['fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7', 'fr'],
    ['en-GB,en;q=0.9,fr;q=0.8', 'en'],
    ['de-DE,de;q=0.9,en;q=0.5,fr;q=0.4', 'en'],
    ['de-DE, FR-be;q=0.5', 'fr'],
    ['fr;q=0.2, en;q=0.8', 'en'],
    ['en;q=0, fr', 'fr'],
    ['EN-us', 'en'],
  ])('reads %s as %s', (header, expected) => {
    expect(languageFromAcceptLanguage(header)).toBe(expected);
  });

  it.each([[undefined], [''], ['de'], ['*'], ['ar-MA,es;q=0.8']])(
    'finds no supported language in %p',
    (header) => {
      expect(languageFromAcceptLanguage(header)).toBeUndefined();
    },
  );
});

describe('chooseLanguage', () => {
  it("prefers the signed-in user's locale over the header", () => {
    expect(chooseLanguage('fr', 'en-GB,en')).toBe('fr');
    expect(chooseLanguage('en', 'fr-FR')).toBe('en');
  });

  it('falls back on Accept-Language without a user', () => {
    expect(chooseLanguage(undefined, 'en-US,en;q=0.9')).toBe('en');
    expect(chooseLanguage(null, 'fr')).toBe('fr');
  });

  it('answers in French when nothing says otherwise', () => {
    expect(chooseLanguage(undefined, undefined)).toBe('fr');
    expect(chooseLanguage(undefined, 'de-DE')).toBe('fr');
    expect(chooseLanguage('de', 'es')).toBe('fr');
  });
});
