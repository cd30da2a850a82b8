import type { AgendaItem } from '@moisson/contract';
import { COMPUTED_DEADLINE_NOTICE, dossierClockLabel } from '@moisson/domain';
import { buildIcsCalendar } from './ics-calendar';

const dossier = {
  id: '6f1c2d3e-4b5a-4c6d-8e7f-901234567890',
  state: 'VISA_REFUSED' as const,
  workerName: 'EL AMRANI Youssef',
  ofiiOffice: 'casablanca',
};
const deadline: AgendaItem = {
  id: `${dossier.id}:crrv_appeal:2027-05-03`,
  kind: 'crrv_appeal',
  label: dossierClockLabel('crrv_appeal'),
  date: '2027-05-03',
  legal: true,
  rolled: true,
  daysLeft: 10,
  notice: COMPUTED_DEADLINE_NOTICE,
  place: null,
  employer: { id: 'e', legalName: 'Vignobles; du "Marmandais", SCEA' },
  dossier,
};
const appointment: AgendaItem = {
  ...deadline,
  id: `${dossier.id}:ofii_appointment:2027-04-28`,
  kind: 'ofii_appointment',
  label: dossierClockLabel('ofii_appointment'),
  date: '2027-04-28',
  legal: false,
  rolled: false,
  notice: null,
  place: 'OFII Casablanca, 12 rue Abou Faris',
};
const options = {
  locale: 'fr' as const,
  portalUrl: 'https://moisson.example.fr',
  now: new Date('2027-04-23T08:00:00Z'),
  truncated: false,
};

/** The unfolded lines of an iCalendar text (RFC 5545 3.1: a line break + space continues a line). */
const lines = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');

describe('buildIcsCalendar', () => {
  it('writes one all-day event per item, with CRLF line ends and lines of at most 75 octets', () => {
    const ics = buildIcsCalendar([deadline, appointment], options);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    for (const line of ics.split('\r\n'))
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const all = lines(ics);
    expect(all.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(all).toContain('DTSTART;VALUE=DATE:20270503');
    expect(all).toContain('DTSTART;VALUE=DATE:20270428');
  });

  it('gives stable UIDs from the dossier and the kind, not the date', () => {
    const ics = lines(buildIcsCalendar([deadline], options));
    expect(ics).toContain(`UID:${dossier.id}.crrv_appeal@moisson.example.fr`);
    const moved = lines(
      buildIcsCalendar([{ ...deadline, date: '2027-05-04' }], {
        ...options,
        now: new Date(),
      }),
    );
    expect(moved).toContain(`UID:${dossier.id}.crrv_appeal@moisson.example.fr`);
  });

  it('labels every legal deadline "calculée - à vérifier par le cabinet", escaping text', () => {
    const all = lines(buildIcsCalendar([deadline, appointment], options));
    const summaries = all.filter((l) => l.startsWith('SUMMARY:'));
    expect(summaries[0]).toBe(
      'SUMMARY:Délai de recours devant la CRRV : EL AMRANI Youssef (Vignobles\\; du "Marmandais"\\, SCEA) [calculée - à vérifier par le cabinet]'.replace(
        'Délai de recours devant la CRRV',
        deadline.label.fr,
      ),
    );
    expect(summaries[1]).not.toContain('calculée');
    expect(all).toContain('LOCATION:OFII Casablanca\\, 12 rue Abou Faris');
    const description = all.find((l) => l.startsWith('DESCRIPTION:')) ?? '';
    expect(description).toContain('calculée - à vérifier par le cabinet.');
    expect(description).toContain('Reportée au jour ouvré suivant');
  });

  it('writes English when the user reads English', () => {
    const all = lines(
      buildIcsCalendar([deadline], { ...options, locale: 'en' }),
    );
    expect(all.find((l) => l.startsWith('SUMMARY:'))).toContain(
      '[computed - to be checked by the firm]',
    );
  });
});
