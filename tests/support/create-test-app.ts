import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@trellis/config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { checkEveryAnswer } from './openapi-contract';

/** The real API (same modules, filters and plugins as production) on the run's throw-away database. */
export async function createTestApp(overrides: NodeJS.ProcessEnv = {}): Promise<NestFastifyApplication> {
  const config = loadConfig({ ...process.env, ...overrides });
  return createApiApp(config, undefined, process.env.CONTRACT_CHECK === '1' ? checkEveryAnswer : undefined);
}
