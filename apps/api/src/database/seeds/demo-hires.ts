import type { ContractType, PreferredLanguage } from '@moisson/contract';
import {
  addDays,
  CalendarDate,
  calendarDate,
  deadlineFor,
  parseCalendarDate,
  TransitionTargetState,
} from '@moisson/domain';

/**
 * Demo hires for `npm start` on an empty database: Moroccan and Tunisian workers of the two demo
 * farms, with dossiers in every stage of the procedure. Every date is relative to the day the seed
 * runs, so the demo always shows overdue OFII convocations, a written visa refusal inside its 30-day
 * CRRV window, an arrival this month... Each step goes through the domain rules (seed-demo-hires.ts).
 */

export interface DemoCampaign {
  key: string;
  employerKey: string;
  /** The name gets the season's year: "Vendanges 2027". */
  name: string;
  plannedStart: CalendarDate;
  plannedEnd: CalendarDate;
  notes?: string;
}

export type DemoStep = [TransitionTargetState, Record<string, unknown>];

export interface DemoHire {
  employerKey: string;
  surname: string;
  givenNames: string;
  birthDate: CalendarDate;
  nationality: string;
  passportNumber: string;
  passportExpiry: CalendarDate;
  phone: string;
  preferredLanguage: PreferredLanguage;
  campaignKey: string;
  jobTitle: string;
  contractType: ContractType;
  shortageOccupation?: boolean;
  steps: DemoStep[];
  /** Also give the worker next season's DRAFT dossier, re-hired from this one. */
  rehireInto?: string;
}

export interface DemoHires {
  campaigns: DemoCampaign[];
  hires: DemoHire[];
}

const VINE = 'Ouvrier viticole';
const ORCHARD = 'Ouvrier arboricole';

export function demoHires(today: CalendarDate): DemoHires {
  const d = (days: number) => addDays(today, days);
  const { year, month } = parseCalendarDate(today);
  const firstOfMonth = calendarDate(year, month, 1);
  const thisMonth = (days: number) =>
    d(days) < firstOfMonth ? firstOfMonth : d(days);
  const passport = (years: number) => d(years * 365);
  let permits = 0;

  // --- Steps, each dated `days` from today -----------------------------------------------------
  const submitted = (days: number): DemoStep => [
    'AT_SUBMITTED',
    {
      submissionDate: d(days),
      applicationReference: `ANEF-${year}-${4100 + days * -1}`,
    },
  ];
  const granted = (days: number, departement: string): DemoStep => [
    'AT_GRANTED',
    {
      permitNumber: `AT-${departement}-${year}-${String(++permits).padStart(5, '0')}`,
      grantDate: d(days),
      validUntil: d(days + 365),
    },
  ];
  const transmitted = (days: number, office: string): DemoStep => [
    'AWAITING_OFII',
    { transmissionDate: d(days), ofiiOffice: office },
  ];
  const convoked = (
    days: number,
    appointment: number,
    place: string,
  ): DemoStep => [
    'OFII_CONVOKED',
    {
      convocationDate: d(days),
      appointmentDate: d(appointment),
      appointmentPlace: place,
    },
  ];
  const fit = (days: number): DemoStep => [
    'MEDICAL_FIT',
    { examinationDate: d(days) },
  ];
  const visaFiled = (days: number, consulate: string): DemoStep => [
    'VISA_FILED',
    { filingDate: d(days), consulate },
  ];
  const visaIssued = (days: number, from: number, to: number): DemoStep => [
    'VISA_ISSUED',
    {
      visaType: 'VLS-TS travailleur saisonnier',
      issueDate: d(days),
      validFrom: d(from),
      validTo: d(to),
    },
  ];
  const arrived = (date: CalendarDate): DemoStep => [
    'ARRIVED',
    { entryDate: date },
  ];
  const permitApplied = (days: number): DemoStep => [
    'PERMIT_APPLIED',
    { applicationDate: d(days) },
  ];
  const permitGranted = (days: number): DemoStep => [
    'PERMIT_GRANTED',
    { grantDate: d(days), validUntil: d(days + 3 * 365) },
  ];
  const refusedInWriting = (days: number): DemoStep => [
    'VISA_REFUSED',
    {
      notificationDate: d(days),
      grounds: [
        'risk_of_diverting_visa_purpose',
        'information_incomplete_or_unreliable',
      ],
    },
  ];
  const crrvFiled = (days: number, caseNumber: string): DemoStep => [
    'CRRV_FILED',
    { filingDate: d(days), caseNumber },
  ];
  const crrvRejectedBySilence = (filedDaysAgo: number): DemoStep => [
    'CRRV_REJECTED_IMPLICIT',
    {
      notificationDate: deadlineFor('implicit_crrv_rejection', d(filedDaysAgo)),
    },
  ];

  /** The usual road from the work permit to the visa application, for the Casablanca office. */
  const toVisaMorocco = (
    start: number,
    consulate: string,
    departement = '47',
  ): DemoStep[] => [
    submitted(start),
    granted(start + 25, departement),
    transmitted(start + 30, 'Casablanca'),
    convoked(start + 60, start + 70, 'OFII Casablanca, 12 rue Ibnou Mounir'),
    fit(start + 70),
    visaFiled(start + 72, consulate),
  ];
  const toVisaTunisia = (start: number): DemoStep[] => [
    submitted(start),
    granted(start + 20, '13'),
    transmitted(start + 25, 'Tunis'),
    convoked(start + 55, start + 65, 'OFII Tunis, 4 rue de Hollande'),
    fit(start + 65),
    visaFiled(start + 67, 'Tunis'),
  ];

  // --- Campaigns, their season the year of their planned start ---------------------------------
  const campaign = (
    key: string,
    employerKey: string,
    name: string,
    start: number,
    end: number,
    notes?: string,
  ): DemoCampaign => {
    const plannedStart = d(start);
    return {
      key,
      employerKey,
      name: `${name} ${plannedStart.slice(0, 4)}`,
      plannedStart,
      plannedEnd: d(end),
      ...(notes ? { notes } : {}),
    };
  };
  const campaigns: DemoCampaign[] = [
    campaign(
      'pruning',
      'marmandais',
      "Taille d'hiver",
      -20,
      100,
      'Taille et attachage, équipe de 8.',
    ),
    campaign(
      'harvestNext',
      'marmandais',
      'Vendanges',
      272,
      332,
      'Vendanges manuelles, logement à la ferme.',
    ),
    campaign('harvestLast', 'marmandais', 'Vendanges', -95, -35),
    campaign('thinning', 'durance', 'Éclaircissage', 140, 230),
    campaign('picking', 'durance', 'Récolte', -150, 25, 'Pêches et abricots.'),
  ];

  const morocco = (
    surname: string,
    givenNames: string,
    born: string,
    passportNumber: string,
    phone: string,
    preferredLanguage: PreferredLanguage,
  ) => ({
    surname,
    givenNames,
    birthDate: born,
    nationality: 'MA',
    passportNumber,
    passportExpiry: passport(2 + (passportNumber.charCodeAt(3) % 4)),
    phone,
    preferredLanguage,
  });
  const tunisia = (
    surname: string,
    givenNames: string,
    born: string,
    passportNumber: string,
    phone: string,
    preferredLanguage: PreferredLanguage,
  ) => ({
    surname,
    givenNames,
    birthDate: born,
    nationality: 'TN',
    passportNumber,
    passportExpiry: passport(2 + (passportNumber.charCodeAt(2) % 4)),
    phone,
    preferredLanguage,
  });

  const marmandais = (
    person: ReturnType<typeof morocco>,
    campaignKey: string,
    steps: DemoStep[],
    extra: Partial<DemoHire> = {},
  ): DemoHire => ({
    employerKey: 'marmandais',
    ...person,
    campaignKey,
    jobTitle: VINE,
    contractType: 'seasonal',
    steps,
    ...extra,
  });
  const durance = (
    person: ReturnType<typeof tunisia>,
    campaignKey: string,
    steps: DemoStep[],
  ): DemoHire => ({
    employerKey: 'durance',
    ...person,
    campaignKey,
    jobTitle: ORCHARD,
    contractType: 'seasonal',
    steps,
  });

  const hires: DemoHire[] = [
    // Vignobles du Marmandais (Casablanca office)
    marmandais(
      morocco(
        'El Amrani',
        'Youssef',
        '1991-03-14',
        'BK4829173',
        '+212 6 61 23 45 78',
        'ar',
      ),
      'harvestNext',
      [],
    ),
    marmandais(
      morocco(
        'Benali',
        'Mohamed',
        '1986-07-02',
        'AE7734190',
        '+212 6 62 84 11 09',
        'fr',
      ),
      'harvestNext',
      [
        [
          'OFFER_PUBLISHED',
          { publicationDate: d(-10), offerReference: `FT-${year}-178204` },
        ],
      ],
      { jobTitle: "Chef d'équipe viticole", shortageOccupation: false },
    ),
    marmandais(
      morocco(
        'Ouazzani',
        'Rachid',
        '1989-11-23',
        'JY2290451',
        '+212 6 70 45 12 33',
        'ar',
      ),
      'harvestNext',
      [submitted(-12)],
    ),
    marmandais(
      morocco(
        'Tazi',
        'Hicham',
        '1994-01-30',
        'BE6612087',
        '+212 6 63 90 27 14',
        'fr',
      ),
      'harvestNext',
      [submitted(-40), granted(-5, '47')],
    ),
    marmandais(
      morocco(
        'Bennani',
        'Abdelkader',
        '1979-05-09',
        'LB3305128',
        '+212 6 64 17 58 02',
        'ar',
      ),
      'pruning',
      [submitted(-120), granted(-95, '47'), transmitted(-72, 'Casablanca')],
    ),
    marmandais(
      morocco(
        'Idrissi',
        'Saïd',
        '1983-09-17',
        'AB9917364',
        '+212 6 65 33 80 41',
        'ar',
      ),
      'harvestNext',
      [submitted(-90), granted(-60, '47'), transmitted(-45, 'Casablanca')],
    ),
    marmandais(
      morocco(
        'Alaoui',
        'Mustapha',
        '1990-12-05',
        'BH5520873',
        '+212 6 66 72 19 90',
        'fr',
      ),
      'harvestNext',
      [submitted(-90), granted(-60, '47'), transmitted(-38, 'Casablanca')],
    ),
    marmandais(
      morocco(
        'Berrada',
        'Khalid',
        '1996-04-21',
        'CD1184520',
        '+212 6 67 08 64 35',
        'ar',
      ),
      'harvestNext',
      [submitted(-50), granted(-20, '47'), transmitted(-12, 'Casablanca')],
    ),
    marmandais(
      morocco(
        'Chraibi',
        'Driss',
        '1988-08-11',
        'GK7746031',
        '+212 6 68 51 37 26',
        'ar',
      ),
      'pruning',
      [
        submitted(-130),
        granted(-100, '47'),
        transmitted(-95, 'Casablanca'),
        convoked(-6, 8, 'OFII Casablanca, 12 rue Ibnou Mounir'),
      ],
    ),
    marmandais(
      morocco(
        'Lahlou',
        'Aziz',
        '1985-02-27',
        'JA4418296',
        '+212 6 69 26 03 88',
        'fr',
      ),
      'pruning',
      [
        submitted(-140),
        granted(-110, '47'),
        transmitted(-100, 'Casablanca'),
        convoked(-30, -15, 'OFII Casablanca, 12 rue Ibnou Mounir'),
        fit(-15),
      ],
    ),
    marmandais(
      morocco(
        'Ait Ouali',
        'Hassan',
        '1992-06-08',
        'BJ3057712',
        '+212 6 71 44 92 17',
        'ar',
      ),
      'pruning',
      toVisaMorocco(-90, 'Rabat'),
    ),
    marmandais(
      morocco(
        'Bouzid',
        'Fatima Zahra',
        '1993-10-19',
        'AK8823645',
        '+212 6 72 13 66 50',
        'ar',
      ),
      'pruning',
      [...toVisaMorocco(-112, 'Casablanca'), refusedInWriting(-12)],
    ),
    marmandais(
      morocco(
        'Oubella',
        'Lahcen',
        '1981-03-03',
        'JE2264109',
        '+212 6 73 97 40 62',
        'ar',
      ),
      'pruning',
      [...toVisaMorocco(-107, 'Agadir'), visaIssued(-5, -3, 87)],
    ),
    marmandais(
      morocco(
        'Fassi',
        'Omar',
        '1995-07-26',
        'BK1176538',
        '+212 6 74 60 28 94',
        'fr',
      ),
      'pruning',
      [
        ...toVisaMorocco(-130, 'Fès'),
        visaIssued(-25, -22, 68),
        arrived(thisMonth(-8)),
      ],
    ),
    marmandais(
      morocco(
        'Moussaoui',
        'Khadija',
        '1990-01-12',
        'LA6638201',
        '+212 6 75 82 15 47',
        'ar',
      ),
      'pruning',
      [
        ...toVisaMorocco(-140, 'Casablanca'),
        visaIssued(-40, -38, 52),
        arrived(d(-19)),
        permitApplied(-10),
      ],
    ),
    marmandais(
      morocco(
        'Belkadi',
        'Naïma',
        '1987-05-30',
        'AD3391876',
        '+212 6 76 35 71 08',
        'ar',
      ),
      'harvestLast',
      [
        ...toVisaMorocco(-250, 'Casablanca'),
        visaIssued(-120, -110, -20),
        arrived(d(-100)),
        permitApplied(-90),
        permitGranted(-60),
        ['CONTRACT_ENDED', { endDate: d(-35) }],
        [
          'RETURNED',
          { returnDate: d(-30), note: 'Passage OFII au retour fait.' },
        ],
      ],
    ),
    marmandais(
      morocco(
        'Skalli',
        'Abdellah',
        '1984-09-04',
        'GH8805437',
        '+212 6 77 19 54 23',
        'fr',
      ),
      'harvestLast',
      [
        ...toVisaMorocco(-252, 'Rabat'),
        visaIssued(-121, -110, -20),
        arrived(d(-101)),
        permitApplied(-91),
        permitGranted(-61),
        ['CONTRACT_ENDED', { endDate: d(-35) }],
        ['RETURNED', { returnDate: d(-31) }],
        [
          'CLOSED',
          {
            closingDate: d(-20),
            note: 'Saison terminée, revient pour les vendanges.',
          },
        ],
      ],
      { rehireInto: 'harvestNext' },
    ),
    marmandais(
      morocco(
        'Kettani',
        'Ayoub',
        '1998-02-16',
        'BE2249058',
        '+212 6 78 66 31 75',
        'ar',
      ),
      'harvestNext',
      [
        submitted(-30),
        [
          'WITHDRAWN',
          {
            reason: 'Le travailleur a trouvé un emploi au Maroc.',
            withdrawalDate: d(-3),
          },
        ],
      ],
    ),

    // Vergers de la Durance (Tunis office)
    durance(
      tunisia(
        'Ben Salah',
        'Mohamed Ali',
        '1990-08-09',
        'Z4829170',
        '+216 22 481 907',
        'ar',
      ),
      'thinning',
      [],
    ),
    durance(
      tunisia(
        'Trabelsi',
        'Sami',
        '1985-04-14',
        'X7731902',
        '+216 98 214 553',
        'fr',
      ),
      'thinning',
      [submitted(-45), ['AT_REFUSED', { notificationDate: d(-8) }]],
    ),
    durance(
      tunisia(
        'Jebali',
        'Hamza',
        '1993-12-01',
        'Y2290458',
        '+216 55 907 126',
        'ar',
      ),
      'thinning',
      [submitted(-70), granted(-50, '13'), transmitted(-35, 'Tunis')],
    ),
    durance(
      tunisia(
        'Gharbi',
        'Walid',
        '1982-06-25',
        'Z6614083',
        '+216 23 668 410',
        'fr',
      ),
      'thinning',
      [
        submitted(-120),
        granted(-100, '13'),
        transmitted(-90, 'Tunis'),
        convoked(-40, -30, 'OFII Tunis, 4 rue de Hollande'),
        [
          'MEDICAL_UNFIT',
          { examinationDate: d(-30), note: 'Nouvelle visite à prévoir.' },
        ],
      ],
    ),
    durance(
      tunisia(
        'Mabrouk',
        'Anis',
        '1991-09-13',
        'X3306125',
        '+216 97 130 842',
        'ar',
      ),
      'thinning',
      [
        ...toVisaTunisia(-89),
        [
          'VISA_REFUSED_VERBAL',
          {
            notificationDate: d(-6),
            note: 'Dossier rendu au guichet sans décision écrite.',
          },
        ],
      ],
    ),
    durance(
      tunisia(
        'Chaouch',
        'Bilel',
        '1988-03-28',
        'Y9917368',
        '+216 50 742 391',
        'ar',
      ),
      'thinning',
      [
        ...toVisaTunisia(-142),
        [
          'VISA_REFUSED_IMPLICIT',
          { notificationDate: deadlineFor('implicit_visa_refusal', d(-75)) },
        ],
      ],
    ),
    durance(
      tunisia(
        'Ferjani',
        'Nizar',
        '1986-11-07',
        'Z5520871',
        '+216 21 395 604',
        'fr',
      ),
      'picking',
      [
        ...toVisaTunisia(-177),
        refusedInWriting(-62),
        crrvFiled(-40, `CRRV-${year}-08812`),
      ],
    ),
    durance(
      tunisia(
        'Haddad',
        'Amine',
        '1994-05-18',
        'X1184527',
        '+216 99 583 217',
        'ar',
      ),
      'picking',
      [
        ...toVisaTunisia(-227),
        refusedInWriting(-100),
        crrvFiled(-80, `CRRV-${year}-07455`),
        ['CRRV_REJECTED', { notificationDate: d(-25) }],
      ],
    ),
    durance(
      tunisia(
        'Zouari',
        'Slim',
        '1983-01-22',
        'Y7746039',
        '+216 52 816 730',
        'fr',
      ),
      'picking',
      [
        ...toVisaTunisia(-295),
        refusedInWriting(-200),
        crrvFiled(-180, `CRRV-${year - 1}-11204`),
        crrvRejectedBySilence(-180),
        [
          'TA_FILED',
          { filingDate: d(-100), caseNumber: `${String(year).slice(2)}04187` },
        ],
      ],
    ),
    durance(
      tunisia(
        'Ben Amor',
        'Rania',
        '1992-07-15',
        'Z4418293',
        '+216 24 507 981',
        'ar',
      ),
      'picking',
      [
        ...toVisaTunisia(-345),
        refusedInWriting(-250),
        crrvFiled(-235, `CRRV-${year - 1}-09876`),
        crrvRejectedBySilence(-235),
        [
          'TA_FILED',
          {
            filingDate: d(-160),
            caseNumber: `${String(year - 1).slice(2)}03821`,
          },
        ],
        [
          'TA_ANNULLED',
          {
            judgmentDate: d(-30),
            notificationDate: d(-27),
            injunctionMonths: 2,
            note: 'Le tribunal enjoint de délivrer le visa dans un délai de deux mois.',
          },
        ],
      ],
    ),
    durance(
      tunisia(
        'Dridi',
        'Karim',
        '1980-10-03',
        'X3057719',
        '+216 98 462 135',
        'fr',
      ),
      'picking',
      [
        ...toVisaTunisia(-255),
        visaIssued(-165, -160, -70),
        arrived(d(-148)),
        permitApplied(-140),
        permitGranted(-50),
      ],
    ),
    durance(
      morocco(
        'Hajji',
        'Youness',
        '1989-04-06',
        'BH8823641',
        '+212 6 79 20 45 18',
        'fr',
      ),
      'picking',
      [
        ...toVisaMorocco(-254, 'Casablanca', '13'),
        visaIssued(-164, -160, -70),
        arrived(d(-147)),
        permitApplied(-139),
        permitGranted(-60),
        ['CONTRACT_ENDED', { endDate: d(-2) }],
      ],
    ),
    durance(
      tunisia(
        'Mejri',
        'Oussama',
        '1997-02-11',
        'Y2264105',
        '+216 55 371 908',
        'ar',
      ),
      'thinning',
      [
        submitted(-60),
        ['AT_REFUSED', { notificationDate: d(-40) }],
        [
          'ABANDONED',
          {
            decisionDate: d(-30),
            reason: 'Pas de nouvelle demande cette saison.',
          },
        ],
      ],
    ),
  ];
  return { campaigns, hires };
}
