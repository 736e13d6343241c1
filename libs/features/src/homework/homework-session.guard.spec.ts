import { ConflictException, ForbiddenException, HttpException, UnauthorizedException } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { HomeworkActor, HomeworkHeaderGuard, HomeworkSessionGuard } from './homework-session.guard';

const RESPONSE_ID = '0b8e6a52-0000-4000-8000-000000000001';
const TWO_HOURS = 2 * 3600 * 1000;

interface FakeRequest {
  id: string;
  ip: string;
  method: string;
  headers: Record<string, string>;
  session: { homeworkResponseId?: string; homeworkLastSeenAt?: number };
  homeworkResponseId?: string;
}

function call(options: { method?: string; headers?: Record<string, string>; session?: FakeRequest['session'] }) {
  const request: FakeRequest = {
    id: 'req-1',
    ip: '203.0.113.7',
    method: options.method ?? 'PUT',
    headers: options.headers ?? {},
    session: options.session ?? {},
  };
  const sent: Record<string, string> = {};
  const reply = {
    header(name: string, value: string) {
      sent[name] = value;
      return reply;
    },
  };
  const context = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
  } as unknown as ExecutionContext;
  return { request, sent, context };
}

function refusal(run: () => unknown): HttpException {
  try {
    run();
  } catch (error) {
    if (error instanceof HttpException) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const live = () => ({ homeworkResponseId: RESPONSE_ID, homeworkLastSeenAt: Date.now() - 60_000 });

describe('HomeworkHeaderGuard', () => {
  it('refuses a write without the custom header: 403, reload', () => {
    const { context, sent } = call({});
    const error = refusal(() => new HomeworkHeaderGuard().canActivate(context));
    expect(error).toBeInstanceOf(ForbiddenException);
    expect(error.message).toBe('Reload the page and try again.');
    // Refusals are not cached either.
    expect(sent).toEqual({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  });

  it('lets a write with the header through', () => {
    const { context } = call({ headers: { 'x-homework-csrf': '1' } });
    expect(new HomeworkHeaderGuard().canActivate(context)).toBe(true);
  });

  it('wants exactly "1"', () => {
    const { context } = call({ headers: { 'x-homework-csrf': 'yes' } });
    expect(refusal(() => new HomeworkHeaderGuard().canActivate(context))).toBeInstanceOf(ForbiddenException);
  });
});

describe('HomeworkSessionGuard', () => {
  const ENDED = 'Open the link from your email again to continue.';

  it('refuses a request without a homework session: 401, open the link again', () => {
    const { context, sent } = call({ method: 'GET' });
    const error = refusal(() => new HomeworkSessionGuard().canActivate(context));
    expect(error).toBeInstanceOf(UnauthorizedException);
    expect(error.message).toBe(ENDED);
    expect(sent['cache-control']).toBe('no-store');
  });

  it('refuses a session idle for more than two hours, and leaves it as it was', () => {
    const lastSeen = Date.now() - TWO_HOURS - 1000;
    const { context, request } = call({
      method: 'GET',
      session: { homeworkResponseId: RESPONSE_ID, homeworkLastSeenAt: lastSeen },
    });
    expect(refusal(() => new HomeworkSessionGuard().canActivate(context)).message).toBe(ENDED);
    expect(request.session.homeworkLastSeenAt).toBe(lastSeen);
    expect(request.homeworkResponseId).toBeUndefined();
  });

  it('lets a live session through, slides its idle clock and names the response for the actor', () => {
    const { context, request } = call({ method: 'GET', session: live() });
    const before = Date.now();
    expect(new HomeworkSessionGuard().canActivate(context)).toBe(true);
    expect(request.session.homeworkLastSeenAt).toBeGreaterThanOrEqual(before);
    expect(request.homeworkResponseId).toBe(RESPONSE_ID);
  });

  it('refuses a write from a page of another response (shared phone): 409, after sliding the clock', () => {
    const { context, request } = call({
      headers: { 'x-homework-csrf': '1', 'x-homework-response': '0b8e6a52-0000-4000-8000-000000000002' },
      session: live(),
    });
    const before = Date.now();
    const error = refusal(() => new HomeworkSessionGuard().canActivate(context));
    expect(error).toBeInstanceOf(ConflictException);
    expect(error.message).toBe(
      'Someone else opened their homework in this browser. Reload the page and open your own link.',
    );
    expect(request.session.homeworkLastSeenAt).toBeGreaterThanOrEqual(before);
    expect(request.homeworkResponseId).toBeUndefined();
  });

  it('lets a write through when the page names this response, or none', () => {
    const pages: Record<string, string>[] = [{ 'x-homework-response': RESPONSE_ID }, {}];
    for (const headers of pages) {
      const { context } = call({ headers, session: live() });
      expect(new HomeworkSessionGuard().canActivate(context)).toBe(true);
    }
  });

  it('does not check the page’s response on reads', () => {
    const { context } = call({ method: 'GET', headers: { 'x-homework-response': 'another' }, session: live() });
    expect(new HomeworkSessionGuard().canActivate(context)).toBe(true);
  });
});

describe('@HomeworkActor()', () => {
  class Probe {
    handler(@HomeworkActor() _partner: unknown): void {
      return undefined;
    }
  }
  const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, Probe, 'handler');
  const { factory } = Object.values(args)[0] as { factory: (data: unknown, ctx: ExecutionContext) => unknown };

  it('is the partner of the session the guard let in', () => {
    const { context } = call({ method: 'GET', session: live() });
    new HomeworkSessionGuard().canActivate(context);
    expect(factory(undefined, context)).toMatchObject({
      kind: 'client_link',
      responseId: RESPONSE_ID,
      ip: '203.0.113.7',
      requestId: 'req-1',
    });
  });

  it('refuses (401) on a route the guard did not check, rather than act for nobody', () => {
    const { context } = call({ method: 'GET', session: live() });
    expect(() => factory(undefined, context)).toThrow(UnauthorizedException);
  });
});
