/** Injection token for the typed, validated AppConfig built once at boot. */
export const APP_CONFIG = Symbol('APP_CONFIG');
/** Injection token for the SMTP sender (replaceable in tests). */
export const MAIL_SENDER = Symbol('MAIL_SENDER');
