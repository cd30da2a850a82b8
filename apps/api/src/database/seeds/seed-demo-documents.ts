import { Readable } from 'node:stream';
import { DOCUMENT_TYPE_LABELS, formatFrenchDate } from '@moisson/domain';
import type { DataSource } from 'typeorm';
import type { DocumentStorage } from '../../core/storage/document-storage';
import { DocumentEntity } from '../../modules/documents/entities/document.entity';
import {
  onePageObjects,
  pdfText,
  writePdf,
} from '../../modules/documents/pdf-writer';

/**
 * A one-page PDF (Helvetica, WinAnsi so that French accents print) with a title and lines of text,
 * and a correct cross-reference table: the portal's own upload check accepts it and any reader
 * opens it. Demo data only: these are not real documents and say so on the page.
 */
export function demoPdf(title: string, lines: readonly string[]): Buffer {
  const content = [
    'BT /F1 20 Tf 72 770 Td',
    `(${pdfText(title)}) Tj`,
    '/F1 12 Tf 0 -36 Td 16 TL',
    ...lines.map((line) => `(${pdfText(line)}) '`),
    'ET',
  ].join('\n');
  const objects = [
    ...onePageObjects(content, ' /Encoding /WinAnsiEncoding'),
    `<< /Title (${pdfText(title)}) /Producer (Moisson demo) >>`,
  ];
  return writePdf(objects, { trailer: ` /Info ${objects.length} 0 R` });
}

interface PermitRow {
  dossierId: string;
  employerId: string;
  employerName: string;
  workerId: string;
  surname: string;
  givenNames: string;
  passportNumber: string;
  passportExpiry: string;
  birthDate: string;
  nationality: string;
  permitNumber: string;
  permitGrantedOn: string;
  permitValidUntil: string;
  jobTitle: string;
  ownerId: string | null;
  ownerName: string | null;
}

const DEMO_NOTICE =
  'Document de démonstration, sans valeur : généré par Moisson.';

/**
 * Papers for the demo hires whose work permit is granted: the permit on the dossier, and the
 * passport on the worker (it counts for every season), "uploaded" by the farm's owner, so that the
 * documents card and its checklist show something on a fresh `npm start`. Written after the hires
 * (the files go to DocumentStorage as any upload does, then the rows); returns how many.
 */
export async function seedDemoDocuments(
  dataSource: DataSource,
  storage: DocumentStorage,
): Promise<number> {
  const rows: PermitRow[] = await dataSource.query(
    `SELECT d.id AS "dossierId", d.employer_id AS "employerId", e.legal_name AS "employerName",
            w.id AS "workerId", w.surname, w.given_names AS "givenNames",
            w.passport_number AS "passportNumber", to_char(w.passport_expiry, 'YYYY-MM-DD') AS "passportExpiry",
            to_char(w.birth_date, 'YYYY-MM-DD') AS "birthDate", w.nationality,
            d.permit_number AS "permitNumber", to_char(d.permit_granted_on, 'YYYY-MM-DD') AS "permitGrantedOn",
            to_char(d.permit_valid_until, 'YYYY-MM-DD') AS "permitValidUntil", d.job_title AS "jobTitle",
            u.id AS "ownerId", u.full_name AS "ownerName"
       FROM dossier d
       JOIN worker w ON w.id = d.worker_id
       JOIN employer e ON e.id = d.employer_id
       LEFT JOIN LATERAL (
         SELECT id, full_name FROM app_user
         WHERE employer_id = d.employer_id AND role = 'employer_owner'
         ORDER BY created_at LIMIT 1) u ON true
      WHERE d.permit_number IS NOT NULL AND d.permit_granted_on IS NOT NULL
        AND d.permit_valid_until IS NOT NULL
      ORDER BY e.legal_name, w.surname, w.given_names, d.season`,
  );
  const documents: Array<Partial<DocumentEntity>> = [];
  const passportsDone = new Set<string>();
  for (const r of rows) {
    const who = `${r.surname} ${r.givenNames}`;
    const base = {
      employerId: r.employerId,
      workerId: r.workerId,
      contentType: 'application/pdf' as const,
      duplicateOf: null,
      uploadedBy: r.ownerId,
      uploadedByName: r.ownerName,
    };
    const permit = await storage.put(
      Readable.from(
        demoPdf(`${DOCUMENT_TYPE_LABELS.work_permit.fr} n° ${r.permitNumber}`, [
          `Employeur : ${r.employerName}`,
          `Salarié : ${who}, né(e) le ${formatFrenchDate(r.birthDate)} (${r.nationality})`,
          `Emploi : ${r.jobTitle}`,
          `Délivrée le ${formatFrenchDate(r.permitGrantedOn)}, valable jusqu'au ${formatFrenchDate(r.permitValidUntil)}`,
          '',
          DEMO_NOTICE,
        ]),
      ),
    );
    documents.push({
      ...base,
      dossierId: r.dossierId,
      type: 'work_permit',
      reference: r.permitNumber,
      validFrom: r.permitGrantedOn,
      validUntil: r.permitValidUntil,
      storageKey: permit.key,
      size: permit.size,
      sha256: permit.sha256,
      displayName: `Autorisation de travail - ${who}.pdf`,
    });
    if (passportsDone.has(r.workerId)) continue;
    passportsDone.add(r.workerId);
    const passport = await storage.put(
      Readable.from(
        demoPdf(`${DOCUMENT_TYPE_LABELS.passport.fr} n° ${r.passportNumber}`, [
          `Titulaire : ${who}`,
          `Né(e) le ${formatFrenchDate(r.birthDate)}, nationalité ${r.nationality}`,
          `Expire le ${formatFrenchDate(r.passportExpiry)}`,
          '',
          DEMO_NOTICE,
        ]),
      ),
    );
    documents.push({
      ...base,
      dossierId: null,
      type: 'passport',
      reference: r.passportNumber,
      validFrom: null,
      validUntil: r.passportExpiry,
      storageKey: passport.key,
      size: passport.size,
      sha256: passport.sha256,
      displayName: `Passeport - ${who}.pdf`,
    });
  }
  if (documents.length > 0)
    await dataSource.getRepository(DocumentEntity).insert(documents);
  return documents.length;
}
