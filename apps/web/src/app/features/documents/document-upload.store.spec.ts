import { HttpEventType } from '@angular/common/http';
import {
  HttpTestingController,
  TestRequest,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { documentItem, uploadAnswer } from '../../../testing/document-fixtures';
import { provideTestApp } from '../../../testing/provide-test-app';
import {
  DocumentUploadStore,
  PARALLEL_UPLOADS,
  UploadEntry,
  UploadRequest,
  uploadPercent,
} from './document-upload.store';

const DOSSIER_DOCUMENTS = '/api/employers/e-1/dossiers/d-1/documents';
const WORKER_DOCUMENTS = '/api/employers/e-1/workers/w-1/documents';

const toDossier: UploadRequest = {
  employerId: 'e-1',
  target: { kind: 'dossier', dossierId: 'd-1' },
  fields: {
    type: 'work_permit',
    reference: 'AT-47-0013',
    validUntil: '2027-09-01',
  },
};

function pdf(name: string, size = 1000): File {
  return new File([new Uint8Array(size)], name, { type: 'application/pdf' });
}

describe('upload progress', () => {
  it('is the share of the bytes sent, as a whole percentage between 0 and 100', () => {
    expect(
      uploadPercent(
        { type: HttpEventType.UploadProgress, loaded: 333, total: 1000 },
        1000,
      ),
    ).toBe(33);
    expect(
      uploadPercent(
        { type: HttpEventType.UploadProgress, loaded: 1200, total: 1000 },
        1000,
      ),
    ).toBe(100);
  });

  it("falls back on the file's size when the browser gives no total", () => {
    expect(
      uploadPercent({ type: HttpEventType.UploadProgress, loaded: 500 }, 2000),
    ).toBe(25);
  });

  it('says nothing for events that are not about the bytes sent', () => {
    expect(uploadPercent({ type: HttpEventType.Sent }, 1000)).toBeNull();
    expect(
      uploadPercent(
        { type: HttpEventType.DownloadProgress, loaded: 10, total: 10 },
        1000,
      ),
    ).toBeNull();
  });
});

describe('DocumentUploadStore', () => {
  let store: DocumentUploadStore;
  let http: HttpTestingController;
  let stored: UploadEntry[];

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [...provideTestApp(), DocumentUploadStore],
    });
    store = TestBed.inject(DocumentUploadStore);
    http = TestBed.inject(HttpTestingController);
    stored = [];
    store.onUploaded((entry) => stored.push(entry));
  });

  afterEach(() => http.verify());

  const entry = (name: string): UploadEntry | undefined =>
    store.entries().find((e) => e.file.name === name);
  const uploads = (url = DOSSIER_DOCUMENTS): TestRequest[] =>
    http.match((request) => request.method === 'POST' && request.url === url);

  it('sends the fields first and the file last, reporting progress, then "checking", then done', () => {
    store.add([pdf('permis.pdf', 2000)]);
    expect(entry('permis.pdf')?.status).toBe('ready');
    store.send(toDossier);

    const [request] = uploads();
    expect(request.request.reportProgress).toBe(true);
    const body = request.request.body as FormData;
    expect([...body.keys()]).toEqual([
      'type',
      'reference',
      'validUntil',
      'file',
    ]);
    expect(body.get('type')).toBe('work_permit');
    expect(body.get('reference')).toBe('AT-47-0013');
    expect((body.get('file') as File).name).toBe('permis.pdf');
    expect(entry('permis.pdf')?.status).toBe('uploading');

    request.event({
      type: HttpEventType.UploadProgress,
      loaded: 500,
      total: 2000,
    });
    expect(entry('permis.pdf')).toMatchObject({
      status: 'uploading',
      progress: 25,
    });
    expect(store.busy()).toBe(true);

    request.event({
      type: HttpEventType.UploadProgress,
      loaded: 2000,
      total: 2000,
    });
    expect(entry('permis.pdf')).toMatchObject({
      status: 'checking',
      progress: 100,
    });

    const answer = uploadAnswer(documentItem('doc-1'));
    request.flush(answer, { status: 201, statusText: 'Created' });
    expect(entry('permis.pdf')).toMatchObject({
      status: 'done',
      result: answer,
    });
    expect(stored.map((e) => e.file.name)).toEqual(['permis.pdf']);
    expect(store.busy()).toBe(false);
  });

  it(`keeps at most ${PARALLEL_UPLOADS} files on the wire; the next one starts when one ends`, () => {
    store.add([pdf('a.pdf'), pdf('b.pdf'), pdf('c.pdf')]);
    store.send(toDossier);

    const first = uploads();
    expect(first).toHaveLength(2);
    expect(entry('c.pdf')?.status).toBe('queued');

    first[0].flush(uploadAnswer(documentItem('doc-a')));
    const next = uploads();
    expect(next).toHaveLength(1);
    expect((next[0].request.body as FormData).get('file')).toMatchObject({
      name: 'c.pdf',
    });

    first[1].flush(uploadAnswer(documentItem('doc-b')));
    next[0].flush(uploadAnswer(documentItem('doc-c')));
    expect(store.entries().map((e) => e.status)).toEqual([
      'done',
      'done',
      'done',
    ]);
  });

  it("shows the API's reason next to the refused file only, and sends it again with the corrected fields", () => {
    store.add([pdf('virus.pdf'), pdf('permis.pdf')]);
    store.send(toDossier);
    const [hostile, good] = uploads();

    hostile.flush(
      {
        statusCode: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'Ce fichier est refusé.',
        details: [
          {
            field: 'file',
            rule: 'DOCUMENT_EXECUTABLE',
            message:
              'Ce fichier est un programme, pas un PDF, un JPEG ou un PNG.',
          },
        ],
        requestId: 'req-1',
      },
      { status: 415, statusText: 'Unsupported Media Type' },
    );
    good.flush(uploadAnswer(documentItem('doc-2')));

    expect(entry('virus.pdf')).toMatchObject({
      status: 'refused',
      progress: 0,
      message: {
        key: 'errors.api',
        params: {
          message:
            'Ce fichier est un programme, pas un PDF, un JPEG ou un PNG.',
        },
      },
    });
    expect(entry('permis.pdf')).toMatchObject({
      status: 'done',
      message: null,
    });
    expect(store.sendable()).toBe(1);

    // Sent again (as a passport for the worker, say): only the refused file goes, its message cleared.
    store.send({
      employerId: 'e-1',
      target: { kind: 'worker', workerId: 'w-1' },
      fields: { type: 'passport' },
    });
    expect(uploads()).toHaveLength(0);
    const [again] = uploads(WORKER_DOCUMENTS);
    expect((again.request.body as FormData).get('type')).toBe('passport');
    expect(entry('virus.pdf')).toMatchObject({
      status: 'uploading',
      message: null,
    });
    again.flush(uploadAnswer(documentItem('doc-3', { type: 'passport' })));
    expect(stored.map((e) => e.file.name)).toEqual(['permis.pdf', 'virus.pdf']);
  });

  it('marks a file "failed" with a readable message when the API cannot be reached, and keeps it to send again', () => {
    store.add([pdf('permis.pdf')]);
    store.send(toDossier);
    uploads()[0].error(new ProgressEvent('error'), { status: 0 });

    expect(entry('permis.pdf')).toMatchObject({
      status: 'failed',
      message: { key: 'errors.unreachable' },
    });
    expect(store.sendable()).toBe(1);
  });

  it('cancels a file on its way when it is removed, and starts the one waiting', () => {
    store.add([pdf('a.pdf'), pdf('b.pdf'), pdf('c.pdf')]);
    store.send(toDossier);
    const [a, b] = uploads();

    store.remove(entry('a.pdf')!.id);
    expect(a.cancelled).toBe(true);
    expect(store.entries().map((e) => e.file.name)).toEqual(['b.pdf', 'c.pdf']);
    const [c] = uploads();
    expect((c.request.body as FormData).get('file')).toMatchObject({
      name: 'c.pdf',
    });

    b.flush(uploadAnswer(documentItem('doc-b')));
    c.flush(uploadAnswer(documentItem('doc-c')));
    store.clearDone();
    expect(store.entries()).toEqual([]);
  });
});
