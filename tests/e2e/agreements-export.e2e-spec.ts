import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import type { CoupleExport } from '@trellis/contracts';
import { AuditEvent, Client, Couple } from '@trellis/data';
import { countQueries } from '../support/count-queries';
import { createTestApp } from '../support/create-test-app';
import { createCouple } from '../support/factories';
import { createPractice } from '../support/practice';
import { signIn } from '../support/sign-in';
import { connectTestDatabase } from '../support/test-database';

type Agent = Awaited<ReturnType<typeof signIn>>;

/**
 * The couple's export (JSON and printable) carries its agreements: every wording, each partner's
 * confirmation of each, and the weekly kept-or-slipped grid with the counselor-only notes (the export
 * is for the clinic's files). No worker runs here, so every statement the export sends is counted.
 */
describe("agreements in the couple's export", () => {
  let app: NestFastifyApplication;
  let db: DataSource;

  beforeAll(async () => {
    app = await createTestApp();
    db = await connectTestDatabase();
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
  });

  const base = (coupleId: string) => `/api/v1/couples/${coupleId}`;
  const send = (as: Agent, method: 'post' | 'put', path: string, body?: object) =>
    as.agent[method](path).set('x-csrf-token', as.csrfToken).send(body);

  /** A week's review went out to both partners, as the worker records it. */
  const reviewWeek = (couple: Couple, weekOf: string) =>
    db.query(
      `INSERT INTO agreement_review_request (clinic_id, couple_id, client_id, week_of)
       SELECT clinic_id, couple_id, id, $2::date FROM client WHERE couple_id = $1`,
      [couple.id, weekOf],
    );
  const answer = (agreementId: string, partner: Client, weekOf: string, value: string, note: string | null) =>
    db.query(
      `INSERT INTO agreement_review (clinic_id, couple_id, agreement_id, agreement_version_id, client_id, week_of, answer, note)
       SELECT a.clinic_id, a.couple_id, a.id, v.id, $2, $3::date, $4, $5
       FROM agreement a JOIN agreement_version v ON v.agreement_id = a.id AND v.version = a.current_version
       WHERE a.id = $1`,
      [agreementId, partner.id, weekOf, value, note],
    );
  const confirm = (agreementId: string, partner: Client) =>
    db.query(
      `INSERT INTO agreement_confirmation (clinic_id, agreement_version_id, client_id)
       SELECT v.clinic_id, v.id, $2 FROM agreement a
       JOIN agreement_version v ON v.agreement_id = a.id AND v.version = a.current_version WHERE a.id = $1`,
      [agreementId, partner.id],
    );

  it('exports each agreement with its wordings, confirmations and weekly grid, notes included, audited', async () => {
    const { clinic, dana, sam, asDana } = await createPractice(app, db);
    const { couple, partners } = await createCouple(db, clinic, dana);
    const other = await createCouple(db, clinic, dana);
    const plans = (
      await send(asDana, 'post', `${base(couple.id)}/agreements`, { text: 'We share plans by 6 <pm>' }).expect(201)
    ).body;
    await confirm(plans.id, partners[0]);
    await confirm(plans.id, partners[1]);
    await reviewWeek(couple, '2026-11-02');
    await answer(plans.id, partners[0], '2026-11-02', 'kept', null);
    await answer(plans.id, partners[1], '2026-11-02', 'not_kept', 'COUNSELOR-ONLY <note>');
    await send(asDana, 'put', `${base(couple.id)}/agreements/${plans.id}`, { text: 'We share plans by 7 pm' }).expect(
      200,
    );
    await confirm(plans.id, partners[1]);
    await reviewWeek(couple, '2026-11-09');
    await answer(plans.id, partners[1], '2026-11-09', 'mostly', null);
    const walks = (
      await send(asDana, 'post', `${base(couple.id)}/agreements`, { text: 'We walk on Sundays' }).expect(201)
    ).body;
    await send(asDana, 'post', `${base(couple.id)}/agreements/${walks.id}/retire`).expect(201);
    // Another couple of the same therapist: none of theirs leaks in.
    await send(asDana, 'post', `${base(other.couple.id)}/agreements`, { text: 'THEIR-AGREEMENT' }).expect(201);

    const json: CoupleExport = (await asDana.agent.get(`${base(couple.id)}/export`).expect(200)).body;
    expect(json.agreements.map((a) => [a.id, a.status])).toEqual([
      [plans.id, 'active'],
      [walks.id, 'retired'],
    ]);
    const [exported, retired] = json.agreements;
    expect(exported.versions).toEqual([
      {
        version: 1,
        text: 'We share plans by 6 <pm>',
        editedBy: 'Dana Reyes',
        createdAt: expect.any(String),
        confirmations: [
          { partner: 1, confirmedAt: expect.any(String) },
          { partner: 2, confirmedAt: expect.any(String) },
        ],
      },
      {
        version: 2,
        text: 'We share plans by 7 pm',
        editedBy: 'Dana Reyes',
        createdAt: expect.any(String),
        confirmations: [{ partner: 2, confirmedAt: expect.any(String) }],
      },
    ]);
    expect(exported.weeks).toEqual([
      {
        weekOf: '2026-11-02',
        partners: [
          { partner: 1, answer: 'kept', note: null, version: 1 },
          { partner: 2, answer: 'not_kept', note: 'COUNSELOR-ONLY <note>', version: 1 },
        ],
        accountsDiffer: true,
      },
      {
        weekOf: '2026-11-09',
        partners: [
          { partner: 1, answer: null, note: null, version: null },
          { partner: 2, answer: 'mostly', note: null, version: 2 },
        ],
        accountsDiffer: false,
      },
    ]);
    // Added after both weeks went out and never answered: nothing to show, and it says so.
    expect(retired).toMatchObject({ status: 'retired', retiredAt: expect.any(String), weeks: [] });
    expect(JSON.stringify(json)).not.toContain('THEIR-AGREEMENT');

    const html = (await asDana.agent.get(`${base(couple.id)}/export/print`).expect(200)).text;
    expect(html).toContain('<h3>We share plans by 7 pm</h3>');
    expect(html).toContain('We share plans by 6 &lt;pm&gt;');
    expect(html).toContain('Note for the counselor: COUNSELOR-ONLY &lt;note&gt;');
    expect(html).toContain('<h3>We walk on Sundays</h3>');
    expect(html).not.toContain('THEIR-AGREEMENT');

    // Only the couple's own therapist exports; the refusal is audited as denied.
    const asSam = await signIn(app, sam.email);
    await asSam.agent.get(`${base(couple.id)}/export`).expect(404);
    const audit = db.getRepository(AuditEvent);
    expect(await audit.countBy({ recordId: couple.id, action: 'couple.export', outcome: 'success' })).toBe(2);
    expect(await audit.countBy({ recordId: couple.id, action: 'couple.export', outcome: 'denied' })).toBe(1);
  });

  it('costs the same statements for one agreement as for many agreements, versions and weeks', async () => {
    const { clinic, dana, asDana } = await createPractice(app, db);
    const { couple, partners } = await createCouple(db, clinic, dana);
    const statements = async () => {
      const counts: number[] = [];
      for (let i = 0; i < 2; i++)
        counts.push(await countQueries(() => asDana.agent.get(`${base(couple.id)}/export`).expect(200)));
      return Math.min(...counts);
    };
    const first = (await send(asDana, 'post', `${base(couple.id)}/agreements`, { text: 'One' }).expect(201)).body;
    const one = await statements();
    for (const text of ['Two', 'Three', 'Four', 'Five'])
      await send(asDana, 'post', `${base(couple.id)}/agreements`, { text }).expect(201);
    for (const text of ['One, again', 'One, a third time'])
      await send(asDana, 'put', `${base(couple.id)}/agreements/${first.id}`, { text }).expect(200);
    for (let w = 0; w < 8; w++) {
      const weekOf = new Date(Date.UTC(2026, 8, 7 + 7 * w)).toISOString().slice(0, 10);
      await reviewWeek(couple, weekOf);
      await answer(first.id, partners[0], weekOf, 'kept', `note ${w}`);
      await answer(first.id, partners[1], weekOf, 'mostly', null);
    }
    await confirm(first.id, partners[0]);
    const many = await statements();
    expect(many).toBe(one);
    const json: CoupleExport = (await asDana.agent.get(`${base(couple.id)}/export`).expect(200)).body;
    expect(json.agreements).toHaveLength(5);
    expect(json.agreements[0].versions).toHaveLength(3);
    expect(json.agreements[0].weeks).toHaveLength(8);
  });
});
