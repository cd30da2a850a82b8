import {
  EXPIRING_SOON_DAYS,
  formatFileSize,
  previewKind,
  validityStatus,
} from './document-display';

describe('document display', () => {
  it('calls a validity end expired from the day after it, and expiring soon within 60 days', () => {
    const today = '2026-03-31';
    expect(validityStatus('2026-03-30', today)).toBe('expired');
    expect(validityStatus('2026-03-31', today)).toBe('expiringSoon');
    expect(EXPIRING_SOON_DAYS).toBe(60);
    expect(validityStatus('2026-05-30', today)).toBe('expiringSoon');
    expect(validityStatus('2026-05-31', today)).toBe('valid');
    expect(validityStatus(null, today)).toBeNull();
    expect(validityStatus('31/05/2026', today)).toBeNull();
  });

  it('writes sizes as a French or English reader expects', () => {
    expect(formatFileSize(512, 'fr')).toBe('512 o');
    expect(formatFileSize(1536, 'fr')).toBe('1,5 Ko');
    expect(formatFileSize(245_000, 'fr')).toBe('239 Ko');
    expect(formatFileSize(3_400_000, 'fr')).toBe('3,2 Mo');
    expect(formatFileSize(3_400_000, 'en')).toBe('3.2 MB');
    expect(formatFileSize(512, 'en')).toBe('512 B');
  });

  it('previews a PDF in a frame and anything else as an image', () => {
    expect(previewKind('application/pdf')).toBe('pdf');
    expect(previewKind('image/jpeg')).toBe('image');
    expect(previewKind('image/png')).toBe('image');
  });
});
