import { isMailAddress } from './mail-address';

describe('isMailAddress', () => {
  it.each([
    'saisonnier@example.org',
    'prenom.nom+moisson@domaine-viticole.fr',
    "o'brien@mail.example.co.uk",
    'A.B@EXAMPLE.ORG',
  ])('accepts %s', (address) => {
    expect(isMailAddress(address)).toBe(true);
  });

  it.each([
    '',
    'no-at-sign.example.org',
    'two@@example.org',
    'user@localhost',
    'user@example',
    'user@-example.org',
    'user@example..org',
    '.user@example.org',
    'us..er@example.org',
    'user @example.org',
    'Name <user@example.org>',
    'user@example.org, other@example.org',
    'user@example.org;other@example.org',
    'user@example.org\r\nBcc: other@example.org',
    `${'a'.repeat(65)}@example.org`,
    `user@${'a'.repeat(250)}.org`,
    'usér@example.org',
  ])('refuses %p', (address) => {
    expect(isMailAddress(address)).toBe(false);
  });
});
