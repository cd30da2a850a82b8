/** The longest full name the forms accept. */
export const FULL_NAME_MAX_LENGTH = 200;
/** The longest e-mail address (RFC 5321). */
export const EMAIL_MAX_LENGTH = 254;
