import { EmployerRole, FirmRole, UserRole } from './roles';
import { Locale } from './auth';

export const SECTORS = [
  'viticulture',
  'arboriculture',
  'market_gardening',
  'field_crops',
  'livestock',
  'horticulture',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

/** OFII offices abroad that handle seasonal workers (reference data the firm will extend). */
export const OFII_OFFICES = [
  'casablanca',
  'tunis',
  'dakar',
  'abidjan',
] as const;
export const CONSULATES = [
  'casablanca',
  'rabat',
  'fes',
  'tangier',
  'marrakech',
  'agadir',
  'tunis',
  'dakar',
  'abidjan',
] as const;

export interface EmployerResponse {
  id: string;
  legalName: string;
  siret: string;
  addressLine: string;
  postalCode: string;
  city: string;
  /** Département code: '47', '13', '2B', '971'... */
  departement: string;
  sector: Sector;
  ofiiOffice: string | null;
  consulate: string | null;
  assignedStaff: { id: string; fullName: string } | null;
  userCount: number;
  createdAt: string;
  updatedAt: string;
}

/** POST /api/employers (firm admins) */
export interface CreateEmployerRequest {
  legalName: string;
  siret: string;
  addressLine: string;
  postalCode: string;
  city: string;
  departement: string;
  sector: Sector;
  ofiiOffice?: string | null;
  consulate?: string | null;
  assignedStaffId?: string | null;
}

/** PATCH /api/employers/:id (firm admins) */
export type UpdateEmployerRequest = Partial<CreateEmployerRequest>;

export type UserStatus = 'invited' | 'active' | 'disabled';

export interface UserResponse {
  id: string;
  email: string;
  fullName: string;
  role: UserRole;
  employerId: string | null;
  status: UserStatus;
  totpEnabled: boolean;
  locale: Locale;
  lastSignInAt: string | null;
  createdAt: string;
}

/** POST /api/employers/:id/invitations (firm admins; the employer's owner for their own) */
export interface InviteEmployerUserRequest {
  email: string;
  role: EmployerRole;
  locale?: Locale;
}

/** POST /api/staff/invitations (firm admins) */
export interface InviteStaffRequest {
  email: string;
  role: FirmRole;
  locale?: Locale;
}

export interface InvitationResponse {
  id: string;
  email: string;
  role: UserRole;
  employerId: string | null;
  expiresAt: string;
  acceptedAt: string | null;
}

/** PATCH /api/employers/:id/users/:userId and PATCH /api/staff/:id */
export interface UpdateUserRequest {
  role?: UserRole;
  /** true ends every session of the user at once. */
  disabled?: boolean;
}

export interface Page<T> {
  items: T[];
  /** Pass as ?cursor= to get the next page; null on the last page. */
  nextCursor: string | null;
}
