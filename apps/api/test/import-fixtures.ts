import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { CampaignResponse } from '@moisson/contract';
import { addDays, parisToday } from '@moisson/domain';
import {
  createEmployer,
  createUser,
  signedInClient,
  type TestClient,
} from './fixtures';

/**
 * What an import spec starts from: an employer, its owner signed in, and its campaign "Vendanges
 * <year>" of the season the hires of hireRow start in (100 days from now).
 */
export async function importEmployer(
  app: NestFastifyApplication,
  name: string,
): Promise<{
  employerId: string;
  owner: TestClient;
  campaign: CampaignResponse;
}> {
  const employerId = (await createEmployer(name)).id;
  const owner = await signedInClient(
    app,
    await createUser({ role: 'employer_owner', employerId }),
  );
  const season = Number(daysFromToday(100).slice(0, 4));
  const campaign = (
    await owner.post(`/api/employers/${employerId}/campaigns`, {
      name: `Vendanges ${season}`,
      season,
    })
  ).json<CampaignResponse>();
  return { employerId, owner, campaign };
}

/** A multipart/form-data body as a browser sends it: a `file` part and text parts. */
export function multipart(
  file: { name: string; content: Buffer; type?: string } | null,
  fields: Record<string, string> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----moisson${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'text/csv'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export function postImport(
  client: TestClient,
  employerId: string,
  step: 'preview' | 'commit',
  file: { name: string; content: Buffer; type?: string } | null,
  fields: Record<string, string> = {},
) {
  const body = multipart(file, fields);
  return client.request(
    'POST',
    `/api/employers/${employerId}/imports/${step}`,
    body.payload,
    body.headers,
  );
}

/** dd/mm/yyyy, as French spreadsheets write dates. */
export function frenchDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function daysFromToday(days: number): string {
  return addDays(parisToday(new Date()), days);
}

const SURNAMES = [
  'El Amrani',
  'Benaïssa',
  'Aït Lahcen',
  'Ouali',
  'Bouzid',
  'Chaouki',
  'Haddad',
  'Belkacem',
  'Trabelsi',
  'Ben Salah',
  'Jaziri',
  'Mansouri',
  'Gharbi',
  'Zouari',
  'El Idrissi',
  'Naciri',
  'Tazi',
  'Alaoui',
  'Berrada',
  'Fassi',
  'Kettani',
  'Lahlou',
  'Bennani',
  'Chraibi',
  'Diallo',
];
const GIVEN_NAMES = [
  'Youssef',
  'Mohamed',
  'Fatima Zahra',
  'Khadija',
  'Hamza',
  'Omar',
  'Salma',
  'Rachid',
  'Leïla',
  'Karim',
  'Amine',
  'Nour',
  'Aïcha',
  'Mehdi',
  'Sofiane',
  'Imane',
  'Walid',
  'Hajar',
  'Anis',
];

/** The header of a French hires export. */
export const FRENCH_HEADER = [
  'Nom',
  'Prénom(s)',
  'Date de naissance',
  'Nationalité',
  'N° passeport',
  'Expiration passeport',
  'Téléphone',
  'Poste',
  'Début prévu',
  'Fin prévue',
  'Campagne',
];

/** One realistic row of FRENCH_HEADER; dates in the three accepted spellings. */
export function hireRow(i: number, campaign: string): string[] {
  const birth = `${1965 + (i % 38)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
  const expiry = daysFromToday(400 + (i % 900));
  const start = daysFromToday(100 + (i % 30));
  const end = daysFromToday(160 + (i % 30));
  const [by, bm, bd] = birth.split('-');
  return [
    SURNAMES[i % SURNAMES.length],
    GIVEN_NAMES[(i * 7) % GIVEN_NAMES.length],
    i % 3 === 0
      ? birth
      : i % 3 === 1
        ? `${bd}/${bm}/${by}`
        : `${Number(bd)}/${Number(bm)}/${by}`,
    i % 2 === 0 ? 'MA' : 'TN',
    `${i % 2 === 0 ? 'MA' : 'TN'}${String(1_000_000 + i).padStart(7, '0')}`,
    frenchDate(expiry),
    `+212 6 ${String(10_000_000 + i).slice(0, 2)} ${String(i).padStart(6, '0').slice(0, 2)} ${String(i).padStart(6, '0').slice(2, 4)} ${String(i).padStart(6, '0').slice(4, 6)}`,
    i % 4 === 0 ? 'Ouvrier arboricole' : 'Ouvrier viticole',
    frenchDate(start),
    frenchDate(end),
    campaign,
  ];
}

/** A CSV cell, quoted when it holds the delimiter, a quote or a line break. */
export function csvLine(cells: string[], delimiter = ','): string {
  return cells
    .map((c) =>
      c.includes(delimiter) || c.includes('"') || /[\r\n]/.test(c)
        ? `"${c.replace(/"/g, '""')}"`
        : c,
    )
    .join(delimiter);
}
