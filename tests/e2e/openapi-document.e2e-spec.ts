import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { buildOpenApiDocument, serializeOpenApiDocument } from '@trellis/features';
import { createTestApp } from '../support/create-test-app';

const COMMITTED = join(__dirname, '..', '..', 'apps', 'api', 'openapi.json');

/** The first line where two texts differ, with a little context, so the failure says where to look. */
function firstDifference(committed: string, generated: string): string {
  const a = committed.split('\n');
  const b = generated.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? Math.min(a.length, b.length) : line;
  const around = (lines: string[]) =>
    lines
      .slice(Math.max(0, at - 3), at + 4)
      .map((text, i) => `    ${Math.max(0, at - 3) + i + 1}: ${text}`)
      .join('\n');
  return `first difference at line ${at + 1}\n  committed:\n${around(a)}\n  generated:\n${around(b)}`;
}

describe('the committed OpenAPI document (apps/api/openapi.json)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('is exactly what the code generates: integrators build on the committed file', () => {
    const committed = readFileSync(COMMITTED, 'utf8');
    const generated = serializeOpenApiDocument(buildOpenApiDocument(app));
    if (generated !== committed) {
      throw new Error(
        `apps/api/openapi.json is out of date with the routes: run \`npm run openapi\` and commit the result.\n` +
          firstDifference(committed, generated),
      );
    }
  });

  it('names a type for every property, so the document is the same whichever compiler built the app', () => {
    // A DTO property Swagger cannot type from the code (`page = 1`, a union) becomes a reference to
    // an empty `Object` schema under tsc (`npm run openapi`) and a schema with no type at all under
    // SWC (these tests): give its @ApiProperty an explicit `type`.
    const document = buildOpenApiDocument(app);
    const untyped: string[] = [];
    const check = (where: string, schema: Record<string, unknown> | undefined) => {
      if (!schema || ['type', '$ref', 'allOf', 'oneOf', 'anyOf', 'enum'].some((key) => key in schema)) return;
      untyped.push(where);
    };
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const parameter of (operation as { parameters?: { name: string; schema?: object }[] }).parameters ?? []) {
          check(`${method.toUpperCase()} ${path} ?${parameter.name}`, parameter.schema as Record<string, unknown>);
        }
      }
    }
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
      for (const [property, value] of Object.entries((schema as { properties?: object }).properties ?? {})) {
        check(`${name}.${property}`, value as Record<string, unknown>);
      }
    }
    expect(untyped).toEqual([]);
    expect(Object.keys(document.components?.schemas ?? {})).not.toContain('Object');
  });

  it("takes each answer's schema from the current controllers and libs/contracts", () => {
    // The response schemas come from the controllers' return types through the TypeScript
    // compiler, which the in-process document cannot run: the generator checks its own output.
    const check = spawnSync(process.execPath, ['scripts/openapi/response-schemas.mjs', '--check'], {
      cwd: join(__dirname, '..', '..'),
      encoding: 'utf8',
    });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  }, 120_000);

  it('has current generated client types (libs/contracts/src/openapi.generated.ts), which the front ends compile against', () => {
    const check = spawnSync(process.execPath, ['scripts/openapi/client-types.mjs', '--check'], {
      cwd: join(__dirname, '..', '..'),
      encoding: 'utf8',
    });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  }, 60_000);

  it('describes the body of every success answer that has one', () => {
    const document = buildOpenApiDocument(app);
    const bare: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const responses = (operation as { responses: Record<string, { content?: object }> }).responses;
        for (const [status, response] of Object.entries(responses)) {
          // 202 and 204 answer no body here; everything else must say what it sends.
          if (status.startsWith('2') && !['202', '204'].includes(status) && !response.content) {
            bare.push(`${method.toUpperCase()} ${path} ${status}`);
          }
        }
      }
    }
    expect(bare).toEqual([]);
  });

  it('is the document the running API serves at /api/docs-json', async () => {
    const res = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(res.body).toEqual(JSON.parse(readFileSync(COMMITTED, 'utf8')));
  });
});
