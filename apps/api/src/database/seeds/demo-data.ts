import type { Sector, UserRole } from '@moisson/contract';

/**
 * Demo data for `npm start` on an empty database, and for the end-to-end tests. Passwords and TOTP
 * secrets are public on purpose: never seed them into a real deployment.
 */
export const DEMO_PASSWORD = 'Moisson-demo-2026';

export interface DemoUser {
  key: string;
  email: string;
  fullName: string;
  role: UserRole;
  employerKey?: string;
  /** Base32 TOTP secret: firm staff sign in with two-factor. */
  totpSecret?: string;
}

export interface DemoEmployer {
  key: string;
  legalName: string;
  siret: string;
  addressLine: string;
  postalCode: string;
  city: string;
  departement: string;
  sector: Sector;
  ofiiOffice: string;
  consulate: string;
}

export const DEMO_EMPLOYERS: DemoEmployer[] = [
  {
    key: 'marmandais',
    legalName: 'Vignobles du Marmandais',
    siret: '44712345000127',
    addressLine: '12 route des Coteaux',
    postalCode: '47200',
    city: 'Marmande',
    departement: '47',
    sector: 'viticulture',
    ofiiOffice: 'casablanca',
    consulate: 'casablanca',
  },
  {
    key: 'durance',
    legalName: 'Vergers de la Durance',
    siret: '13478945000217',
    addressLine: '4 chemin des Vergers',
    postalCode: '13300',
    city: 'Salon-de-Provence',
    departement: '13',
    sector: 'arboriculture',
    ofiiOffice: 'tunis',
    consulate: 'tunis',
  },
];

export const DEMO_USERS: DemoUser[] = [
  {
    key: 'firmAdmin',
    email: 'admin@cabinet-demo.fr',
    fullName: 'Claire Martin',
    role: 'firm_admin',
    totpSecret: 'PSGLOVI2TLPDT2NIG2G4QMT6S66335RG',
  },
  {
    key: 'firmStaff',
    email: 'juriste@cabinet-demo.fr',
    fullName: 'Karim Benali',
    role: 'firm_staff',
    totpSecret: '7YEI6KNXG23UDM6MO634EKTPNCBN2PI4',
  },
  {
    key: 'employerOwner',
    email: 'jean.dupuis@vignobles-marmandais.fr',
    fullName: 'Jean Dupuis',
    role: 'employer_owner',
    employerKey: 'marmandais',
  },
  {
    key: 'employerMember',
    email: 'sophie.laurent@vignobles-marmandais.fr',
    fullName: 'Sophie Laurent',
    role: 'employer_member',
    employerKey: 'marmandais',
  },
  {
    key: 'otherEmployerOwner',
    email: 'marc.roux@vergers-durance.fr',
    fullName: 'Marc Roux',
    role: 'employer_owner',
    employerKey: 'durance',
  },
];
