import {
  NotificationItem,
  ReminderOutboxItem,
  ReminderView,
} from '@moisson/contract';

/** A reminder as the API shows it: a CRRV deadline 3 days away for Bennani Abdelkader. */
export function reminderView(
  overrides: Partial<ReminderView> = {},
): ReminderView {
  return {
    key: 'crrv_deadline:d-1:d3:2026-04-29:employer',
    kind: 'crrv_deadline',
    audience: 'employer',
    step: 'd3',
    dueDate: '2026-04-29',
    urgent: true,
    deadline: {
      kind: 'crrv_appeal',
      label: {
        fr: 'Recours devant la CRRV',
        en: 'Appeal to the CRRV (visa refusal appeals board)',
      },
      date: '2026-05-04',
      legal: true,
    },
    daysWaited: null,
    employer: { id: 'e-1', legalName: 'EARL Les Vergers du Lot' },
    dossier: { id: 'd-1', workerName: 'BENNANI Abdelkader', ofiiOffice: null },
    ...overrides,
  };
}

/** A convocation follow-up reminder after 44 days of waiting at OFII Casablanca. */
export function overdueView(
  overrides: Partial<ReminderView> = {},
): ReminderView {
  return reminderView({
    key: 'convocation_overdue:d-2:1:2026-03-28:employer',
    kind: 'convocation_overdue',
    step: '1',
    dueDate: '2026-03-28',
    urgent: false,
    deadline: null,
    daysWaited: 44,
    dossier: {
      id: 'd-2',
      workerName: 'EL AMRANI Youssef',
      ofiiOffice: 'casablanca',
    },
    ...overrides,
  });
}

export function notificationItem(
  view: ReminderView,
  overrides: Partial<NotificationItem> = {},
): NotificationItem {
  return {
    ...view,
    id: `n-${view.dossier.id}`,
    status: 'pending',
    sendAfter: '2026-04-30T05:00:00Z',
    sentAt: null,
    createdAt: '2026-04-29T22:10:00Z',
    ...overrides,
  };
}

export function outboxItem(
  view: ReminderView,
  overrides: Partial<ReminderOutboxItem> = {},
): ReminderOutboxItem {
  return {
    ...view,
    id: `o-${view.dossier.id}`,
    recipient: 'marie@vergers-du-lot.fr',
    locale: 'fr',
    status: 'sent',
    attempts: 1,
    lastError: null,
    sendAfter: '2026-04-30T05:00:00Z',
    leaseUntil: null,
    sentAt: '2026-04-30T05:00:12Z',
    messageId: '<abc@moisson>',
    resendCount: 0,
    createdAt: '2026-04-29T22:10:00Z',
    ...overrides,
  };
}
