import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource, IsNull } from 'typeorm';
import { EmailDelivery, Exercise } from '@trellis/data';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { startWorkerWithMailbox } from '../support/worker-harness';

// Short in `npm test`; `SOAK_SECONDS=600 npx jest tests/e2e/soak` for a long run.
const SECONDS = Number(process.env.SOAK_SECONDS ?? 8);

/**
 * Sustained mixed traffic — therapists assigning homework to several couples and moving due dates
 * while reads go on — then every email is counted: one per consenting partner per assignment,
 * none lost, none doubled, no server error along the way.
 */
describe('soak: sustained traffic loses and doubles nothing', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let harness: Awaited<ReturnType<typeof startWorkerWithMailbox>>;

  beforeAll(async () => {
    app = await createTestApp();
    db = await connectTestDatabase();
    harness = await startWorkerWithMailbox();
  });
  afterAll(async () => {
    await harness.stop();
    await app.close();
    await db.destroy();
  });

  it(
    `runs ${SECONDS} s of mixed traffic and accounts for every email`,
    async () => {
      const clinic = await createClinic(db);
      const therapists = [];
      for (let i = 0; i < 3; i += 1) {
        const t = await createStaff(db, clinic);
        await setPassword(db, t);
        const couples = [];
        for (let j = 0; j < 4; j += 1) couples.push((await createCouple(db, clinic, t)).couple.id);
        therapists.push({ session: await signIn(app, t.email), couples });
      }
      const exercise = await db.getRepository(Exercise).findOneByOrFail({ clinicId: IsNull(), strategy: 'good_times' });
      const statuses = new Map<number, number>();
      const latencies: number[] = [];
      // Every request of the soak, timed: the figures docs/reliability.md records come from here.
      const timed = async <T>(send: () => Promise<T>): Promise<T> => {
        const started = process.hrtime.bigint();
        const result = await send();
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        return result;
      };
      let assignments = 0;
      const deadline = Date.now() + SECONDS * 1000;

      await Promise.all(
        therapists.map(async ({ session, couples }) => {
          let i = 0;
          while (Date.now() < deadline) {
            i += 1;
            const res = await timed(() =>
              session.agent
                .post('/api/v1/assignments')
                .set('x-csrf-token', session.csrfToken)
                .send({
                  exerciseId: exercise.id,
                  coupleIds: couples.slice(0, 1 + (i % couples.length)),
                  dueAt: new Date(Date.now() + (3 + (i % 5)) * 864e5).toISOString(),
                }),
            );
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            if (res.status === 201) {
              assignments += res.body.total;
              const moved = await timed(() =>
                session.agent
                  .patch(`/api/v1/assignments/${res.body.data[0].id}`)
                  .set('x-csrf-token', session.csrfToken)
                  .send({ dueAt: new Date(Date.now() + 9 * 864e5).toISOString() }),
              );
              statuses.set(moved.status, (statuses.get(moved.status) ?? 0) + 1);
            }
            const list = await timed(() => session.agent.get('/api/v1/couples?perPage=25'));
            statuses.set(list.status, (statuses.get(list.status) ?? 0) + 1);
          }
        }),
      );
      expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
      expect(assignments).toBeGreaterThan(0);

      const expected = assignments * 2; // both partners consent in the factory
      const started = Date.now();
      for (;;) {
        const sent = await db
          .getRepository(EmailDelivery)
          .countBy({ clinicId: clinic.id, template: 'homework-assigned', status: 'sent' });
        if (sent === expected) break;
        if (Date.now() - started > 60_000) throw new Error(`${sent} of ${expected} homework emails sent`);
        await new Promise((r) => setTimeout(r, 100));
      }
      await new Promise((r) => setTimeout(r, 500));
      const received = harness.mailbox.messages.filter(
        (m) => /Homework from/.test(m.subject) && m.raw.includes(clinic.name),
      ).length;
      const sorted = [...latencies].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
      const errors = [...statuses].filter(([status]) => status >= 500).reduce((n, [, count]) => n + count, 0);
      const unique = new Set(
        harness.mailbox.messages
          .filter((m) => /Homework from/.test(m.subject) && m.raw.includes(clinic.name))
          .map((m) => `${m.to.join(',')}|${/Message-ID: *(\S+)/i.exec(m.raw)?.[1] ?? m.raw}`),
      ).size;
      console.log(
        `soak ${SECONDS} s: ${latencies.length} requests, ${errors} 5xx, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms; ` +
          `emails expected ${expected}, delivered ${received}, duplicated ${received - unique}`,
      );
      expect(received).toBe(expected);
    },
    Math.max(180_000, SECONDS * 3000),
  );
});
