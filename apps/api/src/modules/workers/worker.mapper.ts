import type {
  DossierWorkerSummary,
  WorkerListItem,
  WorkerResponse,
} from '@moisson/contract';
import type { WorkerEntity } from './entities/worker.entity';
import { maskPassportNumber } from './passport-number';

/** The full record, passport number included: callers write the read to the audit log. */
export function toWorkerResponse(w: WorkerEntity): WorkerResponse {
  return {
    id: w.id,
    employerId: w.employerId,
    surname: w.surname,
    givenNames: w.givenNames,
    birthDate: w.birthDate,
    nationality: w.nationality,
    passportNumber: w.passportNumber,
    passportExpiry: w.passportExpiry,
    phone: w.phone,
    email: w.email,
    preferredLanguage: w.preferredLanguage,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
  };
}

export function toWorkerListItem(w: WorkerEntity): WorkerListItem {
  const { passportNumber, ...rest } = toWorkerResponse(w);
  return { ...rest, passportNumberMasked: maskPassportNumber(passportNumber) };
}

export function toDossierWorkerSummary(
  w: Pick<
    WorkerEntity,
    'id' | 'surname' | 'givenNames' | 'nationality' | 'passportNumber'
  >,
): DossierWorkerSummary {
  return {
    id: w.id,
    surname: w.surname,
    givenNames: w.givenNames,
    nationality: w.nationality,
    passportNumberMasked: maskPassportNumber(w.passportNumber),
  };
}
