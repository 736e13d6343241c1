export * from './escape-html';
export * from './layout';
export * from './mail-transport';
export * from './rendered-email';
