export * from './app-config';
export * from './startup-error';
export * from './startup-failure';
