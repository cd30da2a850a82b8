import { IMPORT_FIELDS, ImportField, ImportMapping } from '@moisson/contract';

/** Lower case, no accents, no punctuation: "N° Passeport" -> "n passeport". */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[°º]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Header names (normalised) each field is recognised by, in French and English. A header matches a
 * field when it equals one of these, or (for the longer ones) contains it.
 */
const SYNONYMS: Readonly<Record<ImportField, readonly string[]>> = {
  surname: [
    'nom',
    'nom de famille',
    'surname',
    'last name',
    'family name',
    'lastname',
    'name',
  ],
  givenNames: [
    'prenom',
    'prenoms',
    'prenom s',
    'given names',
    'given name',
    'first name',
    'first names',
    'firstname',
    'forenames',
  ],
  birthDate: [
    'date de naissance',
    'naissance',
    'ne le',
    'nee le',
    'birth date',
    'date of birth',
    'birthdate',
    'dob',
  ],
  nationality: ['nationalite', 'nationality', 'pays', 'country'],
  passportNumber: [
    'n passeport',
    'no passeport',
    'numero de passeport',
    'numero passeport',
    'passeport',
    'n de passeport',
    'passport',
    'passport number',
    'passport no',
    'passport n',
  ],
  passportExpiry: [
    'expiration passeport',
    'expiration du passeport',
    'date d expiration',
    'date d expiration du passeport',
    'validite passeport',
    'passeport valable jusqu au',
    'fin de validite passeport',
    'passport expiry',
    'passport expiry date',
    'passport expiration',
    'expiry date',
    'expiry',
  ],
  phone: ['telephone', 'tel', 'portable', 'mobile', 'phone', 'phone number'],
  email: [
    'email',
    'e mail',
    'courriel',
    'mail',
    'adresse e mail',
    'adresse email',
  ],
  preferredLanguage: [
    'langue',
    'langue preferee',
    'language',
    'preferred language',
  ],
  jobTitle: [
    'poste',
    'emploi',
    'intitule du poste',
    'fonction',
    'metier',
    'job',
    'job title',
    'position',
  ],
  contractType: ['type de contrat', 'contrat', 'contract', 'contract type'],
  plannedStart: [
    'debut prevu',
    'date de debut',
    'debut',
    'debut du contrat',
    'date d arrivee',
    'arrivee',
    'planned start',
    'start date',
    'start',
  ],
  plannedEnd: [
    'fin prevue',
    'date de fin',
    'fin',
    'fin du contrat',
    'date de depart',
    'depart',
    'planned end',
    'end date',
    'end',
  ],
  campaign: ['campagne', 'saison', 'campaign', 'season'],
  ofiiOffice: [
    'bureau ofii',
    'ofii',
    'direction territoriale ofii',
    'ofii office',
  ],
  consulate: ['consulat', 'consulate'],
};

/**
 * The mapping suggested from the header row: each field gets the first header equal to one of its
 * names; then fields still free get a header that contains one of their longer names. A header is
 * used once at most.
 */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const used = new Set<string>();
  const normalised = headers.map((h) => ({
    header: h,
    key: normaliseHeader(h),
  }));
  const assign = (test: (key: string, name: string) => boolean) => {
    for (const field of IMPORT_FIELDS) {
      if (mapping[field]) continue;
      const hit = normalised.find(
        ({ header, key }) =>
          key !== '' &&
          !used.has(header) &&
          SYNONYMS[field].some((name) => test(key, name)),
      );
      if (hit) {
        mapping[field] = hit.header;
        used.add(hit.header);
      }
    }
  };
  assign((key, name) => key === name);
  assign((key, name) => name.length >= 5 && ` ${key} `.includes(` ${name} `));
  return mapping;
}

/** Why a `mapping` part is refused (the caller answers 400 with this message). */
export class ImportMappingError extends Error {}

/**
 * Reads the client's mapping (JSON of field -> column header). Unknown fields, headers absent from
 * the file, and one header given to two fields are refused. Empty values leave a field unmapped.
 */
export function parseMapping(
  json: string,
  headers: readonly string[],
): ImportMapping {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new ImportMappingError(
      'mapping must be JSON such as {"surname": "Nom", "givenNames": "Prénom(s)"}.',
    );
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new ImportMappingError(
      'mapping must be a JSON object of import field -> column header.',
    );
  const mapping: ImportMapping = {};
  const seen = new Map<string, string>();
  for (const [field, header] of Object.entries(raw)) {
    if (!(IMPORT_FIELDS as readonly string[]).includes(field))
      throw new ImportMappingError(
        `mapping: "${field}" is not an import field; use one of ${IMPORT_FIELDS.join(', ')}.`,
      );
    if (header === null || header === '') continue;
    if (typeof header !== 'string' || !headers.includes(header))
      throw new ImportMappingError(
        `mapping.${field}: the file has no column "${String(header)}"; its columns are: ${headers.join(', ')}.`,
      );
    const other = seen.get(header);
    if (other)
      throw new ImportMappingError(
        `mapping: the column "${header}" is given to both ${other} and ${field}.`,
      );
    seen.set(header, field);
    mapping[field as ImportField] = header;
  }
  return mapping;
}
