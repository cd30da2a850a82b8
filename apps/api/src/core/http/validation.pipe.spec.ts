import { ValidationError } from 'class-validator';
import { flatten, summary } from './validation.pipe';
import { encodeValidationMessage } from './validation-messages';

function error(
  property: string,
  constraints?: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError {
  return Object.assign(new ValidationError(), {
    property,
    constraints,
    children,
  });
}

describe('flatten (validation errors to details)', () => {
  it('gives one detail per broken rule, with dotted paths for nested fields', () => {
    const details = flatten([
      error('surname', { isString: 'surname must be a string' }),
      error('passport', undefined, [
        error('expiry', { isDateString: 'expiry must be a date' }),
      ]),
    ]);
    expect(details).toEqual([
      {
        field: 'surname',
        message: {
          fr: 'Nom de famille : la valeur doit être du texte.',
          en: 'surname must be a string',
        },
      },
      {
        field: 'passport.expiry',
        message: { fr: 'expiry must be a date', en: 'expiry must be a date' },
      },
    ]);
  });

  it('tells the person to remove an unknown field', () => {
    expect(
      flatten([
        error('isAdmin', {
          whitelistValidation: 'property isAdmin should not exist',
        }),
      ]),
    ).toEqual([
      {
        field: 'isAdmin',
        message: {
          fr: 'Champ inconnu « isAdmin » : retirez-le.',
          en: 'Unknown field "isAdmin": remove it.',
        },
      },
    ]);
  });

  it.each([
    [
      'email',
      'email must be an e-mail address',
      'Adresse e-mail : saisissez une adresse e-mail valide, par exemple nom@exemple.fr.',
    ],
    [
      'password',
      'password is required',
      'Mot de passe : ce champ est obligatoire.',
    ],
    [
      'postalCode',
      'postalCode must be 5 digits, e.g. 47000',
      'Code postal : saisissez 5 chiffres, par exemple 47000.',
    ],
    [
      'legalName',
      'legalName must be shorter than or equal to 200 characters',
      'Raison sociale : 200 caractères au maximum.',
    ],
    [
      'season',
      'season must be a year between 2000 and 2100',
      'Saison : la valeur doit être une année comprise entre 2000 et 2100.',
    ],
    [
      'to',
      'to must be a date as YYYY-MM-DD',
      'Date de fin : saisissez une date réelle au format AAAA-MM-JJ.',
    ],
    [
      'to',
      'to must be a dossier state: DRAFT, CLOSED',
      'État visé : la valeur doit être un état de dossier : DRAFT, CLOSED.',
    ],
    [
      'role',
      'role must be one of: employer_owner, employer_member',
      "Rôle : la valeur doit être l'une de celles-ci : employer_owner, employer_member.",
    ],
  ])(
    'gives %s a French message naming the field',
    (property, english, french) => {
      const [detail] = flatten([error(property, { rule: english })]);
      expect(detail).toEqual({
        field: property,
        message: { fr: french, en: english },
      });
    },
  );

  it('names each element of a list', () => {
    const [detail] = flatten([
      error('dossierIds', { isUuid: 'each of dossierIds must be an id' }),
    ]);
    expect(detail.message).toEqual({
      fr: 'Dossiers (chaque élément) : la valeur doit être un identifiant valide.',
      en: 'each of dossierIds must be an id',
    });
  });

  it('reads a bilingual message given by a custom validator', () => {
    const [detail] = flatten([
      error('siret', {
        isSiret: encodeValidationMessage({
          fr: 'SIRET : clé fausse.',
          en: 'siret: wrong checksum.',
        }),
      }),
    ]);
    expect(detail.message).toEqual({
      fr: 'SIRET : clé fausse.',
      en: 'siret: wrong checksum.',
    });
  });
});

describe('summary (the one-line message of a validation error)', () => {
  it('counts and names the fields, in French with their labels', () => {
    expect(
      summary([
        { field: 'email', message: 'x' },
        { field: 'postalCode', message: 'y' },
      ]),
    ).toEqual({
      fr: 'La requête contient 2 champs invalides (adresse e-mail, code postal) : corrigez-les puis renvoyez-la.',
      en: 'The request has 2 invalid fields (email, postalCode): correct them and send it again.',
    });
    expect(summary([{ field: 'siret', message: 'x' }]).fr).toBe(
      'La requête contient 1 champ invalide (SIRET) : corrigez-le puis renvoyez-la.',
    );
  });
});
