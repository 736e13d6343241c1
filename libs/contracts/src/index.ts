export * from './email';
export * from './health';
export * from './list';
export * from './problem';
export * from './staff';
export * from './audit';
export * from './caseload';
export * from './exercises';
