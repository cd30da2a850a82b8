import { AUDIT_ACTIONS } from '@moisson/contract';
import en from '../../../../public/i18n/en.json';
import fr from '../../../../public/i18n/fr.json';

type Tree = { [key: string]: string | Tree };

function leafKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [`${prefix}${key}`]
      : leafKeys(value, `${prefix}${key}.`),
  );
}

function lookup(tree: Tree, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        node && typeof node === 'object' ? (node as Tree)[key] : undefined,
      tree,
    );
}

describe('translations', () => {
  it('French and English have the same keys', () => {
    const frKeys = leafKeys(fr as Tree);
    const enKeys = new Set(leafKeys(en as Tree));
    expect(frKeys.filter((key) => !enKeys.has(key))).toEqual([]);
    expect([...enKeys].filter((key) => !frKeys.includes(key))).toEqual([]);
  });

  it.each(AUDIT_ACTIONS.map((action) => [action]))(
    'the audit log names %s in both languages',
    (action) => {
      for (const tree of [fr, en]) {
        const label = lookup(tree as Tree, `auditActions.${action}`);
        expect(typeof label).toBe('string');
        expect((label as string).length).toBeGreaterThan(0);
      }
    },
  );
});
