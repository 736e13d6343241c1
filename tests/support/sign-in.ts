import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { StaffUser } from '@trellis/data';
import { hashPassword } from '../../libs/features/src/auth/password-hasher';

export const TEST_PASSWORD = 'a long and memorable test password';

export async function setPassword(db: DataSource, staff: StaffUser, password = TEST_PASSWORD): Promise<void> {
  await db.getRepository(StaffUser).update({ id: staff.id }, { passwordHash: await hashPassword(password) });
}

/** A cookie-keeping client signed in as `email`, with the CSRF token to send on writes. */
export async function signIn(app: NestFastifyApplication, email: string, password = TEST_PASSWORD) {
  const agent = request.agent(app.getHttpServer());
  const res = await agent.post('/api/v1/auth/login').send({ email, password }).expect(200);
  return { agent, csrfToken: res.body.csrfToken as string, user: res.body.user };
}
