/// <reference lib="dom" />
import { randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import { Assignment, AssignmentSeries, Exercise } from '@trellis/data';
import { type AxeFinding, seriousAccessibilityViolations } from '../support/axe';
import { until } from '../support/eventually';
import { useBrowserStack } from '../support/browser-journey';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { setPassword, TEST_PASSWORD } from '../support/sign-in';
import { DashboardPage } from './dashboard-page';
import { CLINIC_NAME, THERAPIST_NAME } from './practice';

const suite = useBrowserStack();

describe('recurring homework in a real browser', () => {
  suite.journey(
    'the therapist repeats an exercise weekly, sees the next due date, changes the time and stops it',
    async (journey) => {
      const { db, origin } = journey.stack;
      const clinic = await createClinic(db, { name: CLINIC_NAME });
      const id = randomUUID().slice(0, 6);
      const therapist = await createStaff(db, clinic, { name: THERAPIST_NAME, email: `dana-${id}@example.test` });
      await setPassword(db, therapist);
      const { couple } = await createCouple(db, clinic, therapist, { displayName: 'Robin & Kai' });
      const exercise = await db.getRepository(Exercise).findOneByOrFail({ clinicId: IsNull(), strategy: 'openness' });
      const findings: AxeFinding[] = [];

      const page = await journey.open('Dana (therapist)');
      const dashboard = new DashboardPage(page, origin);
      await dashboard.openSignIn();
      await dashboard.signIn(therapist.email, TEST_PASSWORD);
      await dashboard.menuItem('Couples').click();
      await page.getByText('Robin & Kai').first().click();
      await page.getByRole('button', { name: 'Assign homework' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Assign homework to Robin & Kai' });
      await dialog.getByRole('combobox', { name: 'Exercise' }).fill(exercise.title.slice(0, 12));
      await page.getByRole('option', { name: new RegExp(`^${exercise.title} —`) }).click();
      const listbox = page.locator('[role="listbox"]');
      await listbox.waitFor({ state: 'detached' });
      await dialog.getByRole('combobox', { name: 'Repeat' }).click();
      await page.getByRole('option', { name: 'Every week' }).click();
      await listbox.waitFor({ state: 'detached' });
      await dialog.getByRole('spinbutton', { name: 'Number of times' }).fill('3');
      findings.push(...(await seriousAccessibilityViolations(page, 'assign dialog, repeating')));
      await dialog.getByRole('button', { name: 'Assign' }).click();
      await page.getByRole('dialog', { name: 'Homework assigned' }).getByRole('button', { name: 'Done' }).click();

      // The couple's page: the series, what it does and when the next one is due.
      const section = page.getByRole('region', { name: 'Repeating homework' });
      const card = section.getByRole('article', { name: exercise.title });
      await card.getByText(/^Every week on \w+ at \d\d:\d\d, 3 times .*1 sent so far · Next due/).waitFor();
      findings.push(...(await seriousAccessibilityViolations(page, 'couple page with repeating homework')));
      await journey.documentScreen(page, 'repeating-homework');
      const series = await db.getRepository(AssignmentSeries).findOneByOrFail({ coupleId: couple.id });
      expect(await db.getRepository(Assignment).countBy({ seriesId: series.id })).toBe(1);

      // Changing the time: from the next one on.
      await card.getByRole('button', { name: 'Change' }).click();
      const edit = page.getByRole('dialog', { name: /from the next time on/ });
      await edit.getByLabel('Due time').fill('07:30');
      // Checked once the dialog has faded in: mid-fade, every colour is washed out.
      await page.waitForFunction(() =>
        Array.from(document.querySelectorAll('.MuiDialog-container')).every((e) => getComputedStyle(e).opacity === '1'),
      );
      findings.push(...(await seriousAccessibilityViolations(page, 'change repeating homework')));
      await edit.getByRole('button', { name: 'Save' }).click();
      await card.getByText(/at 07:30, 3 times/).waitFor();

      // Stopping it.
      await card.getByRole('button', { name: 'Stop' }).click();
      await page
        .getByRole('dialog', { name: /Stop repeating/ })
        .getByRole('button', { name: 'Stop' })
        .click();
      await section.waitFor({ state: 'detached' });
      // The section can leave the page for a moment while it refetches, before the stop's answer:
      // wait for the stop itself (a stop that never lands still fails here).
      await until(
        async () => (await db.getRepository(AssignmentSeries).findOneByOrFail({ id: series.id })).status === 'stopped',
      );
      await section.waitFor({ state: 'detached' });
      expect(findings).toEqual([]);
    },
    120_000,
  );
});
