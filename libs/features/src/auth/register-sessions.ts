import fastifyCookie from '@fastify/cookie';
import fastifySession from '@fastify/session';
import type { FastifyInstance } from 'fastify';
import { DataSource } from 'typeorm';
import { AppConfig } from '@trellis/config';
import { PostgresSessionStore } from './postgres-session.store';
import { SESSION_COOKIE } from './session-data';
import './session-data';

export async function registerSessions(fastify: FastifyInstance, config: AppConfig, db: DataSource): Promise<void> {
  await fastify.register(fastifyCookie);
  await fastify.register(fastifySession, {
    secret: config.session.secret,
    cookieName: SESSION_COOKIE,
    saveUninitialized: false,
    // Save only when the session changed (sign-in, CSRF token, the guard's once-a-minute touch):
    // a rolling save on every request would cost a database write per read.
    rolling: false,
    // The cookie lives as long as the absolute lifetime; idleness is enforced server-side.
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.session.secureCookie,
      path: '/',
      maxAge: config.session.absoluteHours * 3600 * 1000,
    },
    store: new PostgresSessionStore(db, config.session.absoluteHours * 3600),
  });
}
