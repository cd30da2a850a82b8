import {
  composeOfiiFollowUp,
  OfiiFollowUpInput,
  OfiiFollowUpWorker,
} from './ofii-follow-up.util';

const youssef: OfiiFollowUpWorker = {
  surname: 'El Amrani',
  givenNames: 'Youssef',
  passportNumber: 'AB1234567',
  permitNumber: 'AT-047-2025-00012',
  permitGrantedOn: '2024-12-10',
  permitValidUntil: '2025-12-09',
  transmittedOn: '2025-01-02',
  daysWaited: 62,
};
const fatima: OfiiFollowUpWorker = {
  surname: 'Benali',
  givenNames: 'Fatima Zahra',
  permitNumber: 'AT-047-2025-00031',
  permitGrantedOn: '2024-12-12',
  transmittedOn: '2025-01-20',
  daysWaited: 44,
};
const input: OfiiFollowUpInput = {
  employer: {
    legalName: 'EARL Domaine du Moulin',
    siret: '73282932000074',
    contactName: 'Jeanne Dupont',
    contactEmail: 'jeanne.dupont@domaine-du-moulin.fr',
    contactPhone: '05 53 12 34 56',
  },
  office: { code: 'CASABLANCA', label: 'OFII Casablanca' },
  workers: [fatima, youssef],
  today: '2025-03-05',
};

describe('composeOfiiFollowUp', () => {
  const { subject, body } = composeOfiiFollowUp(input);
  const lines = body.split('\n');

  it('has a subject naming the request, the number of workers, the employer and its SIRET', () => {
    expect(subject).toBe(
      'Relance - demande de convocation de 2 travailleurs saisonniers - EARL Domaine du Moulin (SIRET 732 829 320 00074)',
    );
    expect(lines[0]).toBe(`Objet : ${subject}`);
  });

  it('is a formal French letter: salutation, request for a convocation date, closing, signature', () => {
    expect(lines[2]).toBe('Madame, Monsieur,');
    expect(body).toContain('transmis à votre bureau (OFII Casablanca)');
    expect(body).toContain('le plus ancien attend depuis 62 jours');
    expect(body).toContain(
      'À ce jour (05/03/2025), aucune convocation ne nous est parvenue.',
    );
    expect(body).toContain(
      'bien vouloir nous indiquer les dates auxquelles ces travailleurs pourront être convoqués',
    );
    expect(body).toContain(
      "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
    );
    expect(lines.slice(-5)).toEqual([
      'Jeanne Dupont',
      'EARL Domaine du Moulin',
      'SIRET : 732 829 320 00074',
      'Courriel : jeanne.dupont@domaine-du-moulin.fr',
      'Téléphone : 05 53 12 34 56',
    ]);
  });

  it('lists each worker with name, passport, permit number and dates, transmission and days waited, longest wait first', () => {
    const start = lines.indexOf('Travailleurs concernés :');
    expect(lines.slice(start + 2, start + 12)).toEqual([
      '1. EL AMRANI Youssef',
      '   Passeport n° AB1234567',
      "   Autorisation de travail n° AT-047-2025-00012, accordée le 10/12/2024, valable jusqu'au 09/12/2025",
      "   Dossier transmis à l'OFII le 02/01/2025, soit 62 jours d'attente",
      '',
      '2. BENALI Fatima Zahra',
      '   Passeport n° non renseigné',
      '   Autorisation de travail n° AT-047-2025-00031, accordée le 12/12/2024',
      "   Dossier transmis à l'OFII le 20/01/2025, soit 44 jours d'attente",
      '',
    ]);
  });

  it('lists exactly the workers given, each once', () => {
    expect(body.match(/^\d+\. /gm)).toHaveLength(2);
    const many = composeOfiiFollowUp({
      ...input,
      workers: Array.from({ length: 50 }, (_, i) => ({
        ...youssef,
        surname: `Nom${String(i).padStart(2, '0')}`,
        daysWaited: 40,
      })),
    });
    expect(many.body.match(/^\d+\. /gm)).toHaveLength(50);
    expect(many.body).toContain('50. NOM49 Youssef');
    expect(many.subject).toContain('de 50 travailleurs saisonniers');
  });

  it('speaks of one worker in the singular', () => {
    const one = composeOfiiFollowUp({ ...input, workers: [fatima] });
    expect(one.subject).toBe(
      'Relance - demande de convocation - BENALI Fatima Zahra - EARL Domaine du Moulin (SIRET 732 829 320 00074)',
    );
    expect(one.body).toContain(
      'au sujet du dossier du travailleur saisonnier ci-dessous',
    );
    expect(one.body).toContain('il y a 44 jours');
    expect(one.body).toContain('Travailleur concerné :');
    expect(one.body).toContain(
      'la date à laquelle ce travailleur pourra être convoqué',
    );
    expect(one.body).not.toContain('travailleurs');
  });

  it('leaves the phone line out when there is none, and says "1 jour"', () => {
    const noPhone = composeOfiiFollowUp({
      ...input,
      employer: { ...input.employer, contactPhone: undefined },
      workers: [{ ...fatima, daysWaited: 1 }],
    });
    expect(noPhone.body).not.toContain('Téléphone');
    expect(noPhone.body).toContain("soit 1 jour d'attente");
  });

  it('keeps names on one line (no line breaks injected by data) and leaves an odd SIRET as typed', () => {
    const odd = composeOfiiFollowUp({
      ...input,
      employer: {
        ...input.employer,
        siret: ' 123 ',
        legalName: 'GAEC\nLes Vergers',
      },
      workers: [
        { ...fatima, surname: 'Ben\nAli', givenNames: '  Fatima\r\nZahra ' },
      ],
    });
    expect(odd.subject).toBe(
      'Relance - demande de convocation - BEN ALI Fatima Zahra - GAEC Les Vergers (SIRET 123)',
    );
    expect(odd.body).toContain('\n1. BEN ALI Fatima Zahra\n');
  });

  it('refuses an empty list', () => {
    expect(() => composeOfiiFollowUp({ ...input, workers: [] })).toThrow(
      'at least one waiting worker',
    );
  });
});
