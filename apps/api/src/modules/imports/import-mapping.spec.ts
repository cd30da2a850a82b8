import {
  ImportMappingError,
  normaliseHeader,
  parseMapping,
  suggestMapping,
} from './import-mapping';

describe('normaliseHeader', () => {
  it('drops accents, case, punctuation and the degree sign', () => {
    expect(normaliseHeader(' N° Passeport ')).toBe('n passeport');
    expect(normaliseHeader('Prénom(s)')).toBe('prenom s');
    expect(normaliseHeader("Date d'expiration")).toBe('date d expiration');
  });
});

describe('suggestMapping', () => {
  it('maps a French export', () => {
    expect(
      suggestMapping([
        'Nom',
        'Prénom(s)',
        'Date de naissance',
        'Nationalité',
        'N° passeport',
        'Expiration passeport',
        'Téléphone',
        'Courriel',
        'Poste',
        'Type de contrat',
        'Début prévu',
        'Fin prévue',
        'Campagne',
        'Bureau OFII',
        'Consulat',
        'Remarques',
      ]),
    ).toEqual({
      surname: 'Nom',
      givenNames: 'Prénom(s)',
      birthDate: 'Date de naissance',
      nationality: 'Nationalité',
      passportNumber: 'N° passeport',
      passportExpiry: 'Expiration passeport',
      phone: 'Téléphone',
      email: 'Courriel',
      jobTitle: 'Poste',
      contractType: 'Type de contrat',
      plannedStart: 'Début prévu',
      plannedEnd: 'Fin prévue',
      campaign: 'Campagne',
      ofiiOffice: 'Bureau OFII',
      consulate: 'Consulat',
    });
  });

  it('maps an English export, and headers that contain a known name', () => {
    expect(
      suggestMapping([
        'Surname',
        'Given names',
        'Date of birth',
        'Nationality',
        'Passport number',
        'Passport expiry date',
        'Job title',
        'Start date',
        'End date',
      ]),
    ).toEqual({
      surname: 'Surname',
      givenNames: 'Given names',
      birthDate: 'Date of birth',
      nationality: 'Nationality',
      passportNumber: 'Passport number',
      passportExpiry: 'Passport expiry date',
      jobTitle: 'Job title',
      plannedStart: 'Start date',
      plannedEnd: 'End date',
    });
    expect(
      suggestMapping(['Nom du salarié', "Date d'expiration du passeport"]),
    ).toEqual({
      passportExpiry: "Date d'expiration du passeport",
    });
  });

  it('gives a header to one field only, and leaves unknown headers out', () => {
    expect(suggestMapping(['Passeport', 'Passeport', 'Divers'])).toEqual({
      passportNumber: 'Passeport',
    });
  });
});

describe('parseMapping', () => {
  const headers = ['Nom', 'Prénom', 'Passeport'];

  it('keeps the fields given, leaving empty ones unmapped', () => {
    expect(
      parseMapping('{"surname":"Nom","givenNames":"","phone":null}', headers),
    ).toEqual({ surname: 'Nom' });
  });

  it.each([
    ['not json', /JSON/],
    ['[]', /object/],
    ['{"nom":"Nom"}', /"nom" is not an import field/],
    ['{"surname":"Name"}', /no column "Name"/],
    ['{"surname":"Nom","givenNames":"Nom"}', /both surname and givenNames/],
  ])('refuses %s', (json, message) => {
    expect(() => parseMapping(json, headers)).toThrow(ImportMappingError);
    expect(() => parseMapping(json, headers)).toThrow(message);
  });
});
