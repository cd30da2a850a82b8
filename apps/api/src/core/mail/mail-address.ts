/**
 * One plain mailbox address (no display name, no list): local part of the characters RFC 5322
 * allows unquoted, then an ASCII domain name with at least one dot. Anything that could add a
 * second recipient or a header (",", ";", "<", spaces, line breaks) is refused.
 */
const MAIL_ADDRESS =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

export function isMailAddress(value: string): boolean {
  if (value.length > 254) return false;
  const local = value.slice(0, value.lastIndexOf('@'));
  if (local.length > 64 || /^\.|\.$|\.\./.test(local)) return false;
  return MAIL_ADDRESS.test(value);
}
