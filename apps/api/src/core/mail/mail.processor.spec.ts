import { isPermanentSmtpRefusal } from './mail.processor';

describe('isPermanentSmtpRefusal', () => {
  it('gives up on 5xx replies: unknown mailbox, message refused, authentication refused', () => {
    expect(isPermanentSmtpRefusal({ responseCode: 550 })).toBe(true);
    expect(isPermanentSmtpRefusal({ responseCode: 554 })).toBe(true);
    expect(isPermanentSmtpRefusal({ responseCode: 535 })).toBe(true);
  });

  it('retries 4xx replies and network failures', () => {
    expect(isPermanentSmtpRefusal({ responseCode: 421 })).toBe(false);
    expect(isPermanentSmtpRefusal({ responseCode: 451 })).toBe(false);
    expect(
      isPermanentSmtpRefusal(
        Object.assign(new Error('connect ECONNREFUSED'), {
          code: 'ECONNECTION',
        }),
      ),
    ).toBe(false);
    expect(isPermanentSmtpRefusal(null)).toBe(false);
  });
});
