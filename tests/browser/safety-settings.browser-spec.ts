import { randomUUID } from 'node:crypto';
import { Clinic } from '@trellis/data';
import { SAFETY_CHECK_IN_EXERCISE } from '@trellis/domain';
import { seriousAccessibilityViolations } from '../support/axe';
import { useBrowserStack } from '../support/browser-journey';
import { createAssignment, createStaff } from '../support/factories';
import { setPassword, TEST_PASSWORD } from '../support/sign-in';
import { DashboardPage } from './dashboard-page';
import { builtInExercise, practiceWithCouple } from './practice';

const suite = useBrowserStack();

describe('safety in the dashboard, in a real browser', () => {
  suite.journey(
    'an admin turns on the private safety check-ins, is told a bad interval, and saves a good one',
    async (journey) => {
      const { db, origin } = journey.stack;
      const { clinic } = await practiceWithCouple(journey.stack);
      const admin = await createStaff(db, clinic, {
        role: 'admin',
        name: 'Avery Admin',
        email: `avery-${randomUUID().slice(0, 6)}@example.test`,
      });
      await setPassword(db, admin);
      const page = await journey.open('Avery (admin)');
      const dashboard = new DashboardPage(page, origin);
      await dashboard.openSignIn();
      await dashboard.signIn(admin.email, TEST_PASSWORD);
      await dashboard.menuItem('Clinic settings').click();

      // Off by default: the switch is off and there is no interval to fill in.
      const on = page.getByRole('switch', { name: 'Send each partner a private safety check-in' });
      await on.waitFor();
      expect(await on.isChecked()).toBe(false);
      const days = page.getByRole('spinbutton', { name: 'Days between check-ins' });
      expect(await days.count()).toBe(0);

      await on.check();
      await days.waitFor();
      expect(await days.inputValue()).toBe('28');
      await days.fill('5');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Between 7 and 180 days.').waitFor();
      expect(await seriousAccessibilityViolations(page, 'clinic-settings-safety-check-ins')).toEqual([]);
      expect((await db.getRepository(Clinic).findOneByOrFail({ id: clinic.id })).safetyCheckInIntervalDays).toBeNull();

      await days.fill('14');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Clinic settings saved.').waitFor();
      expect((await db.getRepository(Clinic).findOneByOrFail({ id: clinic.id })).safetyCheckInIntervalDays).toBe(14);

      // Off again: the clinic sends none.
      await page.getByRole('switch', { name: 'Send each partner a private safety check-in' }).uncheck();
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Clinic settings saved.').waitFor();
      expect((await db.getRepository(Clinic).findOneByOrFail({ id: clinic.id })).safetyCheckInIntervalDays).toBeNull();
    },
  );

  suite.journey(
    'the assign dialog tells the therapist joint work is paused and cautions against a coercion-sensitive exercise',
    async (journey) => {
      const { db, origin } = journey.stack;
      const { therapist, couple, clinic } = await practiceWithCouple(journey.stack);
      const agreements = await builtInExercise(journey.stack, 'agreements-we-can-keep');
      // A partner's "I don't feel safe" opened a pause (raised on the partner's side; here directly).
      await db.query(`INSERT INTO safety_pause (clinic_id, couple_id) VALUES ($1, $2)`, [clinic.id, couple.id]);

      const page = await journey.open('Dana (therapist)');
      const dashboard = new DashboardPage(page, origin);
      await dashboard.openSignIn();
      await dashboard.signIn(therapist.email, TEST_PASSWORD);
      await page.goto(`${origin}/#/couples/${couple.id}/show`);
      await page.getByRole('heading', { level: 1, name: 'Alex & Sam' }).waitFor();
      await page.getByRole('button', { name: 'Assign homework' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Assign homework to Alex & Sam' });
      await dialog
        .getByRole('alert', { name: 'Joint homework paused' })
        .getByText(/Lift the pause/)
        .waitFor();
      await dialog.getByRole('combobox', { name: 'Exercise' }).fill('Agreements we can');
      await page.getByRole('option', { name: new RegExp(agreements.title) }).click();
      await dialog
        .getByRole('alert', { name: 'Before you assign' })
        .getByText(/A safety concern is open for this couple/)
        .waitFor();
      expect(await seriousAccessibilityViolations(page, 'assign-dialog-safety-concern')).toEqual([]);
    },
  );
  suite.journey(
    'after the pause is lifted, a partner’s concerning latest check-in still shows on the couple page and in the assign dialog',
    async (journey) => {
      const { db, origin } = journey.stack;
      const { therapist, couple, partners } = await practiceWithCouple(journey.stack);
      const agreements = await builtInExercise(journey.stack, 'agreements-we-can-keep');
      // Alex's last private check-in said they are sometimes afraid; no pause is open any more.
      const checkIn = await createAssignment(db, couple, partners, {
        dueAt: new Date(Date.now() + 3 * 24 * 3600 * 1000),
        submitted: [true, false],
      });
      // A check-in is judged by the prompts it was sent with: the built-in check-in's.
      await db.query(`UPDATE assignment SET kind = 'safety_check_in', prompts = $2 WHERE id = $1`, [
        checkIn.id,
        JSON.stringify(SAFETY_CHECK_IN_EXERCISE.prompts),
      ]);
      await db.query(`UPDATE homework_response SET answers = $3 WHERE assignment_id = $1 AND client_id = $2`, [
        checkIn.id,
        partners[0].id,
        JSON.stringify({
          safe_at_home: 'yes',
          afraid_of_partner: 'sometimes',
          frightened_or_hurt: 'no',
          joint_exercises_safe: 'yes',
        }),
      ]);

      const page = await journey.open('Dana (therapist)');
      const dashboard = new DashboardPage(page, origin);
      await dashboard.openSignIn();
      await dashboard.signIn(therapist.email, TEST_PASSWORD);
      await page.goto(`${origin}/#/couples/${couple.id}/show`);
      await page.getByRole('heading', { level: 1, name: 'Alex & Sam' }).waitFor();
      await page.getByText('A partner’s latest private check-in had a concerning answer.', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Assign homework' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Assign homework to Alex & Sam' });
      await dialog.getByRole('combobox', { name: 'Exercise' }).fill('Agreements we can');
      await page.getByRole('option', { name: new RegExp(agreements.title) }).click();
      await dialog
        .getByRole('alert', { name: 'Before you assign' })
        .getByText(/A safety concern is open for this couple/)
        .waitFor();
      // Not paused: nothing says assigning will be refused.
      expect(await dialog.getByRole('alert', { name: 'Joint homework paused' }).count()).toBe(0);
      expect(await seriousAccessibilityViolations(page, 'assign-dialog-concerning-check-in')).toEqual([]);
    },
  );
});
