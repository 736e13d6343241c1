import './register-paths';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exitOnStartupFailure, loadConfig } from '@trellis/config';
import { buildOpenApiDocument, serializeOpenApiDocument } from '@trellis/features';
import { createApiApp } from './create-api-app';

// `npm run openapi`: writes the committed OpenAPI document from the running app, the same way the
// drift test (tests/e2e/openapi-document.e2e-spec.ts) builds it. The app connects to PostgreSQL
// and Redis as it starts, but reads nothing: any database the server has will do.
const OUTPUT = join(process.cwd(), 'apps', 'api', 'openapi.json');

async function main(): Promise<void> {
  const config = loadConfig({
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
    REDIS_URL: 'redis://127.0.0.1:6379',
    SMTP_URL: 'smtp://127.0.0.1:1025',
    SESSION_SECRET: 'openapi-document-generation-only-0000',
    ...process.env,
  });
  const app = await createApiApp(config, ['error']);
  try {
    writeFileSync(OUTPUT, serializeOpenApiDocument(buildOpenApiDocument(app)));
    console.log(`Wrote ${OUTPUT}`);
  } finally {
    await app.close();
  }
}

main().catch(exitOnStartupFailure('Trellis OpenAPI'));
