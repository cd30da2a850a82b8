import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_REMINDER_SETTINGS, parisToday } from '@moisson/domain';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock } from '../../core/clock/clock';
import { AppConfig } from '../../core/config/app-config';
import { RenderedMail } from '../../core/mail/mail-template';
import { MailJob, renderMail } from '../../core/mail/mail-templates';
import { MailTransport } from '../../core/mail/mail-transport';
import {
  domainOf,
  isPermanentSmtpRefusal,
} from '../../core/mail/mail.processor';
import {
  claimDigestRows,
  ClaimedRow,
  claimUrgentRow,
  markAttemptFailed,
  markSent,
} from './reminder-outbox.claims';
import {
  DossierFacts,
  itemView,
  OfiiFollowUpView,
} from './reminder-mail.views';
import { normaliseOfficeCode } from '../dossiers/office-code';
import { RelanceService } from './relance.service';

/** What one send job did. */
export type DeliveryOutcome =
  | { sent: false; reason: 'nothing-to-send' }
  | { sent: true; rows: number; messageId: string };

/**
 * Sends claimed outbox rows: a recipient's digest (every due non-urgent row, with the OFII
 * follow-ups of the employers concerned) or one urgent reminder. Rows are marked sent only after
 * the SMTP server accepted the message; a refusal puts them back to pending for BullMQ's retry, or
 * marks them failed after the last attempt (or at once for a permanent 5xx refusal).
 */
@Injectable()
export class ReminderDeliveryService {
  private readonly logger = new Logger(ReminderDeliveryService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly transport: MailTransport,
    private readonly relances: RelanceService,
  ) {}

  async deliverDigest(
    recipient: string,
    lastAttempt: boolean,
  ): Promise<DeliveryOutcome> {
    const now = this.clock.now();
    const token = claimToken();
    const rows = await claimDigestRows(this.dataSource, recipient, now, token);
    return this.deliver(rows, token, lastAttempt, () =>
      this.composeDigest(recipient, rows, now),
    );
  }

  async deliverUrgent(
    outboxId: string,
    lastAttempt: boolean,
  ): Promise<DeliveryOutcome> {
    const now = this.clock.now();
    const token = claimToken();
    const row = await claimUrgentRow(this.dataSource, outboxId, now, token);
    return this.deliver(row ? [row] : [], token, lastAttempt, () =>
      this.composeUrgent(row as ClaimedRow),
    );
  }

  private async deliver(
    rows: ClaimedRow[],
    token: string,
    lastAttempt: boolean,
    compose: () => Promise<MailJob>,
  ): Promise<DeliveryOutcome> {
    if (rows.length === 0) return { sent: false, reason: 'nothing-to-send' };
    const ids = rows.map((r) => r.id);
    const to = rows[0].recipient;
    let job: MailJob;
    try {
      job = await compose();
    } catch (error) {
      // Reading what the e-mail says (dossiers, OFII follow-ups) failed: retried like an SMTP
      // outage, never sent without it; failed after the last attempt, for firm staff to see.
      await markAttemptFailed(
        this.dataSource,
        ids,
        token,
        `prepare: ${message(error)}`,
        lastAttempt,
      );
      this.logger.warn(
        {
          toDomain: domainOf(to),
          rows: ids.length,
          final: lastAttempt,
          error: message(error),
        },
        'reminder e-mail not prepared',
      );
      throw error;
    }
    let mail: RenderedMail;
    try {
      mail = renderMail(job);
    } catch (error) {
      await markAttemptFailed(
        this.dataSource,
        ids,
        token,
        `render: ${message(error)}`,
        true,
      );
      throw new UnrecoverableError(
        `Cannot render the reminder e-mail: ${message(error)}`,
      );
    }
    let messageId: string;
    try {
      messageId = await this.transport.send({
        to,
        locale: rows[0].locale,
        ...mail,
      });
    } catch (error) {
      const permanent = isPermanentSmtpRefusal(error);
      await markAttemptFailed(
        this.dataSource,
        ids,
        token,
        message(error),
        permanent || lastAttempt,
      );
      this.logger.warn(
        {
          toDomain: domainOf(to),
          rows: ids.length,
          final: permanent || lastAttempt,
          error: message(error),
        },
        'reminder e-mail not sent',
      );
      if (permanent)
        throw new UnrecoverableError(
          `The SMTP server refused the e-mail for good: ${message(error)}`,
        );
      throw error;
    }
    await markSent(this.dataSource, ids, token, this.clock.now(), messageId);
    this.logger.log(
      { toDomain: domainOf(to), rows: ids.length, messageId },
      'reminder e-mail sent',
    );
    return { sent: true, rows: ids.length, messageId };
  }

  private async composeDigest(
    recipient: string,
    rows: ClaimedRow[],
    now: Date,
  ): Promise<MailJob> {
    const facts = await this.factsOf(rows);
    const items = rows.map((row) =>
      itemView(row, facts.get(row.dossier_id), this.config.PUBLIC_URL),
    );
    const followUps = await this.followUpsOf(rows, facts, now);
    const employers = new Set(rows.map((r) => r.employer_id));
    const employerName =
      employers.size === 1
        ? facts.get(rows[0].dossier_id)?.legal_name
        : undefined;
    return {
      template: 'reminder-digest',
      to: recipient,
      locale: rows[0].locale,
      data: {
        audience: rows.some((r) => r.audience === 'firm') ? 'firm' : 'employer',
        ...(employerName ? { employerName } : {}),
        items,
        followUps,
        portalUrl: this.config.PUBLIC_URL,
      },
    };
  }

  private async composeUrgent(row: ClaimedRow): Promise<MailJob> {
    const facts = await this.factsOf([row]);
    return {
      template: 'reminder-urgent',
      to: row.recipient,
      locale: row.locale,
      data: {
        item: itemView(row, facts.get(row.dossier_id), this.config.PUBLIC_URL),
        portalUrl: this.config.PUBLIC_URL,
      },
    };
  }

  /** Worker and employer names of the rows' dossiers, in one query. */
  private async factsOf(
    rows: ClaimedRow[],
  ): Promise<Map<string, DossierFacts>> {
    const found: DossierFacts[] = await this.dataSource.query(
      `SELECT d.id AS dossier_id, d.employer_id, e.legal_name, w.surname, w.given_names, d.ofii_office,
              d.state
         FROM dossier d JOIN worker w ON w.id = d.worker_id JOIN employer e ON e.id = d.employer_id
        WHERE d.id = ANY($1::uuid[])`,
      [[...new Set(rows.map((r) => r.dossier_id))]],
    );
    return new Map(found.map((f) => [f.dossier_id, f]));
  }

  /**
   * One follow-up per employer and OFII office among the digest's overdue-convocation reminders
   * to the employer: every worker of that employer waiting at that office past the threshold, and
   * every dossier of those reminders still waiting. A dossier convoked since the sweep needs none.
   * Never leaves a still-waiting dossier out: any failure throws, and the send is retried.
   */
  private async followUpsOf(
    rows: ClaimedRow[],
    facts: Map<string, DossierFacts>,
    now: Date,
  ): Promise<OfiiFollowUpView[]> {
    const groups = new Map<
      string,
      { employerId: string; office: string; dossierIds: Set<string> }
    >();
    for (const row of rows) {
      if (row.kind !== 'convocation_overdue' || row.audience !== 'employer')
        continue;
      const fact = facts.get(row.dossier_id);
      if (fact && fact.state !== 'AWAITING_OFII') continue;
      // The dossier's column holds the normalised code ('casablanca'); the recorded data as typed.
      const typed = row.details.ofiiOffice;
      const office =
        fact?.ofii_office ?? (typed ? normaliseOfficeCode(typed) : undefined);
      if (!office)
        throw new Error(
          `dossier ${row.dossier_id} waits for its OFII convocation but names no OFII office: its follow-up cannot be addressed`,
        );
      const key = `${row.employer_id}|${office}`;
      const group = groups.get(key) ?? {
        employerId: row.employer_id,
        office,
        dossierIds: new Set<string>(),
      };
      group.dossierIds.add(row.dossier_id);
      groups.set(key, group);
    }
    const views: OfiiFollowUpView[] = [];
    for (const { employerId, office, dossierIds } of [...groups.values()].sort(
      (a, b) =>
        `${a.employerId}${a.office}`.localeCompare(
          `${b.employerId}${b.office}`,
        ),
    )) {
      const prepared = await this.relances.prepare(
        employerId,
        office,
        parisToday(now),
        await this.overdueDaysOf(employerId),
        now,
        [...dossierIds],
      );
      const listed = new Set(prepared?.dossierIds ?? []);
      const missing = [...dossierIds].filter((id) => !listed.has(id));
      if (!prepared || missing.length > 0)
        throw new Error(
          `the OFII follow-up to ${office} leaves out ${missing.length} waiting dossier(s) of the digest (${missing.join(', ')})`,
        );
      const employerName =
        [...facts.values()].find((f) => f.employer_id === employerId)
          ?.legal_name ?? '';
      views.push({
        officeLabel: prepared.office.label,
        employerName,
        subject: prepared.followUp.subject,
        body: prepared.followUp.body,
        relanceUrl: prepared.url,
        workers: prepared.workers,
      });
    }
    return views;
  }

  private async overdueDaysOf(employerId: string): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT convocation_overdue_days FROM reminder_settings WHERE employer_id = $1`,
      [employerId],
    )) as Array<{ convocation_overdue_days: number }>;
    return (
      row?.convocation_overdue_days ??
      DEFAULT_REMINDER_SETTINGS.convocationOverdueDays
    );
  }
}

/** Names one claim: the process, and a random part so two jobs of one process differ. */
function claimToken(): string {
  return `${hostname()}:${process.pid}:${randomUUID()}`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
