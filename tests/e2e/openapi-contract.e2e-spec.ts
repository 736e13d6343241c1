import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp } from '../support/create-test-app';
import {
  checkEveryAnswer,
  contractViolations,
  expectToMatchContract,
  failOnViolationsSeen,
  violationsSeen,
} from '../support/openapi-contract';
import { createPractice } from '../support/practice';

describe('answers match the committed OpenAPI document', () => {
  let app: NestFastifyApplication;
  let practice: Awaited<ReturnType<typeof createPractice>>;

  beforeAll(async () => {
    app = await createTestApp();
    practice = await createPractice(app, app.get(DataSource));
  });
  afterAll(() => app.close());

  it('the main reads, as a signed-in therapist sees them', async () => {
    const { agent } = practice.asDana;
    expectToMatchContract(await agent.get('/api/v1/auth/session').expect(200));
    expectToMatchContract(await agent.get('/api/v1/home').expect(200));
    expectToMatchContract(await agent.get('/api/v1/couples').expect(200));
    const exercises = await agent.get('/api/v1/exercises?perPage=3').expect(200);
    expectToMatchContract(exercises);
    expectToMatchContract(await agent.get(`/api/v1/exercises/${exercises.body.data[0].id}`).expect(200));
    expectToMatchContract(await agent.get('/api/v1/clinic').expect(200));
    expectToMatchContract(await request(app.getHttpServer()).get('/api/v1/health').expect(200));
  });

  it('the refusals, as problem+json with the documented status', async () => {
    const { agent, csrfToken } = practice.asDana;
    expectToMatchContract(await request(app.getHttpServer()).get('/api/v1/couples').expect(401));
    expectToMatchContract(await agent.get('/api/v1/couples?perPage=0').expect(400));
    expectToMatchContract(await agent.get('/api/v1/couples/00000000-0000-4000-8000-000000000000').expect(404));
    expectToMatchContract(await agent.get('/api/v1/staff').expect(403));
    expectToMatchContract(await agent.post('/api/v1/couples').send({}).expect(403));
    expectToMatchContract(await agent.post('/api/v1/couples').set('x-csrf-token', csrfToken).send({}).expect(400));
  });

  it('names what does not match: an undocumented status, a body off its schema, an undocumented body', () => {
    expect(
      contractViolations({ method: 'GET', url: '/api/v1/health', status: 418, contentType: undefined, body: '' }),
    ).toEqual(['GET /api/v1/health → 418: health_check does not document 418']);
    expect(
      contractViolations({
        method: 'GET',
        url: '/api/v1/health/live?x=1',
        status: 200,
        contentType: 'application/json; charset=utf-8',
        body: { status: 'sleeping' },
      }),
    ).toEqual([expect.stringMatching(/^GET \/api\/v1\/health\/live → 200: body\.status must be equal to one of/)]);
    expect(
      contractViolations({
        method: 'DELETE',
        url: '/api/v1/notes/6d0a3c55-8a33-4c55-9f0e-5b0d3b0f8a11',
        status: 204,
        contentType: 'application/json',
        body: { deleted: true },
      }),
    ).toEqual([
      'DELETE /api/v1/notes/6d0a3c55-8a33-4c55-9f0e-5b0d3b0f8a11 → 204: notes_remove documents no body for 204, got application/json',
    ]);
  });

  it('fails the file when an answer the app sends drifts from its schema (the check every e2e app has)', async () => {
    // The hook createTestApp installs, fed one answer off its schema and one that matches.
    type Hook = (
      request: { method: string; url: string },
      reply: { statusCode: number; getHeader(name: string): unknown },
      payload: unknown,
    ) => Promise<unknown>;
    let onSend: Hook | undefined;
    checkEveryAnswer({ addHook: (_name, hook) => (onSend = hook) });
    const json = { getHeader: () => 'application/json; charset=utf-8' };
    const drifted = '{"status":"sleeping"}';
    await expect(
      onSend?.({ method: 'GET', url: '/api/v1/health/live' }, { statusCode: 200, ...json }, drifted),
    ).resolves.toBe(drifted);
    await onSend?.({ method: 'GET', url: '/api/v1/health/live' }, { statusCode: 200, ...json }, '{"status":"ok"}');
    expect(violationsSeen).toEqual([
      expect.stringMatching(/^GET \/api\/v1\/health\/live → 200: body\.status must be equal to one of/),
    ]);
    expect(failOnViolationsSeen).toThrow(
      /Answers that do not match apps\/api\/openapi\.json:\n {2}GET \/api\/v1\/health\/live → 200/,
    );
    expect(violationsSeen).toEqual([]);
  });
});
