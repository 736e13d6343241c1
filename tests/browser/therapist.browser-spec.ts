import { randomUUID } from 'node:crypto';
import type { Locator } from 'playwright-core';
import { Assignment, AuditEvent, Client } from '@trellis/data';
import { useBrowserStack } from '../support/browser-journey';
import { eventually } from '../support/eventually';
import { createClinic, createStaff } from '../support/factories';
import { setPassword, signIn, TEST_PASSWORD } from '../support/sign-in';
import { DashboardPage } from './dashboard-page';
import { builtInExercise, CLINIC_NAME, practiceWithCouple, THERAPIST_NAME } from './practice';

const DAY = 24 * 3600 * 1000;
/** The journey's browser zone (browser-journey.ts opens every page in it). */
const BROWSER_ZONE = 'Europe/London';

/** A wall-clock time in `zone` (`yyyy-MM-ddTHH:mm`, a datetime-local input's value) as an ISO instant. */
function wallTimeToIso(local: string, zone: string): string {
  const asUtc = new Date(`${local}:00.000Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(asUtc)
      .map((p) => [p.type, p.value]),
  );
  const shown = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
  return new Date(asUtc.getTime() - (shown - asUtc.getTime())).toISOString();
}

/** The day `days` from now in `zone`, at `time`, as a datetime-local value. */
function localDayAt(days: number, time: string, zone: string): string {
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + days * DAY));
  return `${day}T${time}`;
}

const suite = useBrowserStack();

describe('therapist screens in a real browser', () => {
  suite.journey(
    'a therapist adds a couple, picks an exercise from the library by strategy and assigns it with a due date',
    async (journey) => {
      const { db, app, origin } = journey.stack;
      const clinic = await createClinic(db, { name: CLINIC_NAME });
      const id = randomUUID().slice(0, 6);
      const therapist = await createStaff(db, clinic, { name: THERAPIST_NAME, email: `dana-${id}@example.test` });
      await setPassword(db, therapist);
      const exercise = await builtInExercise(journey.stack, 'honest-check-in');

      const page = await journey.open('Dana (therapist)');
      const dashboard = new DashboardPage(page, origin);
      await dashboard.openSignIn();
      await dashboard.signIn(therapist.email, TEST_PASSWORD);

      // An empty caseload invites the first couple.
      await dashboard.menuItem('Couples').click();
      await page.getByRole('heading', { name: 'No couples yet — add your first couple' }).waitFor();
      await page.getByRole('link', { name: 'Add couple' }).first().click();

      const partners = [
        { group: 'Partner A', name: 'Jamie Walker', email: `jamie.walker-${id}@example.test`, zone: BROWSER_ZONE },
        {
          group: 'Partner B',
          name: 'Chris Walker',
          email: `chris.walker-${id}@example.test`,
          zone: 'America/New_York',
        },
      ] as const;
      await page.getByRole('textbox', { name: 'Couple’s name' }).fill('Jamie & Chris Walker');
      for (const partner of partners) {
        const group = page.getByRole('group', { name: partner.group });
        await group.getByRole('textbox', { name: 'Name' }).fill(partner.name);
        await group.getByRole('textbox', { name: 'Email' }).fill(partner.email);
        const zone = group.getByRole('combobox', { name: 'Time zone' });
        if (partner.zone !== BROWSER_ZONE) {
          // Found by what the client calls it, not only by the city in its IANA name.
          await zone.fill('EST');
          await page.getByRole('option', { name: 'America / New York' }).click();
        }
      }
      // Consent to email is asked, never assumed: unanswered, the form does not save.
      await page.getByRole('button', { name: 'Save' }).click();
      const unanswered = page.getByText('Choose whether this partner agrees to receive homework by email.');
      await unanswered.nth(1).waitFor();
      expect(await unanswered.count()).toBe(2);
      for (const partner of partners) {
        const group = page.getByRole('group', { name: partner.group });
        await group.getByRole('radio', { name: 'Yes, email them their homework' }).check();
      }
      await page.getByRole('button', { name: 'Save' }).click();

      // Saved: the couple's own page, both partners listed, no homework yet.
      await page.getByRole('heading', { level: 1, name: 'Jamie & Chris Walker' }).waitFor();
      await page.getByText('No homework yet.').waitFor();
      const coupleId = /#\/couples\/([0-9a-f-]{36})\/show/.exec(page.url())?.[1];
      if (!coupleId) throw new Error(`not on a couple's page: ${page.url()}`);
      const stored = await db.getRepository(Client).find({ where: { coupleId }, order: { position: 'ASC' } });
      expect(
        stored.map((c) => ({ name: c.name, email: c.email, timezone: c.timezone, emailConsent: c.emailConsent })),
      ).toEqual(partners.map((p) => ({ name: p.name, email: p.email, timezone: p.zone, emailConsent: true })));

      // The library, narrowed to one strategy by its chip.
      await dashboard.menuItem('Exercise library').click();
      const strategies = page.getByRole('group', { name: 'Filter by strategy' });
      // Found by its text: the chip's tooltip (the strategy's summary) is its accessible name, without
      // the visible "Honest talk" (MUI Tooltip names its child unless `describeChild` is set).
      const honestTalk = strategies.getByRole('button').filter({ hasText: /^Honest talk$/ });
      await honestTalk.click();
      await honestTalk.and(page.locator('[aria-pressed="true"]')).waitFor();
      const rows = page.getByRole('row').filter({ has: page.getByRole('cell') });
      await rows.filter({ hasText: exercise.title }).waitFor();
      await expectEveryRowSays(rows, 'Honest talk');

      // The exercise's page previews what each partner sees.
      await rows.filter({ hasText: exercise.title }).click();
      await page.getByRole('heading', { level: 1, name: exercise.title }).waitFor();
      const preview = page.getByRole('region', { name: 'What each partner sees' });
      for (const prompt of exercise.prompts) await preview.getByText(prompt.label).first().waitFor();

      // Assign it to the new couple, due in ten days at 17:30 (the therapist's own time zone).
      await page.getByRole('button', { name: 'Assign', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: `Assign “${exercise.title}”` });
      // Trellis's theme: buttons in sentence case, not react-admin's ALL CAPS.
      expect(
        await dialog
          .getByRole('button', { name: 'Assign', exact: true })
          .evaluate((b) => getComputedStyle(b).textTransform),
      ).toBe('none');
      await dialog.getByRole('combobox', { name: 'Couples' }).fill('Walker');
      await page.getByRole('option', { name: /Jamie & Chris Walker/ }).click();
      const due = localDayAt(10, '17:30', BROWSER_ZONE);
      await dialog.getByLabel('Due', { exact: true }).fill(due);
      await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
      // It says what happened to each partner's link, not what should have.
      const assigned = page.getByRole('dialog', { name: 'Homework assigned' });
      await assigned
        .getByText(/^Jamie Walker: emailed their link( \(on its way\))?; Chris Walker: emailed their link/)
        .waitFor();
      await assigned.getByRole('button', { name: 'Done' }).click();
      await assigned.waitFor({ state: 'hidden' });

      // The couple's page (from the caseload) shows the homework open, not started by either partner.
      await dashboard.menuItem('Couples').click();
      await page.getByRole('row').filter({ hasText: 'Jamie & Chris Walker' }).click();
      await page.getByRole('heading', { level: 1, name: 'Jamie & Chris Walker' }).waitFor();
      const homework = page.getByRole('article', { name: exercise.title });
      await homework.getByText('Not started', { exact: true }).first().waitFor();
      for (const partner of partners)
        await homework.getByRole('listitem').filter({ hasText: partner.name }).getByText('Not started').waitFor();

      // The API agrees: exactly one assignment, due when chosen.
      const asTherapist = await signIn(app, therapist.email);
      const list = await asTherapist.agent.get(`/api/v1/couples/${coupleId}/assignments`).expect(200);
      expect(list.body.total).toBe(1);
      expect(list.body.data).toHaveLength(1);
      expect(list.body.data[0]).toMatchObject({
        title: exercise.title,
        status: 'assigned',
        dueAt: wallTimeToIso(due, BROWSER_ZONE),
      });
      expect(await db.getRepository(Assignment).countBy({ coupleId })).toBe(1);
    },
  );

  suite.journey('one visit to a screen is one event in the audit trail', async (journey) => {
    const { db, origin } = journey.stack;
    const { therapist } = await practiceWithCouple(journey.stack);
    const page = await journey.open('Dana (therapist)');
    const dashboard = new DashboardPage(page, origin);
    await dashboard.openSignIn();
    await dashboard.signIn(therapist.email, TEST_PASSWORD);
    const events = async (action: string) => db.getRepository(AuditEvent).countBy({ actorId: therapist.id, action });
    // Home, then the caseload, then the couple: each read once, and still once after a pause.
    await eventually(async () => expect(await events('home.view')).toBe(1));
    await dashboard.menuItem('Couples').click();
    await page.getByRole('row').filter({ hasText: 'Alex & Sam' }).click();
    await page.getByRole('heading', { level: 1, name: 'Alex & Sam' }).waitFor();
    await page.getByText('No homework yet.').waitFor();
    await page.waitForTimeout(1500);
    expect({
      home: await events('home.view'),
      caseload: await events('couple.list'),
      couple: await events('couple.view'),
      homework: await events('assignment.list'),
    }).toEqual({ home: 1, caseload: 1, couple: 1, homework: 1 });
  });
});

/** Every data row of the table names `text` (the strategy column), once the list has refetched. */
async function expectEveryRowSays(rows: Locator, text: string): Promise<void> {
  await eventually(async () => {
    const texts = await rows.allInnerTexts();
    expect(texts.length).toBeGreaterThan(0);
    for (const row of texts) expect(row).toContain(text);
  });
}
