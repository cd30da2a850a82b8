import { CalendarDate, formatFrenchDate } from '../calendar/calendar-date.util';

export interface OfiiFollowUpEmployer {
  readonly legalName: string;
  readonly siret: string;
  /** The person who signs the follow-up. */
  readonly contactName: string;
  readonly contactEmail: string;
  readonly contactPhone?: string;
}

export interface OfiiFollowUpOffice {
  /** Reference code of the office, e.g. 'CASABLANCA'. */
  readonly code: string;
  /** As people write it, e.g. 'OFII Casablanca'. */
  readonly label: string;
}

export interface OfiiFollowUpWorker {
  readonly surname: string;
  readonly givenNames: string;
  readonly passportNumber?: string;
  readonly permitNumber: string;
  readonly permitGrantedOn: CalendarDate;
  readonly permitValidUntil?: CalendarDate;
  /** The day the file was sent to OFII. */
  readonly transmittedOn: CalendarDate;
  readonly daysWaited: number;
}

export interface OfiiFollowUpInput {
  readonly employer: OfiiFollowUpEmployer;
  readonly office: OfiiFollowUpOffice;
  readonly workers: readonly OfiiFollowUpWorker[];
  readonly today: CalendarDate;
}

export interface OfiiFollowUp {
  readonly subject: string;
  /** Plain text, lines separated by '\n', ready to paste into an e-mail to the office. */
  readonly body: string;
}

/** '12345678900012' -> '123 456 789 00012' (as French letters print it). */
function spacedSiret(siret: string): string {
  const digits = siret.replace(/\s+/g, '');
  return /^\d{14}$/.test(digits)
    ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6, 9)} ${digits.slice(9)}`
    : siret.trim();
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function fullName(worker: OfiiFollowUpWorker): string {
  return `${oneLine(worker.surname).toLocaleUpperCase('fr-FR')} ${oneLine(worker.givenNames)}`;
}

function days(count: number): string {
  return count > 1 ? `${count} jours` : `${count} jour`;
}

function workerBlock(worker: OfiiFollowUpWorker, index: number): string[] {
  const permit = worker.permitValidUntil
    ? `accordée le ${formatFrenchDate(worker.permitGrantedOn)}, valable jusqu'au ${formatFrenchDate(worker.permitValidUntil)}`
    : `accordée le ${formatFrenchDate(worker.permitGrantedOn)}`;
  return [
    `${index + 1}. ${fullName(worker)}`,
    `   Passeport n° ${worker.passportNumber ? oneLine(worker.passportNumber) : 'non renseigné'}`,
    `   Autorisation de travail n° ${oneLine(worker.permitNumber)}, ${permit}`,
    `   Dossier transmis à l'OFII le ${formatFrenchDate(worker.transmittedOn)}, soit ${days(worker.daysWaited)} d'attente`,
  ];
}

/** Longest wait first, then by name, so the most urgent files head the list. */
function byWait(a: OfiiFollowUpWorker, b: OfiiFollowUpWorker): number {
  return (
    b.daysWaited - a.daysWaited || fullName(a).localeCompare(fullName(b), 'fr')
  );
}

/**
 * The follow-up ("relance") an employer sends to one OFII office for all its workers waiting
 * there: formal French, with the worker list (names, passport and permit numbers and dates,
 * transmission dates and days waited), a request for a convocation date and a signature.
 */
export function composeOfiiFollowUp(input: OfiiFollowUpInput): OfiiFollowUp {
  if (input.workers.length === 0) {
    throw new RangeError('An OFII follow-up needs at least one waiting worker');
  }
  const { employer, office } = input;
  const workers = [...input.workers].sort(byWait);
  const count = workers.length;
  const single = count === 1;
  const legalName = oneLine(employer.legalName);
  const siret = spacedSiret(employer.siret);
  const longest = workers[0].daysWaited;

  const subject = single
    ? `Relance - demande de convocation - ${fullName(workers[0])} - ${legalName} (SIRET ${siret})`
    : `Relance - demande de convocation de ${count} travailleurs saisonniers - ${legalName} (SIRET ${siret})`;

  const introduction = single
    ? `Nous nous permettons de revenir vers vous au sujet du dossier du travailleur saisonnier ci-dessous, recruté par notre exploitation ${legalName} (SIRET ${siret}). Son autorisation de travail a été accordée et son dossier a été transmis à votre bureau (${oneLine(office.label)}) il y a ${days(longest)}.`
    : `Nous nous permettons de revenir vers vous au sujet des dossiers des ${count} travailleurs saisonniers ci-dessous, recrutés par notre exploitation ${legalName} (SIRET ${siret}). Leurs autorisations de travail ont été accordées et leurs dossiers ont été transmis à votre bureau (${oneLine(office.label)}) ; le plus ancien attend depuis ${days(longest)}.`;

  const request = single
    ? `À ce jour (${formatFrenchDate(input.today)}), aucune convocation ne nous est parvenue. Nous vous serions reconnaissants de bien vouloir nous indiquer la date à laquelle ce travailleur pourra être convoqué pour la visite médicale et le dépôt de sa demande de visa, afin que nous puissions organiser son arrivée pour la saison.`
    : `À ce jour (${formatFrenchDate(input.today)}), aucune convocation ne nous est parvenue. Nous vous serions reconnaissants de bien vouloir nous indiquer les dates auxquelles ces travailleurs pourront être convoqués pour la visite médicale et le dépôt de leur demande de visa, afin que nous puissions organiser leur arrivée pour la saison.`;

  const signature = [
    oneLine(employer.contactName),
    legalName,
    `SIRET : ${siret}`,
    `Courriel : ${oneLine(employer.contactEmail)}`,
    ...(employer.contactPhone
      ? [`Téléphone : ${oneLine(employer.contactPhone)}`]
      : []),
  ];

  const body = [
    `Objet : ${subject}`,
    '',
    'Madame, Monsieur,',
    '',
    introduction,
    '',
    single ? 'Travailleur concerné :' : 'Travailleurs concernés :',
    '',
    ...workers.flatMap((worker, index) => [...workerBlock(worker, index), '']),
    request,
    '',
    'Nous restons à votre disposition pour vous transmettre tout document complémentaire.',
    '',
    "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
    '',
    ...signature,
  ].join('\n');

  return { subject, body };
}
