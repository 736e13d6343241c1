import type { ExecutionContext } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import type { FastifyRequest } from 'fastify';
import type { SessionUser } from '@trellis/contracts';
import { asStaff, identifiedPartner } from './actor';
import { actorFrom, CurrentActor } from './current-actor';

const DANA: SessionUser = {
  id: '6f1c2b7e-0000-4000-8000-000000000001',
  email: 'dana@example.test',
  name: 'Dana Reyes',
  role: 'therapist',
  clinicId: '6f1c2b7e-0000-4000-8000-0000000000c1',
};

function fakeRequest(fields: Partial<FastifyRequest> & { userAgent?: string } = {}): FastifyRequest {
  const { userAgent, ...rest } = fields;
  return {
    id: 'req-1',
    ip: '203.0.113.7',
    headers: userAgent === undefined ? {} : { 'user-agent': userAgent },
    ...rest,
  } as FastifyRequest;
}

describe('actorFrom', () => {
  it('keeps a valid IPv4 or IPv6 address, the user agent and the request id', () => {
    expect(actorFrom(fakeRequest({ userAgent: 'Firefox' }))).toEqual({
      kind: 'anonymous',
      ip: '203.0.113.7',
      userAgent: 'Firefox',
      requestId: 'req-1',
    });
    expect(actorFrom(fakeRequest({ ip: '2001:db8::1' })).ip).toBe('2001:db8::1');
  });

  it('drops an address that is not one (a client-written forwarded header), and a missing one', () => {
    expect(actorFrom(fakeRequest({ ip: 'not-an-ip' })).ip).toBeNull();
    expect(actorFrom(fakeRequest({ ip: '203.0.113.7, 10.0.0.1' })).ip).toBeNull();
    expect(actorFrom(fakeRequest({ ip: '' })).ip).toBeNull();
  });

  it('cuts a long user agent to 500 characters, and a missing or empty one is null', () => {
    expect(actorFrom(fakeRequest({ userAgent: 'x'.repeat(2000) })).userAgent).toBe('x'.repeat(500));
    expect(actorFrom(fakeRequest()).userAgent).toBeNull();
    expect(actorFrom(fakeRequest({ userAgent: '' })).userAgent).toBeNull();
  });

  it('is the staff member the auth guard let in', () => {
    const actor = actorFrom(fakeRequest({ staff: DANA }));
    expect(actor).toMatchObject({ kind: 'staff', staff: DANA, ip: '203.0.113.7', requestId: 'req-1' });
  });

  it('is the partner of a homework session the guard checked, before their response is read', () => {
    expect(actorFrom(fakeRequest({ homeworkResponseId: 'resp-1' }))).toMatchObject({
      kind: 'client_link',
      responseId: 'resp-1',
      clientId: null,
      clinicId: null,
    });
  });

  it('is anonymous without either (public routes)', () => {
    expect(actorFrom(fakeRequest()).kind).toBe('anonymous');
  });
});

describe('asStaff and identifiedPartner', () => {
  it('keep where the request came from while naming who acts', () => {
    const anonymous = actorFrom(fakeRequest({ userAgent: 'Safari' }));
    expect(asStaff(anonymous, DANA)).toEqual({
      kind: 'staff',
      staff: DANA,
      ip: '203.0.113.7',
      userAgent: 'Safari',
      requestId: 'req-1',
    });
    const partner = actorFrom(fakeRequest({ homeworkResponseId: 'resp-1' }));
    if (partner.kind !== 'client_link') throw new Error('expected a partner');
    expect(identifiedPartner(partner, { clientId: 'client-1', clinicId: 'clinic-1' })).toMatchObject({
      responseId: 'resp-1',
      clientId: 'client-1',
      clinicId: 'clinic-1',
      ip: '203.0.113.7',
    });
  });
});

describe('@CurrentActor()', () => {
  it('hands the controller the actor of its request', () => {
    class Probe {
      handler(@CurrentActor() _actor: unknown): void {
        return undefined;
      }
    }
    const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, Probe, 'handler');
    const { factory } = Object.values(args)[0] as { factory: (data: unknown, ctx: ExecutionContext) => unknown };
    const request = fakeRequest({ staff: DANA });
    const ctx = { switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
    expect(factory(undefined, ctx)).toEqual(actorFrom(request));
  });
});
