export * from './job-options';
export * from './job-handlers';
export * from './job-types';
export * from './outbox-relay';
export * from './outbox-writer';
export * from './redis-connection';
export * from './queue-email';
