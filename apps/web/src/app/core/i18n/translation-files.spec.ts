import { translations } from '../../../testing/provide-test-i18n';

function keysOf(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') {
    return [prefix];
  }
  return Object.entries(value).flatMap(([key, child]) =>
    keysOf(child, prefix ? `${prefix}.${key}` : key),
  );
}

function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1]).sort();
}

function valueAt(source: unknown, key: string): string {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown>)[part],
      source,
    ) as string;
}

describe('translation files', () => {
  const frKeys = keysOf(translations.fr).sort();
  const enKeys = keysOf(translations.en).sort();

  it('have the same keys in French and English, so no text shows up as a raw key', () => {
    expect(enKeys).toEqual(frKeys);
  });

  it('have no empty text', () => {
    for (const key of frKeys) {
      expect({
        key,
        fr: valueAt(translations.fr, key).trim().length > 0,
      }).toEqual({ key, fr: true });
      expect({
        key,
        en: valueAt(translations.en, key).trim().length > 0,
      }).toEqual({ key, en: true });
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of frKeys) {
      expect({
        key,
        placeholders: placeholdersOf(valueAt(translations.en, key)),
      }).toEqual({
        key,
        placeholders: placeholdersOf(valueAt(translations.fr, key)),
      });
    }
  });
});
