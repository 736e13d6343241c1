// Real services under parallel load: a generous per-test timeout (jest's testTimeout is global-only).
jest.setTimeout(30_000);

import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { failOnViolationsSeen } from './openapi-contract';

/**
 * Each test file works on its own copy of the run's migrated template database and its own queue
 * prefix. Files run in parallel and each may start a worker: with shared tables or queues one
 * file's worker would relay and send another file's emails.
 */
beforeAll(async () => {
  const template = new URL(process.env.TRELLIS_TEMPLATE_DATABASE_URL as string);
  const templateName = template.pathname.slice(1);
  const id = randomBytes(4).toString('hex');
  const own = new URL(template.toString());
  own.pathname = `/${templateName.replace(/_tpl$/, '')}_${id}`;
  const admin = new URL(template.toString());
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    // Two files copying the template at the same instant can collide; a short retry settles it.
    for (let attempt = 0; ; attempt += 1) {
      try {
        await client.query(`CREATE DATABASE "${own.pathname.slice(1)}" TEMPLATE "${templateName}"`);
        break;
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test(String((error as Error).message))) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await client.end();
  }
  process.env.DATABASE_URL = own.toString();
  process.env.QUEUE_PREFIX = `${process.env.TRELLIS_QUEUE_PREFIX_BASE}-${id}`;
}, 30_000);

// Every API answer this file's apps gave must match the committed OpenAPI document
// (tests/support/openapi-contract.ts).
afterAll(failOnViolationsSeen);
