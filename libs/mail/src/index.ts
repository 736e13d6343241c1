export * from './escape-html';
export * from './layout';
export * from './mail-transport';
export * from './rendered-email';
export * from './templates/password-reset.template';
export * from './templates/smtp-check.template';
export * from './templates/staff-invitation.template';
export * from './templates/homework-assigned.template';
