import { ReminderSendJobName } from '../../core/queue/queue-names';
import { isLastAttempt } from './jobs/reminder-send.processor';
import { plannedJobFor, UnsentRow } from './reminder-enqueuer';

const now = new Date('2027-03-10T05:30:00Z'); // 06:30 Paris
const digestAt = new Date('2027-03-10T06:00:00Z'); // 07:00 Paris
const row = (overrides: Partial<UnsentRow> = {}): UnsentRow => ({
  id: '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b',
  recipient: 'jean.dupuis@vignobles-marmandais.fr',
  urgent: false,
  send_after: digestAt,
  status: 'pending',
  leased_by: null,
  ...overrides,
});

describe('plannedJobFor: the send job an unsent outbox row needs', () => {
  it("gives every digest row of a recipient and day the same id, waiting until the digest's time", () => {
    const a = plannedJobFor(row(), now);
    const b = plannedJobFor(
      row({ id: '00000000-0000-4000-8000-000000000001' }),
      now,
    );
    expect(a.jobId).toBe(b.jobId);
    expect(a.jobId).toMatch(/^digest-[0-9a-f]{16}-2027-03-10$/);
    expect(a.jobId).not.toContain('jean'); // no address in Redis ids
    expect(a).toMatchObject({
      name: ReminderSendJobName.Digest,
      data: { recipient: 'jean.dupuis@vignobles-marmandais.fr' },
      delay: 30 * 60_000,
    });
    const otherDay = plannedJobFor(
      row({ send_after: new Date('2027-03-11T06:00:00Z') }),
      now,
    );
    expect(otherDay.jobId).not.toBe(a.jobId);
    const otherRecipient = plannedJobFor(
      row({ recipient: 'sophie@x.fr' }),
      now,
    );
    expect(otherRecipient.jobId).not.toBe(a.jobId);
  });

  it('gives an urgent row its own job, due at once', () => {
    expect(plannedJobFor(row({ urgent: true, send_after: now }), now)).toEqual({
      name: ReminderSendJobName.Urgent,
      data: { outboxId: '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b' },
      jobId: 'urgent-3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b',
      delay: 0,
    });
  });

  it('names the dead claim of a row whose lease ran out, so it is queued again even if the old job is still in Redis', () => {
    const fresh = plannedJobFor(row(), now);
    const stuck = plannedJobFor(
      row({ status: 'sending', leased_by: 'host:42:abc' }),
      now,
    );
    const stuckElsewhere = plannedJobFor(
      row({ status: 'sending', leased_by: 'host:43:def' }),
      now,
    );
    expect(stuck.jobId).toMatch(new RegExp(`^${fresh.jobId}-r[0-9a-f]{12}$`));
    expect(stuckElsewhere.jobId).not.toBe(stuck.jobId);
    expect(
      plannedJobFor(row({ status: 'sending', leased_by: 'host:42:abc' }), now)
        .jobId,
    ).toBe(stuck.jobId);
    for (const job of [fresh, stuck]) expect(job.jobId).not.toContain(':');
  });
});

describe('isLastAttempt', () => {
  it('is true on the fifth of five attempts only', () => {
    const job = (attemptsMade: number) =>
      ({ attemptsMade, opts: { attempts: 5 } }) as never;
    expect(isLastAttempt(job(0))).toBe(false);
    expect(isLastAttempt(job(3))).toBe(false);
    expect(isLastAttempt(job(4))).toBe(true);
  });
});
