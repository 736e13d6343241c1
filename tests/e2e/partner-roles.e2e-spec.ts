import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource, IsNull } from 'typeorm';
import { AuditEvent, Client, Couple, Exercise } from '@trellis/data';
import type { Prompt } from '@trellis/domain';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { createTestApp } from '../support/create-test-app';
import { followEmailedLink } from '../support/email-links';
import { completeAnswersFor, HOMEWORK_HEADER, openHomeworkAs } from '../support/homework-flow';
import { setPassword, signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';
import { startWorkerWithMailbox } from '../support/worker-harness';

const DAY = 24 * 3600 * 1000;
const ids = (prompts: Prompt[]) => prompts.map((p) => p.id);

/**
 * Partner roles and the couple's phase: the therapist records them; each partner sees only the
 * prompts for their role. Asked as the curious partner: the other side's prompts, their answers and
 * the role itself never come back.
 */
describe('partner roles and the couple phase', () => {
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

  async function setup() {
    const clinic = await createClinic(db);
    const dana = await createStaff(db, clinic, { name: 'Dana Reyes' });
    await setPassword(db, dana);
    const { couple, partners } = await createCouple(db, clinic, dana);
    const asDana = await signIn(app, dana.email);
    return { clinic, dana, asDana, couple, partners };
  }
  type Setup = Awaited<ReturnType<typeof setup>>;

  const patch = (s: Setup, coupleId: string, body: object) =>
    s.asDana.agent.patch(`/api/v1/couples/${coupleId}`).set('x-csrf-token', s.asDana.csrfToken).send(body);

  async function assign(s: Setup, key: string) {
    const exercise = await db.getRepository(Exercise).findOneByOrFail({ key, clinicId: IsNull() });
    await s.asDana.agent
      .post('/api/v1/assignments')
      .set('x-csrf-token', s.asDana.csrfToken)
      .send({
        exerciseId: exercise.id,
        coupleIds: [s.couple.id],
        dueAt: new Date(Date.now() + 3 * DAY).toISOString(),
        shareAnswersAfterBoth: true,
      })
      .expect(201);
    const open = async (i: 0 | 1) =>
      openHomeworkAs(
        app,
        (
          await followEmailedLink(
            app.getHttpServer(),
            (await harness.mailbox.waitForMessageTo(s.partners[i].email)).raw,
            'homework',
          )
        ).token,
      );
    return { exercise, alex: await open(0), sam: await open(1) };
  }

  it('lets the therapist record the phase and each role, shows them to staff and audits which fields changed', async () => {
    const s = await setup();
    const res = await patch(s, s.couple.id, {
      phase: 'crisis_and_impact',
      partners: [
        { position: 1, role: 'broke_trust' },
        { position: 2, role: 'hurt' },
      ],
    }).expect(200);
    expect(res.body.phase).toBe('crisis_and_impact');
    expect(res.body.partners.map((p: { role: string }) => p.role)).toEqual(['broke_trust', 'hurt']);
    const read = await s.asDana.agent.get(`/api/v1/couples/${s.couple.id}`).expect(200);
    expect(read.body).toMatchObject({ phase: 'crisis_and_impact' });
    const audit = await db
      .getRepository(AuditEvent)
      .findOneByOrFail({ recordId: s.couple.id, action: 'couple.update' });
    expect(audit.details).toMatchObject({ fields: 'phase,partners', partnerFields: 'role' });
    expect(JSON.stringify(audit.details)).not.toContain('broke_trust');

    await patch(s, s.couple.id, { phase: null }).expect(200);
    expect((await db.getRepository(Couple).findOneByOrFail({ id: s.couple.id })).phase).toBeNull();
  });

  it('refuses an unknown phase or role with a 400 naming the field, and changes nothing', async () => {
    const s = await setup();
    const bad = await patch(s, s.couple.id, { phase: 'healed', partners: [{ position: 1, role: 'victim' }] }).expect(
      400,
    );
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['partners.0.role', 'phase']);
    for (const body of [{ phase: 3 }, { partners: [{ position: 2, role: null }] }, { partners: [{ role: 'hurt' }] }])
      await patch(s, s.couple.id, body).expect(400);
    expect((await db.getRepository(Couple).findOneByOrFail({ id: s.couple.id })).phase).toBeNull();
    const roles = (await db.getRepository(Client).findBy({ coupleId: s.couple.id })).map((c) => c.role);
    expect(roles).toEqual(['not_set', 'not_set']);
  });

  it("answers 404 for another therapist's or another clinic's couple, and changes nothing", async () => {
    const s = await setup();
    const other = await createStaff(db, s.clinic);
    const theirs = await createCouple(db, s.clinic, other);
    await patch(s, theirs.couple.id, { phase: 'rebuilding' }).expect(404);
    const elsewhere = await createClinic(db);
    const foreign = await createCouple(db, elsewhere, await createStaff(db, elsewhere));
    await patch(s, foreign.couple.id, { partners: [{ position: 1, role: 'hurt' }] }).expect(404);
    expect((await db.getRepository(Couple).findOneByOrFail({ id: theirs.couple.id })).phase).toBeNull();
    expect((await db.getRepository(Client).findOneByOrFail({ id: foreign.partners[0].id })).role).toBe('not_set');
  });

  it('shows each partner only the prompts for their role, and never the role, the other side or its answers', async () => {
    const s = await setup();
    await patch(s, s.couple.id, {
      partners: [
        { position: 1, role: 'broke_trust' },
        { position: 2, role: 'hurt' },
      ],
    }).expect(200);
    const { exercise, alex, sam } = await assign(s, 'apology-that-lands');
    const everyId = ids(exercise.prompts);
    const alexView = await alex.get('/api/v1/homework/current').expect(200);
    const samView = await sam.get('/api/v1/homework/current').expect(200);
    expect(ids(alexView.body.prompts)).toEqual(everyId.filter((id) => id !== 'how_it_hurt_me'));
    expect(ids(samView.body.prompts)).toEqual(everyId.filter((id) => !['what_i_did', 'cost_to_partner'].includes(id)));
    for (const view of [alexView, samView]) {
      expect(view.text).not.toMatch(/forRole|broke_trust|"role"/);
      expect(view.text).not.toContain('"hurt"');
    }

    // Sam, curious, answers Alex's questions too: refused by name, nothing saved.
    const sneaky = { ...completeAnswersFor(samView.body.prompts, 'sam'), what_i_did: 'What did Alex write here?' };
    const refused = await sam.put('/api/v1/homework/current/draft').set(HOMEWORK_HEADER).send({ answers: sneaky });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain('answers.what_i_did');

    const alexAnswers = completeAnswersFor(alexView.body.prompts, 'alex');
    await alex.post('/api/v1/homework/current/submit').set(HOMEWORK_HEADER).send({ answers: alexAnswers }).expect(200);
    await sam
      .post('/api/v1/homework/current/submit')
      .set(HOMEWORK_HEADER)
      .send({ answers: completeAnswersFor(samView.body.prompts, 'sam') })
      .expect(200);
    // Sharing is on and both submitted: Sam reads only Alex's shared answers to prompts Sam was asked too.
    const after = await sam.get('/api/v1/homework/current').expect(200);
    expect(Object.keys(after.body.partnerAnswers)).toEqual(['needed_parts']);
    expect(after.text).not.toContain(String(alexAnswers.what_i_did));
    expect(after.text).not.toContain(String(alexAnswers.cost_to_partner));
  });

  it('shows a partner whose role is not set only the common prompts, and "both" every side', async () => {
    const s = await setup();
    await patch(s, s.couple.id, { partners: [{ position: 2, role: 'both' }] }).expect(200);
    const { exercise, alex, sam } = await assign(s, 'apology-that-lands');
    const common = exercise.prompts.filter((p) => p.forRole === undefined).map((p) => p.id);
    expect(ids((await alex.get('/api/v1/homework/current').expect(200)).body.prompts)).toEqual(common);
    expect(ids((await sam.get('/api/v1/homework/current').expect(200)).body.prompts)).toEqual(ids(exercise.prompts));
  });
});
