import { ReminderMailItem } from './reminder-mail.data';
import { reminderUrgentTemplate } from './reminder-urgent.template';

const PORTAL = 'https://moisson.example.fr';
const d3: ReminderMailItem = {
  kind: 'crrv_deadline',
  audience: 'firm',
  workerName: 'DIALLO Mamadou',
  employerName: 'EARL Domaine du Moulin',
  dossierUrl: `${PORTAL}/firm/employers/e1/dossiers/d9`,
  dueDate: '2025-04-29',
  deadline: {
    label: {
      fr: 'Recours devant la CRRV',
      en: 'Appeal to the CRRV (visa refusal appeals board)',
    },
    date: '2025-05-02',
    legal: true,
  },
};

describe('urgent reminder e-mail', () => {
  it('in French: the kind, the last day and the worker in the subject; the notice; a button to the dossier', () => {
    const mail = reminderUrgentTemplate.render('fr', {
      item: d3,
      portalUrl: PORTAL,
    });
    expect(mail.subject).toBe(
      'Urgent : Délai de recours devant la CRRV - 02/05/2025 - DIALLO Mamadou (EARL Domaine du Moulin) - Moisson',
    );
    expect(mail.text).toContain(
      'Recours devant la CRRV\u00a0: dernier jour le 02/05/2025 (calculée - à vérifier par le cabinet). Aucun recours enregistré.',
    );
    expect(mail.text).toContain(
      `Ouvrir le dossier\u00a0:\n${PORTAL}/firm/employers/e1/dossiers/d9`,
    );
    expect(mail.text).toContain('faites-la vérifier par le cabinet');
    expect(mail.html).toContain('>Ouvrir le dossier</a>');
  });

  it('in English', () => {
    const mail = reminderUrgentTemplate.render('en', {
      item: d3,
      portalUrl: PORTAL,
    });
    expect(mail.subject).toBe(
      'Urgent: CRRV appeal deadline - 02/05/2025 - DIALLO Mamadou (EARL Domaine du Moulin) - Moisson',
    );
    expect(mail.text).toContain(
      'last day 02/05/2025 (computed - to be checked by the firm)',
    );
    expect(mail.text).toContain('have the firm check it');
  });

  it('a fresh court rejection (no deadline counted): the day it was recorded, no legal notice', () => {
    const mail = reminderUrgentTemplate.render('fr', {
      item: {
        ...d3,
        kind: 'refusal_recorded',
        dueDate: '2025-06-12',
        deadline: undefined,
      },
      portalUrl: PORTAL,
    });
    expect(mail.subject).toBe(
      'Urgent : Refus enregistré - DIALLO Mamadou (EARL Domaine du Moulin) - Moisson',
    );
    expect(mail.text).toContain('Refus enregistré le 12/06/2025.');
    expect(mail.text).not.toContain('vérifier par le cabinet');
  });

  it('an implicit card refusal: its own date, not a "last day"', () => {
    const mail = reminderUrgentTemplate.render('en', {
      item: {
        ...d3,
        kind: 'implicit_decision',
        dueDate: '2026-02-28',
        deadline: {
          label: {
            fr: 'Refus implicite de la carte de séjour (silence de la préfecture)',
            en: 'Implicit refusal of the residence card (prefecture silence)',
          },
          date: '2026-02-28',
          legal: true,
        },
      },
      portalUrl: PORTAL,
    });
    expect(mail.text).toContain(
      'an implicit rejection arose on 28/02/2026. Implicit refusal of the residence card (prefecture silence): 28/02/2026 (computed',
    );
  });

  it.each(['fr', 'en'] as const)('in %s: escapes the names', (locale) => {
    const mail = reminderUrgentTemplate.render(locale, {
      item: {
        ...d3,
        workerName: '<i>X</i>',
        employerName: 'A & B\nBcc: x@y.z',
      },
      portalUrl: PORTAL,
    });
    expect(mail.html).not.toContain('<i>X');
    expect(mail.html).toContain('&lt;i&gt;X&lt;/i&gt;');
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });
});
