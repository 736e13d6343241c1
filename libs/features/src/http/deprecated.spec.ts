import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiOperation, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Deprecated, deprecationHeaders } from './deprecated';
import { ProblemDetailsFilter } from './problem-details.filter';

@Controller('widgets')
class WidgetsController {
  @Deprecated({
    since: '2026-12-01T00:00:00Z',
    sunset: '2027-06-01',
    link: 'https://example.test/changelog#deprecated',
  })
  @ApiOperation({ summary: 'Old list of widgets' })
  @Get()
  list(): string[] {
    return ['a'];
  }

  // The other decorator order: the summary must survive it too.
  @ApiOperation({ summary: 'One old widget' })
  @Deprecated({ since: '2026-12-01T00:00:00Z' })
  @Get(':id')
  one(@Param('id') id: string): string {
    if (id !== 'a') throw new NotFoundException('No such widget');
    return id;
  }

  @ApiOperation({ summary: 'Current widgets' })
  @Get('current/all')
  current(): string[] {
    return ['a'];
  }
}

describe('@Deprecated', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [WidgetsController] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    app.useGlobalFilters(new ProblemDetailsFilter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app.close());

  it('announces the deprecation (RFC 9745), the sunset (RFC 8594) and where to read about it', async () => {
    const res = await app.inject({ method: 'GET', url: '/widgets' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['deprecation']).toBe(`@${Date.UTC(2026, 11, 1) / 1000}`);
    expect(res.headers['sunset']).toBe('Tue, 01 Jun 2027 00:00:00 GMT');
    expect(res.headers['link']).toBe(
      '<https://example.test/changelog#deprecated>; rel="deprecation"; type="text/html"',
    );
  });

  it('sends no Sunset or Link before they are decided, and keeps the notice on the problem+json error', async () => {
    const found = await app.inject({ method: 'GET', url: '/widgets/a' });
    expect(found.headers['deprecation']).toBe('@1796083200');
    expect(found.headers['sunset']).toBeUndefined();
    expect(found.headers['link']).toBeUndefined();

    const missing = await app.inject({ method: 'GET', url: '/widgets/b' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.headers['deprecation']).toBe('@1796083200');
  });

  it('leaves the routes that are not deprecated alone', async () => {
    const res = await app.inject({ method: 'GET', url: '/widgets/current/all' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['deprecation']).toBeUndefined();
    expect(res.headers['sunset']).toBeUndefined();
  });

  it('marks the operations deprecated in the OpenAPI document without losing their summaries', () => {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    expect(document.paths['/widgets']?.get).toMatchObject({ deprecated: true, summary: 'Old list of widgets' });
    expect(document.paths['/widgets/{id}']?.get).toMatchObject({ deprecated: true, summary: 'One old widget' });
    expect(document.paths['/widgets/current/all']?.get?.deprecated).toBeUndefined();
  });

  it('refuses a notice no client could parse, or a sunset sooner than the promised 180 days', () => {
    expect(() => deprecationHeaders({ since: 'next week' })).toThrow(/since must be an ISO 8601 date/);
    expect(() => deprecationHeaders({ since: '2026-13-45' })).toThrow(/since must be an ISO 8601 date/);
    expect(() => deprecationHeaders({ since: '2027-01-01', sunset: '2026-06-01' })).toThrow(/less than 180 days/);
    expect(() => deprecationHeaders({ since: '2027-01-01', sunset: '2027-06-29' })).toThrow(/less than 180 days/);
    expect(deprecationHeaders({ since: '2027-01-01', sunset: '2027-06-30' }).sunset).toBe(
      'Wed, 30 Jun 2027 00:00:00 GMT',
    );
  });
});
