import { mailJobId } from './mail.service';

describe('mailJobId', () => {
  it('is the same for the same template and key, so BullMQ queues the e-mail once', () => {
    expect(mailJobId('invitation', 'invitation-42')).toBe(
      mailJobId('invitation', 'invitation-42'),
    );
  });

  it('differs by key and by template', () => {
    const id = mailJobId('invitation', 'k1');
    expect(mailJobId('invitation', 'k2')).not.toBe(id);
    expect(mailJobId('password-reset', 'k1')).not.toBe(id);
  });

  it('is a valid BullMQ id whatever the key holds (no ":", not an integer)', () => {
    const id = mailJobId('password-reset', 'user:42:reset:2026-03-15T10:00Z');
    expect(id).toMatch(/^mail-password-reset-[0-9a-f]{40}$/);
  });

  it('refuses an empty key', () => {
    expect(() => mailJobId('invitation', '')).toThrow(RangeError);
  });
});
