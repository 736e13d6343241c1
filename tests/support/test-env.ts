// Settings every e2e test file shares; the database URL and queue prefix come from global-setup.
process.env.NODE_ENV = 'test';
process.env.SESSION_SECRET ??= 'test-session-secret-that-is-long-enough-0123456789';
process.env.SMTP_URL ??= 'smtp://127.0.0.1:2525';
process.env.PUBLIC_URL ??= 'http://localhost:3000';
