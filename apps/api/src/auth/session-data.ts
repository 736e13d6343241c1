// What a staff session holds on the server (in Redis); the browser only ever sees a signed id.
declare module 'fastify' {
  interface Session {
    userId?: string;
    clinicId?: string;
    /** ms since epoch: the absolute lifetime counts from here. */
    signedInAt?: number;
    /** ms since epoch: the idle timeout counts from here. */
    lastSeenAt?: number;
    /** Synchronizer token sent back as `x-csrf-token` on every state-changing request. */
    csrfToken?: string;
  }
}

export const SESSION_COOKIE = 'trellis.sid';
