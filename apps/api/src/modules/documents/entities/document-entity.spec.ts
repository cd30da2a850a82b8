import { DOCUMENT_CONTENT_TYPES, DOCUMENT_TYPES } from '@moisson/contract';
import {
  DOCUMENT_CONTENT_TYPE_CHECK,
  DOCUMENT_TYPE_CHECK,
} from './document.entity';

const list = (values: readonly string[]) =>
  values.map((v) => `'${v}'`).join(', ');

describe('document table checks', () => {
  it('lists exactly the document types of the contract', () => {
    expect(DOCUMENT_TYPE_CHECK).toBe(`type IN (${list(DOCUMENT_TYPES)})`);
  });

  it('lists exactly the accepted content types', () => {
    expect(DOCUMENT_CONTENT_TYPE_CHECK).toBe(
      `content_type IN (${list(DOCUMENT_CONTENT_TYPES)})`,
    );
  });
});
