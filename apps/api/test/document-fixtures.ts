import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentUploadResponse } from '@moisson/contract';
import { db, TestClient } from './fixtures';
import { multipart } from './import-fixtures';

export interface UploadFile {
  name: string;
  content: Buffer;
  /** The part's declared Content-Type ('application/pdf' when not given). */
  type?: string;
}

/** A multipart/form-data body as a browser's FormData sends it: text parts, then the file. */
export function documentForm(
  fields: Record<string, string>,
  file: UploadFile | null,
): { payload: Buffer; headers: Record<string, string> } {
  return multipart(
    file && { ...file, type: file.type ?? 'application/pdf' },
    fields,
  );
}

/** POSTs an upload to `path` (…/dossiers/:id/documents or …/workers/:id/documents). */
export function postDocument(
  client: TestClient,
  path: string,
  fields: Record<string, string>,
  file: UploadFile | null,
) {
  const form = documentForm(fields, file);
  return client.request('POST', path, form.payload, form.headers);
}

export async function uploadDocument(
  client: TestClient,
  path: string,
  fields: Record<string, string>,
  file: UploadFile,
): Promise<DocumentUploadResponse> {
  const res = await postDocument(client, path, fields, file);
  if (res.statusCode !== 201)
    throw new Error(`uploadDocument: ${res.statusCode} ${res.body}`);
  return res.json<DocumentUploadResponse>();
}

/** Every file under the storage folder, temporary ones included (relative paths). */
export async function storedFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Document rows and document audit lines of one employer: a refused upload changes neither. */
export async function documentTrace(
  employerId: string,
): Promise<{ rows: number; uploads: number }> {
  const source = await db();
  const [rows] = await source.query(
    `SELECT count(*)::int AS n FROM document WHERE employer_id = $1`,
    [employerId],
  );
  const [uploads] = await source.query(
    `SELECT count(*)::int AS n FROM audit_event WHERE employer_id = $1 AND action = 'document.uploaded'`,
    [employerId],
  );
  return { rows: rows.n, uploads: uploads.n };
}

/** The document.read lines of the audit log for one document. */
export async function documentReads(
  documentId: string,
): Promise<Array<{ actor_user_id: string; details: { via: string } }>> {
  return (await db()).query(
    `SELECT actor_user_id, details FROM audit_event WHERE action = 'document.read' AND target_id = $1 ORDER BY id`,
    [documentId],
  );
}
