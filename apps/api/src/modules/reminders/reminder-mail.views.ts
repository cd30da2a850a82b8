import type { BilingualText } from '@moisson/domain';
import { reminderDateLabel, ReminderDateKind } from '@moisson/domain';
import type { ClaimedRow } from './reminder-outbox.claims';

/** What the dossier rows of a message add to the outbox rows (one query per message). */
export interface DossierFacts {
  dossier_id: string;
  employer_id: string;
  legal_name: string;
  surname: string;
  given_names: string;
  ofii_office: string | null;
  /** The dossier's state when the message is prepared (a row may have been written hours before). */
  state: string;
}

/** One reminder in an e-mail (the templates' ReminderItemView). */
export interface ReminderItemView {
  kind: ClaimedRow['kind'];
  audience: ClaimedRow['audience'];
  workerName: string;
  employerName: string;
  dossierUrl: string;
  dueDate: string;
  deadline?: { label: BilingualText; date: string; legal: boolean };
  daysWaited?: number;
}

/** One OFII follow-up in a digest (the templates' OfiiFollowUpView). */
export interface OfiiFollowUpView {
  officeLabel: string;
  employerName: string;
  subject: string;
  body: string;
  relanceUrl: string;
  workers: number;
}

/** The page of the dossier: the employer's own, or the firm's view of that employer. */
export function dossierUrl(
  publicUrl: string,
  row: Pick<ClaimedRow, 'audience' | 'employer_id' | 'dossier_id'>,
): string {
  return row.audience === 'firm'
    ? `${publicUrl}/firm/employers/${row.employer_id}/dossiers/${row.dossier_id}`
    : `${publicUrl}/dossiers/${row.dossier_id}`;
}

export function itemView(
  row: ClaimedRow,
  facts: DossierFacts | undefined,
  publicUrl: string,
): ReminderItemView {
  const deadline = row.details.deadline;
  return {
    kind: row.kind,
    audience: row.audience,
    workerName: facts ? `${facts.surname} ${facts.given_names}` : '',
    employerName: facts?.legal_name ?? '',
    dossierUrl: dossierUrl(publicUrl, row),
    dueDate: row.due_date,
    ...(deadline
      ? {
          deadline: {
            label: reminderDateLabel(deadline.kind as ReminderDateKind),
            date: deadline.date,
            legal: deadline.legal,
          },
        }
      : {}),
    ...(row.details.daysWaited !== undefined
      ? { daysWaited: row.details.daysWaited }
      : {}),
  };
}
