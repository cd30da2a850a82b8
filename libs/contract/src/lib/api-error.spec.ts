import { API_ERROR_CODES } from './api-error';

describe('API_ERROR_CODES', () => {
  it('uses each code as its own value, so clients can rely on the names', () => {
    for (const [key, value] of Object.entries(API_ERROR_CODES)) {
      expect(value).toBe(key);
      expect(value).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
    }
  });
});
