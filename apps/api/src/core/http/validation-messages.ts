import { BilingualText } from './localized-text';

/**
 * French for the field-level messages of class-validator decorators. The DTOs keep their English
 * messages (each starting with the field's name); this table gives the French of the common ones, with
 * the field's French label. A message it does not know stays in English in both languages.
 */

/** French labels of the DTO fields, as the web app names them. */
export const FIELD_LABELS_FR: Record<string, string> = {
  action: 'action',
  actorEmail: "adresse e-mail de l'auteur",
  addressLine: 'adresse',
  assignedStaffId: 'juriste référent',
  birthDate: 'date de naissance',
  campaignId: 'campagne',
  city: 'ville',
  code: 'code',
  consulate: 'consulat',
  contractType: 'type de contrat',
  currentPassword: 'mot de passe actuel',
  cursor: 'curseur',
  data: 'données',
  deadlineWithinDays: 'échéance sous (jours)',
  departement: 'département',
  disabled: 'désactivé',
  dossierIds: 'dossiers',
  email: 'adresse e-mail',
  employerId: 'employeur',
  from: 'date de début',
  fullName: 'nom complet',
  givenNames: 'prénoms',
  jobTitle: 'intitulé du poste',
  legalName: 'raison sociale',
  limit: 'nombre par page',
  locale: 'langue',
  name: 'nom',
  nationality: 'nationalité',
  newPassword: 'nouveau mot de passe',
  notes: 'notes',
  ofiiOffice: 'bureau OFII',
  overdue: 'en retard',
  passportExpiry: "date d'expiration du passeport",
  passportNumber: 'numéro de passeport',
  password: 'mot de passe',
  phone: 'téléphone',
  plannedEnd: 'fin prévue',
  plannedStart: 'début prévu',
  postalCode: 'code postal',
  preferredLanguage: 'langue préférée',
  q: 'recherche',
  role: 'rôle',
  search: 'recherche',
  season: 'saison',
  sector: 'secteur',
  shortageOccupation: 'métier en tension',
  siret: 'SIRET',
  sort: 'tri',
  stage: 'étape',
  state: 'état',
  surname: 'nom de famille',
  to: 'état visé',
  token: 'jeton',
  workerId: 'salarié',
};

/** Labels that depend on the kind of value ("to" is a date in the audit log, a state elsewhere). */
const DATE_LABELS_FR: Record<string, string> = { to: 'date de fin' };

type Rule = [RegExp, (m: RegExpMatchArray) => string];

/** Matched against the English message after the field name (`email must be...` -> `must be...`). */
const RULES: Rule[] = [
  [
    /^(?:is required|should not be empty)(?:, e\.g\. (.+))?$/,
    (m) => `ce champ est obligatoire${m[1] ? `, par exemple ${m[1]}` : ''}.`,
  ],
  [/^must not be empty$/, () => 'ce champ ne doit pas être vide.'],
  [
    /^must be an? e-?mail(?: address)?$/,
    () => 'saisissez une adresse e-mail valide, par exemple nom@exemple.fr.',
  ],
  [
    /^must be (?:true or false|a boolean value)$/,
    () => 'la valeur doit être true ou false.',
  ],
  [/^must be fr or en$/, () => 'la valeur doit être fr ou en.'],
  [
    /^must be one of(?: the following values)?: (.+)$/,
    (m) => `la valeur doit être l'une de celles-ci : ${m[1]}.`,
  ],
  [
    /^must be (?:dossier states|stages) separated by commas: (.+)$/,
    (m) => `donnez des valeurs séparées par des virgules parmi : ${m[1]}.`,
  ],
  [
    /^must be a dossier state: (.+)$/,
    (m) => `la valeur doit être un état de dossier : ${m[1]}.`,
  ],
  [/^must be a string$/, () => 'la valeur doit être du texte.'],
  [
    /^must be shorter than or equal to (\d+) characters?$/,
    (m) => `${m[1]} caractères au maximum.`,
  ],
  [
    /^must be longer than or equal to (\d+) characters?$/,
    (m) => `${m[1]} caractères au minimum.`,
  ],
  [
    /^must be a whole number of days$/,
    () => 'la valeur doit être un nombre entier de jours.',
  ],
  [
    /^must be (?:a whole number|an integer number)$/,
    () => 'la valeur doit être un nombre entier.',
  ],
  [
    /^must be a year, e\.g\. (\d+)$/,
    (m) => `la valeur doit être une année, par exemple ${m[1]}.`,
  ],
  [
    /^must be a year between (\d+) and (\d+)$/,
    (m) => `la valeur doit être une année comprise entre ${m[1]} et ${m[2]}.`,
  ],
  [
    /^must be between (\S+) and (\S+)$/,
    (m) => `la valeur doit être comprise entre ${m[1]} et ${m[2]}.`,
  ],
  [
    /^must not be less than (\S+)$/,
    (m) => `la valeur doit être supérieure ou égale à ${m[1]}.`,
  ],
  [
    /^must not be greater than (\S+)$/,
    (m) => `la valeur doit être inférieure ou égale à ${m[1]}.`,
  ],
  [
    /^must be (?:an? \w+ id|the id of .+|a UUID|an id)$/,
    () => 'la valeur doit être un identifiant valide.',
  ],
  [
    /^must be 5 digits, e\.g\. (\d+)$/,
    (m) => `saisissez 5 chiffres, par exemple ${m[1]}.`,
  ],
  [
    /^must be the 6 digits (?:shown by|of) your authenticator app$/,
    () =>
      "saisissez les 6 chiffres affichés par votre application d'authentification.",
  ],
  [
    /^must be the 6 digits of your authenticator app, or a recovery code like (\S+)$/,
    (m) =>
      `saisissez les 6 chiffres de votre application d'authentification, ou un code de secours comme ${m[1]}.`,
  ],
  [
    /^must be a French département code such as (.+)$/,
    (m) =>
      `saisissez un code de département français, par exemple ${m[1].replace(' or ', ' ou ')}.`,
  ],
  [
    /^must be an ISO 3166 country code of 2 letters/,
    () =>
      'saisissez le code ISO 3166 du pays en 2 lettres, par exemple MA (Maroc) ou TN (Tunisie).',
  ],
  [
    /^must be (\d+) to (\d+) letters and digits/,
    (m) =>
      `saisissez de ${m[1]} à ${m[2]} lettres et chiffres (les espaces et tirets sont ignorés).`,
  ],
  [
    /^must be a phone number such as (.+)$/,
    (m) => `saisissez un numéro de téléphone, par exemple ${m[1]}.`,
  ],
  [
    /^is not a valid reset token/,
    () =>
      "ce lien de réinitialisation n'est pas valide : utilisez le lien reçu par e-mail.",
  ],
  [
    /^must be a list of dossier ids$/,
    () => "donnez une liste d'identifiants de dossiers.",
  ],
  [/^must name at least one dossier$/, () => 'indiquez au moins un dossier.'],
  [
    /^must not repeat a dossier$/,
    () => "chaque dossier ne doit figurer qu'une fois.",
  ],
  [
    /^may name at most (\d+) dossiers at once$/,
    (m) => `${m[1]} dossiers au maximum à la fois.`,
  ],
  [
    /^must be an object of the fields the step needs$/,
    () => "donnez un objet avec les champs qu'exige cette étape.",
  ],
  [
    /^must be the 14 digits of the SIRET number$/,
    () => 'saisissez les 14 chiffres du numéro SIRET.',
  ],
];

/** Rules whose value is a date: the field's label may differ. */
const DATE_RULES: Rule[] = [
  [
    /^must be a (?:real )?date as YYYY-MM-DD(?:: (.*))?$/,
    (m) =>
      'saisissez une date réelle au format AAAA-MM-JJ' +
      (m[1] && dateReasonFr(m[1]) ? ` : ${dateReasonFr(m[1])}.` : '.'),
  ],
];

const MONTHS_FR: Record<string, string> = {
  January: 'janvier',
  February: 'février',
  March: 'mars',
  April: 'avril',
  May: 'mai',
  June: 'juin',
  July: 'juillet',
  August: 'août',
  September: 'septembre',
  October: 'octobre',
  November: 'novembre',
  December: 'décembre',
};

/** The French of @moisson/domain's reasons for refusing a calendar date (undefined if unknown). */
function dateReasonFr(reason: string): string | undefined {
  const day = reason.match(
    /^day (\d+) does not exist in (\w+) (\d+) \((\d+) days\)$/,
  );
  if (day && MONTHS_FR[day[2]])
    return `le ${day[1]} n'existe pas en ${MONTHS_FR[day[2]]} ${day[3]} (${day[4]} jours)`;
  if (reason === 'month must be between 01 and 12')
    return 'le mois doit être compris entre 01 et 12';
  if (reason === 'year must be between 0001 and 9999')
    return "l'année doit être comprise entre 0001 et 9999";
  return undefined;
}

/** The French label of a (possibly nested) field: `passport.expiry` -> label of `expiry`. */
export function fieldLabelFr(field: string, date = false): string {
  const last = (field.split('.').pop() ?? field).replace(/\[\d+\]$/, '');
  return (
    (date ? DATE_LABELS_FR[last] : undefined) ?? FIELD_LABELS_FR[last] ?? last
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The message of one broken rule in both languages. `message` is class-validator's English message
 * for `property`; a message the table does not know is kept as it is in both languages.
 */
export function translateValidationMessage(
  field: string,
  property: string,
  message: string,
): BilingualText {
  const each = message.startsWith(`each of ${property} `);
  const prefix = each ? `each of ${property} ` : `${property} `;
  if (!message.startsWith(prefix)) return { fr: message, en: message };
  const rest = message.slice(prefix.length);
  for (const [rules, date] of [
    [DATE_RULES, true],
    [RULES, false],
  ] as const) {
    for (const [pattern, fr] of rules) {
      const match = rest.match(pattern);
      if (match) {
        const label = capitalize(fieldLabelFr(field, date));
        return {
          fr: `${each ? `${label} (chaque élément)` : label} : ${fr(match)}`,
          en: message,
        };
      }
    }
  }
  return { fr: message, en: message };
}

/**
 * A validator's message in both languages, for class-validator (which takes strings only): the
 * validation pipe reads it back with `decodeValidationMessage`.
 */
export function encodeValidationMessage(text: BilingualText): string {
  return JSON.stringify({ fr: text.fr, en: text.en });
}

export function decodeValidationMessage(
  message: string,
): BilingualText | undefined {
  if (!message.startsWith('{"fr":')) return undefined;
  try {
    const parsed = JSON.parse(message) as Partial<BilingualText>;
    return typeof parsed.fr === 'string' && typeof parsed.en === 'string'
      ? { fr: parsed.fr, en: parsed.en }
      : undefined;
  } catch {
    return undefined;
  }
}
