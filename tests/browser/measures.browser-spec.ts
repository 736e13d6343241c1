import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { Clinic, Measure, MeasureVersion } from '@trellis/data';
import { TRUST_AND_CONNECTION_CHECK_IN } from '@trellis/domain';
import { MeasureResponsesService } from '../../libs/features/src/measures/measure-responses.service';
import { type AxeFinding, seriousAccessibilityViolations } from '../support/axe';
import { useBrowserStack } from '../support/browser-journey';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { createCheckIns } from '../support/measure-factories';
import { setPassword, TEST_PASSWORD } from '../support/sign-in';
import { DashboardPage } from './dashboard-page';
import { CLINIC_NAME, THERAPIST_NAME } from './practice';

const suite = useBrowserStack();

describe('measures in a real browser', () => {
  suite.journey(
    'a therapist enters a measure with a live score preview, then sees both partners on the Progress tab',
    async (journey) => {
      const { db, app, origin } = journey.stack;
      const clinic = await createClinic(db, { name: CLINIC_NAME });
      const id = randomUUID().slice(0, 6);
      const therapist = await createStaff(db, clinic, { name: THERAPIST_NAME, email: `dana-${id}@example.test` });
      await setPassword(db, therapist);
      const { partners } = await createCouple(db, clinic, therapist, { displayName: 'Jamie & Chris' });

      // Three weeks of check-ins, answered on the partners' phones (the link flow comes later).
      const checkIn = await db
        .getRepository(Measure)
        .findOneByOrFail({ key: TRUST_AND_CONNECTION_CHECK_IN.key, clinicId: IsNull() });
      const version = await db.getRepository(MeasureVersion).findOneByOrFail({ measureId: checkIn.id, version: 1 });
      const weeks = [
        [6, 6],
        [7, 5],
        [8, 3],
      ];
      for (const [n, levels] of weeks.entries()) {
        for (const [p, level] of levels.entries()) {
          await app.get<DataSource>(getDataSourceToken()).transaction((manager) =>
            app
              .get(MeasureResponsesService)
              .submitInTransaction(
                manager,
                { kind: 'anonymous', ip: null, userAgent: null, requestId: 'seed' },
                partners[p],
                {
                  measureVersionId: version.id,
                  occurrence: `week-${n}`,
                  answers: {
                    'counted-on': level,
                    'safe-to-speak': level,
                    close: level,
                    'found-our-way-back': level,
                    'kept-to-myself': 10 - level,
                  },
                  submittedAt: new Date(Date.now() - (3 - n) * 7 * 864e5),
                },
              ),
          );
        }
      }

      const findings: AxeFinding[] = [];
      const page = await journey.open('Dana (therapist)');
      const dashboard = new DashboardPage(page, origin);
      await dashboard.openSignIn();
      await dashboard.signIn(therapist.email, TEST_PASSWORD);

      // The library: both built-ins, then a measure of the clinic's own.
      await dashboard.menuItem('Measures').click();
      await page.getByText(TRUST_AND_CONNECTION_CHECK_IN.title).waitFor();
      findings.push(...(await seriousAccessibilityViolations(page, 'measure list')));
      await page.getByRole('link', { name: 'New measure' }).click();
      await page.getByRole('textbox', { name: 'Title' }).fill('Closeness (short)');
      const labels = ['I felt close to my partner.', 'We laughed together.', 'I held back what I felt.'];
      for (const [i, label] of labels.entries()) {
        await page.getByRole('textbox', { name: `Item ${i + 1}` }).fill(label);
      }
      await page.getByRole('checkbox', { name: 'Reverse-scored' }).nth(2).check();
      await page.getByRole('spinbutton', { name: 'Clinical cutoff' }).fill('15.5');
      await page.getByText('Scores run from 0 to 30.').waitFor();

      // The preview scores sample answers with the rule the API uses: 8 + 6 + (10 − 2) = 22.
      for (const [label, answer] of [
        [labels[0], '8'],
        [labels[1], '6'],
        [labels[2], '2'],
      ] as const) {
        await page.getByRole('combobox', { name: label }).click();
        await page.getByRole('option', { name: answer, exact: true }).click();
        // The menu closes with a fade: wait until it is gone before the next one (and before axe).
        await page.locator('[role="listbox"]').waitFor({ state: 'detached' });
      }
      await page.getByRole('status').getByText('Score 22 of 0–30 · outside the clinical range').waitFor();
      findings.push(...(await seriousAccessibilityViolations(page, 'measure editor with preview')));

      // An inconsistent rule is caught before saving, under its field.
      await page.getByRole('spinbutton', { name: 'Clinical cutoff' }).fill('40');
      await page.getByRole('button', { name: 'Create measure' }).click();
      await page.getByText(/The cutoff must lie inside the score range/).waitFor();
      await page.getByRole('spinbutton', { name: 'Clinical cutoff' }).fill('15.5');
      await page.getByRole('button', { name: 'Create measure' }).click();
      await page.getByRole('heading', { level: 1, name: 'Closeness (short)' }).waitFor();
      await page.getByText('Sum of 3 items (0–30), every item must be answered. Higher is better.').first().waitFor();

      // The couple's Progress tab: both partners on one chart, the numbers behind it.
      await dashboard.menuItem('Couples').click();
      await page.getByText('Jamie & Chris').first().click();
      await page.getByRole('tab', { name: 'Progress' }).click();
      const chart = page.getByRole('img', { name: /Weekly trust and connection check-in \(0–50\)/ });
      await chart.waitFor();
      await page.getByText('Show the numbers').click();
      const rows = page.locator('details').getByRole('row');
      // A header row and three check-ins; the last shows the gap that opened: 40 against 15.
      await rows.nth(3).getByRole('cell', { name: '25' }).waitFor();
      // Item by item: the reversed item reads the same way round as the others.
      await page.getByRole('heading', { name: 'Item by item, latest 3 check-ins' }).waitFor();
      const keptToMyself = page.getByRole('row', { name: /I kept things to myself/ });
      await keptToMyself.getByRole('cell', { name: '6 → 7 → 8' }).waitFor();
      await keptToMyself.getByRole('cell', { name: '6 → 5 → 3' }).waitFor();
      // The same check-ins as CSV, through the link's own address and the page's session.
      const csvLink = page.getByRole('link', { name: 'Download CSV' });
      const csv = await page.request.get(new URL((await csvLink.getAttribute('href')) ?? '', origin).toString());
      expect(csv.status()).toBe(200);
      expect((await csv.text()).split('\r\n')).toHaveLength(1 + 6 + 1);
      findings.push(...(await seriousAccessibilityViolations(page, 'progress tab')));
      await journey.documentScreen(page, 'couple-progress');
      expect(findings).toEqual([]);
    },
    90_000,
  );

  suite.journey(
    'the home screen flags a couple drifting apart; its Progress tab shows why, with the sessions marked',
    async (journey) => {
      const { db, app, origin } = journey.stack;
      const clinic = await createClinic(db, { name: CLINIC_NAME });
      const id = randomUUID().slice(0, 6);
      const therapist = await createStaff(db, clinic, { name: THERAPIST_NAME, email: `dana-${id}@example.test` });
      await setPassword(db, therapist);
      const { couple, partners } = await createCouple(db, clinic, therapist, { displayName: 'Robin & Alex' });
      await db.query(
        `UPDATE client SET name = CASE position WHEN 1 THEN 'Robin' ELSE 'Alex' END WHERE couple_id = $1`,
        [couple.id],
      );
      const steady = await createCouple(db, clinic, therapist, { displayName: 'Sam & Kim' });

      const checkIn = await db
        .getRepository(Measure)
        .findOneByOrFail({ key: TRUST_AND_CONNECTION_CHECK_IN.key, clinicId: IsNull() });
      const version = await db.getRepository(MeasureVersion).findOneByOrFail({ measureId: checkIn.id, version: 1 });
      const WEEKS = 8;
      const submit = (partner: (typeof partners)[number], n: number, level: number) =>
        app.get<DataSource>(getDataSourceToken()).transaction((manager) =>
          app
            .get(MeasureResponsesService)
            .submitInTransaction(
              manager,
              { kind: 'anonymous', ip: null, userAgent: null, requestId: 'seed' },
              partner,
              {
                measureVersionId: version.id,
                occurrence: `week-${n}`,
                // Each item at the level (the reversed one turned round): the score is 5 × level.
                answers: {
                  'counted-on': level,
                  'safe-to-speak': Math.min(10, level + 1),
                  close: level,
                  'found-our-way-back': Math.max(0, level - 1),
                  'kept-to-myself': 10 - level,
                },
                submittedAt: new Date(
                  Date.now() - (WEEKS - n) * 7 * 864e5 + 3600_000 * (partner === partners[0] ? 0 : 5),
                ),
              },
            ),
        );
      // Robin slides over the last weeks while Alex feels better and better: the gap opens.
      const robin = [7, 7, 7, 6, 6, 5, 4, 3];
      const alex = [6, 6, 7, 7, 7, 7, 8, 8];
      for (let n = 0; n < WEEKS; n += 1) {
        await submit(partners[0], n, robin[n]);
        await submit(partners[1], n, alex[n]);
        await submit(steady.partners[0], n, 6);
        await submit(steady.partners[1], n, 6 + (n % 2));
      }
      // A session on each check-in's day, from the notes the therapist wrote.
      await db.query(
        `INSERT INTO session_note (clinic_id, couple_id, author_id, format, sections, session_date)
         SELECT $1, $2, $3, 'free', '{"body": "Session"}', (now() - ($4 - n) * 7 * interval '1 day')::date
         FROM generate_series(0, $4 - 1) AS n`,
        [clinic.id, couple.id, therapist.id, WEEKS],
      );

      const findings: AxeFinding[] = [];
      const page = await journey.open('Dana (therapist)');
      const dashboard = new DashboardPage(page, origin);
      await dashboard.openSignIn();
      await dashboard.signIn(therapist.email, TEST_PASSWORD);

      // Home: the Off-track panel names the couple and says why, in words; the steady couple is not there.
      const panel = page.getByRole('region', { name: 'Off track' });
      const flagged = panel.getByRole('link', { name: /Robin & Alex/ });
      await flagged.waitFor();
      await panel.getByText('Robin’s check-ins dropped over the last three (25 → 15)', { exact: false }).waitFor();
      await panel.getByText(/The gap between them grew over the last three check-ins \(10 → 25 points\)/).waitFor();
      expect(await panel.getByText('Sam & Kim').count()).toBe(0);
      findings.push(...(await seriousAccessibilityViolations(page, 'home with the off-track panel')));
      await journey.documentScreen(page, 'dashboard-off-track');

      // The link opens the couple's Progress tab: both partners, the gap and the sessions marked.
      await flagged.click();
      const chart = page.getByRole('img', {
        name: /Robin went from 35 to 15; Alex went from 30 to 40\. 8 sessions marked\./,
      });
      await chart.waitFor();
      await page.getByText('Show the numbers').click();
      const rows = page.locator('details').getByRole('row');
      await rows.nth(WEEKS).getByRole('cell', { name: '25' }).first().waitFor();
      findings.push(...(await seriousAccessibilityViolations(page, 'progress tab with sessions')));
      await page.getByText('Show the numbers').click();
      // The tabs at the top of the window: the chart and the item trend below them.
      await page.getByRole('tab', { name: 'Progress' }).evaluate((tab) => tab.scrollIntoView({ block: 'start' }));
      await journey.documentScreen(page, 'dashboard-progress');
      expect(findings).toEqual([]);
    },
    90_000,
  );

  suite.journey(
    'an admin sees the clinic summary with its numbers, and moves the off-track drop on the settings page',
    async (journey) => {
      const { db, origin } = journey.stack;
      const clinic = await createClinic(db, { name: CLINIC_NAME });
      const id = randomUUID().slice(0, 6);
      const admin = await createStaff(db, clinic, {
        role: 'admin',
        name: 'Avery Admin',
        email: `avery-${id}@example.test`,
      });
      const therapist = await createStaff(db, clinic, { name: THERAPIST_NAME, email: `dana-${id}@example.test` });
      await setPassword(db, admin);
      for (const [name, scores] of [
        [
          'Improving',
          [
            [20, 24, 27],
            [22, 23, 23],
          ],
        ],
        [
          'Worsening',
          [
            [30, 27, 22],
            [30, 31, 30],
          ],
        ],
        ['Just started', [[30], [31]]],
      ] as const) {
        const c = await createCouple(db, clinic, therapist, { displayName: name });
        await createCheckIns(db, c.couple, c.partners, [[...scores[0]], [...scores[1]]]);
      }

      const findings: AxeFinding[] = [];
      const page = await journey.open('Avery (admin)');
      const dashboard = new DashboardPage(page, origin);
      await dashboard.openSignIn();
      await dashboard.signIn(admin.email, TEST_PASSWORD);
      const summary = page.getByRole('region', { name: 'Couples’ progress across the clinic' });
      await summary
        .getByText(
          '3 couples: 1 improving, 0 unchanged, 1 worsening, 1 too soon to say. A real change is a change of 5 points (your clinic’s setting).',
        )
        .waitFor();
      await summary.getByText('Show the numbers').click();
      const row = summary.getByRole('row', { name: new RegExp(TRUST_AND_CONNECTION_CHECK_IN.title) });
      await row.getByRole('cell').first().waitFor();
      expect(await row.getByRole('cell').allInnerTexts()).toEqual(['1', '0', '1', '1', '5']);
      findings.push(...(await seriousAccessibilityViolations(page, 'admin home with the clinic summary')));

      // A stricter bar on the settings page: 20 → 27 is no longer a real change.
      await dashboard.menuItem('Clinic settings').click();
      const drop = page.getByRole('spinbutton', { name: 'A partner’s drop over the last three check-ins (points)' });
      await drop.waitFor();
      expect(await drop.inputValue()).toBe('5');
      findings.push(...(await seriousAccessibilityViolations(page, 'clinic settings with off-track thresholds')));
      await drop.fill('8');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Clinic settings saved.').waitFor();
      expect((await db.getRepository(Clinic).findOneByOrFail({ id: clinic.id })).offTrackRecentDrop).toBe(8);
      await dashboard.menuItem('Home').click();
      await summary.getByText(/^3 couples: 0 improving, 1 unchanged, 1 worsening, 1 too soon to say\./).waitFor();
      expect(findings).toEqual([]);
    },
    90_000,
  );
});
