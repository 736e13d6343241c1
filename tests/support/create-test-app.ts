import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@trellis/config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { checkEveryAnswer } from './openapi-contract';

export interface TestAppOptions {
  /**
   * Check every API answer against the committed OpenAPI document (the file fails after its tests
   * when one does not match). On for the e2e specs; the browser specs opt in with
   * `CONTRACT_CHECK=1`; `CONTRACT_CHECK=0` turns it off everywhere while chasing another bug.
   */
  contractCheck?: boolean;
}

/** The real API (same modules, filters and plugins as production) on the run's throw-away database. */
export async function createTestApp(
  overrides: NodeJS.ProcessEnv = {},
  { contractCheck = true }: TestAppOptions = {},
): Promise<NestFastifyApplication> {
  const config = loadConfig({ ...process.env, ...overrides });
  const check = process.env.CONTRACT_CHECK === '0' ? false : contractCheck || process.env.CONTRACT_CHECK === '1';
  return createApiApp(config, undefined, check ? checkEveryAnswer : undefined);
}
