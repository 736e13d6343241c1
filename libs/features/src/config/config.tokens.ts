/** Injection token for the typed, validated AppConfig built once at boot. */
export const APP_CONFIG = Symbol('APP_CONFIG');
/** Injection token for the API's shared fail-fast Redis client. */
export const REDIS = Symbol('REDIS');
/** Injection token for the SMTP sender (the worker's; tests replace it). */
export const MAIL_SENDER = Symbol('MAIL_SENDER');
