import { composeOfiiFollowUp } from '@moisson/domain';
import {
  OfiiFollowUpMailBlock,
  ReminderDigestMailData,
  ReminderMailItem,
} from './reminder-mail.data';
import { MAX_MAILTO_LENGTH } from './ofii-follow-up.block';
import { reminderDigestTemplate } from './reminder-digest.template';

const PORTAL = 'https://moisson.example.fr';
const CRRV = {
  fr: 'Recours devant la CRRV',
  en: 'Appeal to the CRRV (visa refusal appeals board)',
};

function overdue(
  i: number,
  employerName = 'EARL Domaine du Moulin',
): ReminderMailItem {
  return {
    kind: 'convocation_overdue',
    audience: 'employer',
    workerName: `NOM${String(i).padStart(2, '0')} Prénom`,
    employerName,
    dossierUrl: `${PORTAL}/dossiers/d${i}`,
    dueDate: '2025-03-14',
    daysWaited: 30 + i,
  };
}

const crrv: ReminderMailItem = {
  kind: 'crrv_deadline',
  audience: 'employer',
  workerName: 'DIALLO Mamadou',
  employerName: 'EARL Domaine du Moulin',
  dossierUrl: `${PORTAL}/dossiers/d90`,
  dueDate: '2025-04-22',
  deadline: { label: CRRV, date: '2025-05-02', legal: true },
};
const passport: ReminderMailItem = {
  kind: 'document_expiry',
  audience: 'employer',
  workerName: 'KOUASSI Jean-Baptiste',
  employerName: 'EARL Domaine du Moulin',
  dossierUrl: `${PORTAL}/dossiers/d91`,
  dueDate: '2025-05-01',
  deadline: {
    label: { fr: 'Fin de validité du passeport', en: 'Passport expiry' },
    date: '2025-06-30',
    legal: false,
  },
};

function followUp(workers: number): OfiiFollowUpMailBlock {
  const composed = composeOfiiFollowUp({
    employer: {
      legalName: 'EARL Domaine du Moulin',
      siret: '73282932000074',
      contactName: 'Jeanne Dupont',
      contactEmail: 'jeanne@domaine-du-moulin.fr',
    },
    office: { code: 'CASABLANCA', label: 'OFII Casablanca' },
    today: '2025-03-28',
    workers: Array.from({ length: workers }, (_, i) => ({
      surname: `Nom${String(i).padStart(2, '0')}`,
      givenNames: 'Prénom',
      passportNumber: `AB10000${i}`,
      permitNumber: `AT-047-2025-${i}`,
      permitGrantedOn: '2024-12-10',
      transmittedOn: '2025-01-20',
      daysWaited: 67,
    })),
  });
  return {
    officeLabel: 'OFII Casablanca',
    employerName: 'EARL Domaine du Moulin',
    subject: composed.subject,
    body: composed.body,
    relanceUrl: `${PORTAL}/relance/tok_123?x=1&y=2`,
    workers,
  };
}

const data: ReminderDigestMailData = {
  audience: 'employer',
  employerName: 'EARL Domaine du Moulin',
  items: [overdue(1), overdue(2), crrv, passport],
  followUps: [followUp(2)],
  portalUrl: PORTAL,
};

describe('reminder digest e-mail', () => {
  it('in French: subject with counts, the follow-up to copy with its links, then the reminders by kind', () => {
    const mail = reminderDigestTemplate.render('fr', data);
    expect(mail.subject).toBe(
      'Moisson : 4\u00a0rappels - EARL Domaine du Moulin - 1\u00a0relance OFII à envoyer',
    );
    expect(mail.text).toContain(
      'Voici ce qui demande votre attention aujourd’hui pour EARL Domaine du Moulin\u00a0: 4\u00a0rappels concernant 4\u00a0travailleurs.',
    );
    // The follow-up comes first, whole, between markers, with the link that records it.
    const { body } = followUp(2);
    expect(mail.text).toContain(
      `----- début du message -----\n${body}\n----- fin du message -----\nJ’ai envoyé la relance\u00a0:\n${PORTAL}/relance/tok_123?x=1&y=2`,
    );
    expect(mail.text.indexOf('RELANCES À ENVOYER')).toBeLessThan(
      mail.text.indexOf('TOUS LES RAPPELS'),
    );
    expect(mail.text).toContain(
      '- DIALLO Mamadou\u00a0: Recours devant la CRRV\u00a0: dernier jour le 02/05/2025 (calculée - à vérifier par le cabinet). Aucun recours enregistré.',
    );
    expect(mail.text).toContain(
      '- KOUASSI Jean-Baptiste\u00a0: Fin de validité du passeport\u00a0: 30/06/2025.\n',
    );
    expect(mail.text).toContain(
      'Convocation OFII en retard : relance à envoyer - 2\u00a0dossiers\n- NOM02 Prénom\u00a0: Transmis à l’OFII il y a 32\u00a0jours, toujours sans convocation.',
    );
    expect(mail.html).toContain(`href="${PORTAL}/relance/tok_123?x=1&amp;y=2"`);
    expect(mail.html).toContain('>J’ai envoyé la relance</a>');
    expect(mail.html).toContain(`href="${PORTAL}/dossiers/d90"`);
    expect(mail.html).toContain(
      '<strong>02/05/2025</strong> (calculée - à vérifier par le cabinet)',
    );
    expect(mail.html).toContain('1. NOM00 Prénom<br>');
    // The worker details keep their indent under each name.
    expect(mail.html).toContain(
      '<br>\u00a0\u00a0\u00a0Passeport n° AB100000<br>',
    );
  });

  it('offers a mailto: link with no address and the follow-up as subject and body', () => {
    const mail = reminderDigestTemplate.render('fr', data);
    const href = /href="(mailto:[^"]+)"/.exec(mail.html)?.[1];
    expect(href).toBeDefined();
    // As a mail program reads the attribute: entities decoded.
    const url = new URL(
      (href as string).replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
    );
    expect(url.pathname).toBe('');
    expect(url.searchParams.get('subject')).toBe(followUp(2).subject);
    expect(url.searchParams.get('body')).toBe(
      followUp(2).body.replace(/\n/g, '\r\n'),
    );
    expect(mail.html).toContain('>Préparer l’e-mail</a>');
  });

  it.each(['fr', 'en'] as const)(
    'the %s text part names only what it holds: no "Prepare the e-mail" link, no button',
    (locale) => {
      const mail = reminderDigestTemplate.render(locale, data);
      expect(mail.html).toContain(
        locale === 'fr' ? 'Préparer l’e-mail' : 'Prepare the e-mail',
      );
      expect(mail.text).not.toMatch(/Préparer l’e-mail|Prepare the e-mail/);
      expect(mail.text).toContain(
        locale === 'fr'
          ? 'ouvrez le lien « J’ai envoyé la relance »'
          : 'open the "I have sent the follow-up" link',
      );
    },
  );

  it('drops the mailto: link for a follow-up too long for one, and says to copy the text', () => {
    const long = followUp(40);
    const mail = reminderDigestTemplate.render('fr', {
      ...data,
      followUps: [long],
    });
    expect(mail.html).not.toContain('mailto:');
    expect(mail.html).toContain('trop long pour un lien');
    expect(mail.text).toContain(long.body);
    expect(encodeURIComponent(long.body).length).toBeGreaterThan(
      MAX_MAILTO_LENGTH,
    );
  });

  it('in English: the same content in English, the follow-up still in French, dates dd/mm/yyyy', () => {
    const mail = reminderDigestTemplate.render('en', data);
    expect(mail.subject).toBe(
      'Moisson: 4\u00a0reminders - EARL Domaine du Moulin - 1\u00a0OFII follow-up to send',
    );
    expect(mail.text).toContain('in French as OFII expects');
    expect(mail.text).toContain(followUp(2).body);
    expect(mail.text).toContain(
      '- DIALLO Mamadou: Appeal to the CRRV (visa refusal appeals board): last day 02/05/2025 (computed - to be checked by the firm). No appeal recorded.',
    );
    expect(mail.text).toContain('I have sent the follow-up:\nhttps://');
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.html).not.toContain('Tous les rappels');
  });

  it('groups 50 dossiers into one readable e-mail, longest wait first, under the size webmail clips', () => {
    const items = Array.from({ length: 50 }, (_, i) => overdue(i));
    const mail = reminderDigestTemplate.render('fr', {
      ...data,
      items,
      followUps: [followUp(50)],
    });
    expect(mail.subject).toContain('50\u00a0rappels');
    for (const item of items) {
      expect(mail.text).toContain(
        `- ${item.workerName}\u00a0: Transmis à l’OFII il y a ${item.daysWaited}\u00a0jours`,
      );
      expect(mail.html).toContain(`>${item.workerName}</a>`);
    }
    expect(
      mail.text.match(/Convocation OFII en retard : relance à envoyer - /g),
    ).toHaveLength(1);
    expect(mail.text.indexOf('NOM49')).toBeLessThan(
      mail.text.indexOf('- NOM00'),
    );
    expect(Buffer.byteLength(mail.html)).toBeLessThan(100_000);
  });

  it('for the firm: one heading per employer, alphabetical, and the employer count in the subject', () => {
    const mail = reminderDigestTemplate.render('fr', {
      audience: 'firm',
      items: [
        { ...overdue(1, 'SCEA Les Vergers du Sud'), audience: 'firm' },
        { ...crrv, audience: 'firm' },
      ],
      followUps: [],
      portalUrl: PORTAL,
    });
    expect(mail.subject).toBe(
      'Moisson : 2\u00a0rappels - cabinet, 2\u00a0employeurs',
    );
    expect(mail.text).not.toContain('RELANCES');
    const first = mail.text.indexOf('== EARL Domaine du Moulin ==');
    const second = mail.text.indexOf('== SCEA Les Vergers du Sud ==');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(mail.html).toContain('>SCEA Les Vergers du Sud</h3>');
  });

  it.each(['fr', 'en'] as const)(
    'in %s: escapes names and follow-up text in the HTML, keeps the subject on one line',
    (locale) => {
      const hostile = '<script>alert("x")</script>';
      const mail = reminderDigestTemplate.render(locale, {
        ...data,
        employerName: 'Evil & Co\r\nBcc: victim@example.org',
        items: [{ ...crrv, workerName: hostile, employerName: 'Evil & Co' }],
        followUps: [
          {
            ...followUp(1),
            body: `${hostile}\n<img src=x onerror=alert(1)>`,
            officeLabel: '<b>OFII</b>',
          },
        ],
      });
      expect(mail.html).not.toContain('<script>');
      expect(mail.html).not.toContain('<img');
      expect(mail.html).not.toContain('<b>OFII');
      expect(mail.html).toContain(
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;',
      );
      expect(mail.html).toContain('Evil &amp; Co');
      expect(mail.subject).not.toMatch(/[\r\n]/);
    },
  );

  it('refuses a dossier or relance link that is not http(s)', () => {
    expect(() =>
      reminderDigestTemplate.render('fr', {
        ...data,
        items: [{ ...crrv, dossierUrl: 'javascript:alert(1)' }],
      }),
    ).toThrow(/http\(s\) link/);
    expect(() =>
      reminderDigestTemplate.render('fr', {
        ...data,
        followUps: [{ ...followUp(1), relanceUrl: 'relance/abc' }],
      }),
    ).toThrow(/http\(s\) link/);
  });
});
