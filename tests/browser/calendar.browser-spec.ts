import { randomUUID } from 'node:crypto';
import { TherapySession } from '@trellis/data';
import { addLocalDays, fromLocalDateTime, toLocalDateTime } from '@trellis/domain';
import { useBrowserStack } from '../support/browser-journey';
import { eventually } from '../support/eventually';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { setPassword, TEST_PASSWORD } from '../support/sign-in';
import { DashboardPage } from './dashboard-page';
import { CLINIC_NAME, THERAPIST_NAME } from './practice';

const suite = useBrowserStack();

/** Wednesday of the current week (Monday first) at `hour`:00 in the browser's zone (Europe/London). */
function thisWednesdayAt(hour: number): Date {
  const zone = 'Europe/London';
  const today = toLocalDateTime(Date.now(), zone);
  const fromMonday = (new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay() + 6) % 7;
  return new Date(fromLocalDateTime({ ...addLocalDays(today, 2 - fromMonday), hour, minute: 0, second: 0 }, zone));
}

describe('the schedule in a real browser: calendar and a couple’s sessions', () => {
  suite.journey(
    'a therapist sees the week, drags a session to another time, and opens the couple from it',
    async (journey) => {
      const { db, origin } = journey.stack;
      const clinic = await createClinic(db, { name: CLINIC_NAME, timezone: 'Europe/London' });
      const therapist = await createStaff(db, clinic, {
        name: THERAPIST_NAME,
        email: `dana-${randomUUID().slice(0, 6)}@example.test`,
      });
      await setPassword(db, therapist);
      const { couple } = await createCouple(db, clinic, therapist, { displayName: 'Alex & Sam' });
      const startsAt = thisWednesdayAt(10);
      const session = await db.getRepository(TherapySession).save({
        clinicId: clinic.id,
        coupleId: couple.id,
        therapistId: therapist.id,
        seriesId: null,
        frequency: null,
        startsAt,
        durationMinutes: 50,
        location: 'Room 2',
        videoUrl: null,
        status: 'scheduled' as const,
      });

      const page = await journey.open('Dana (therapist)');
      const dashboard = new DashboardPage(page, origin);
      await dashboard.openSignIn();
      await dashboard.signIn(therapist.email, TEST_PASSWORD);
      await dashboard.menuItem('Calendar').click();

      const block = page.getByRole('button', { name: /10:00.*Alex & Sam/ });
      await block.waitFor();

      // Drag it two hours down the same day (the grid starts at 08:00, 0.8 px a minute): it moves to 12:00.
      await block.dragTo(page.getByTestId('calendar-day-2'), {
        sourcePosition: { x: 10, y: 5 },
        targetPosition: { x: 10, y: 2 * 60 * 0.8 + 2 * 60 * 0.8 + 5 },
      });
      await eventually(async () => {
        const moved = await db.getRepository(TherapySession).findOneByOrFail({ id: session.id });
        expect(moved.startsAt.getTime()).toBe(startsAt.getTime() + 2 * 3_600_000);
      });

      await page.getByRole('button', { name: 'Agenda' }).click();
      await page.getByText(/12:00.*Alex & Sam/).click();
      await page.waitForURL(new RegExp(`/couples/${couple.id}/show`));
    },
  );

  suite.journey(
    'a therapist books a weekly series, marks one partner absent and writes the note from the session',
    async (journey) => {
      const { db, origin } = journey.stack;
      const clinic = await createClinic(db, { name: CLINIC_NAME, timezone: 'Europe/London' });
      const therapist = await createStaff(db, clinic, {
        name: THERAPIST_NAME,
        email: `dana-${randomUUID().slice(0, 6)}@example.test`,
      });
      await setPassword(db, therapist);
      const { couple, partners } = await createCouple(db, clinic, therapist, { displayName: 'Alex & Sam' });

      const page = await journey.open('Dana (therapist)');
      const dashboard = new DashboardPage(page, origin);
      await dashboard.openSignIn();
      await dashboard.signIn(therapist.email, TEST_PASSWORD);
      await page.goto(`${origin}/#/couples/${couple.id}/show/sessions`);

      // The first of three weekly sessions began two hours ago (the browser is in London).
      const start = toLocalDateTime(Date.now() - 2 * 3_600_000, 'Europe/London');
      const two = (n: number) => String(n).padStart(2, '0');
      await page.getByLabel('Starts').fill(`${start.year}-${two(start.month)}-${two(start.day)}T${two(start.hour)}:00`);
      await page.getByLabel('Repeat').click();
      await page.getByRole('option', { name: 'Weekly' }).click();
      await page.getByLabel('Sessions', { exact: true }).fill('3');
      await page.getByRole('button', { name: 'Book', exact: true }).click();
      await page.getByText('3 sessions booked').waitFor();
      await eventually(async () =>
        expect(await db.getRepository(TherapySession).countBy({ coupleId: couple.id, frequency: 'weekly' })).toBe(3),
      );

      // Only the one that has started can have its attendance recorded.
      await page.getByRole('button', { name: 'Record attendance' }).click();
      await page.getByLabel(partners[1].name).click();
      await page.getByRole('option', { name: 'Absent' }).click();
      await page.getByRole('button', { name: 'Save: held' }).click();
      await page.getByText(`${partners[1].name}: Absent`).waitFor();

      await page.getByRole('button', { name: 'Write note' }).click();
      await page.getByRole('textbox', { name: /Subjective/ }).fill('Only Alex came; we worked on what to bring home.');
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.getByText('Note draft').waitFor();
      const held = await db.getRepository(TherapySession).findOneByOrFail({ coupleId: couple.id, status: 'held' });
      expect(held.attendancePartner2).toBe('absent');
      const [note] = await db.query(`SELECT session_id, signed_at FROM session_note WHERE couple_id = $1`, [couple.id]);
      expect(note).toEqual({ session_id: held.id, signed_at: null });
    },
  );
});
