export * from './lib/bilingual-text.model';

export * from './lib/calendar/calendar-date.util';
export * from './lib/calendar/invalid-calendar-date.error';
export * from './lib/calendar/paris-today.util';

export * from './lib/holidays/easter-sunday.util';
export * from './lib/holidays/french-public-holidays.util';
export * from './lib/holidays/working-day.util';

export * from './lib/legal-deadline/computed-deadline-notice.constant';
export * from './lib/legal-deadline/legal-deadline-rule.model';
export * from './lib/legal-deadline/legal-deadline.util';

export * from './lib/dossier-state-machine/dossier-state.model';
export * from './lib/dossier-state-machine/dossier-stage.model';
export * from './lib/dossier-state-machine/dossier-transition.rules';
export * from './lib/dossier-state-machine/dossier-transition-data.model';
export * from './lib/dossier-state-machine/transition-data-requirement.model';
export * from './lib/dossier-state-machine/transition-data-requirements.rules';
export * from './lib/dossier-state-machine/transition-violation.model';
export * from './lib/dossier-state-machine/validate-transition.util';

export * from './lib/dossier-deadlines/dossier-snapshot.model';
export * from './lib/dossier-deadlines/dossier-clock.model';
export * from './lib/dossier-deadlines/running-deadlines.util';
export * from './lib/dossier-deadlines/next-expected-step.util';
export * from './lib/dossier-deadlines/convocation-overdue.util';
export * from './lib/dossier-deadlines/planned-start-at-risk.util';

export * from './lib/siret/siret-validation.util';

export * from './lib/visa-refusal-ground/visa-refusal-ground.model';

export * from './lib/documents/document-type.model';
export * from './lib/documents/expected-documents.rules';

export * from './lib/reminder-rules/reminder.model';
export * from './lib/reminder-rules/reminder-settings.model';
export * from './lib/reminder-rules/reminder-windows.constant';
export * from './lib/reminder-rules/reminders-due.util';
export * from './lib/reminder-rules/next-digest-at.util';
export * from './lib/reminder-rules/ofii-follow-up.util';
