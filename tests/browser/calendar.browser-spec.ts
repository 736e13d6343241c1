import { randomUUID } from 'node:crypto';
import { TherapySession } from '@trellis/data';
import { addLocalDays, fromLocalDateTime, toLocalDateTime } from '@trellis/domain';
import { useBrowserStack } from '../support/browser-journey';
import { eventually } from '../support/eventually';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { setPassword, TEST_PASSWORD } from '../support/sign-in';
import type { Page } from 'playwright-core';
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

/** The local date (YYYY-MM-DD, Europe/London) FullCalendar puts on a day's column. */
function londonDay(at: Date): string {
  const d = toLocalDateTime(at.getTime(), 'Europe/London');
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** The top of the week grid's row for `hour`:00 (its time label and lane carry `data-time`). */
async function hourRow(page: Page, hour: number) {
  const box = await page
    .locator(`[data-time="${String(hour).padStart(2, '0')}:00:00"]`)
    .first()
    .boundingBox();
  if (!box) throw new Error(`no ${hour}:00 row in the week grid`);
  return box;
}

/** The start times ("12:15") shown on the visible blocks of `couple` in the week grid. */
function shownStarts(page: Page, couple: string): Promise<string[]> {
  return page.evaluate((name) => {
    const starts: string[] = [];
    for (const el of Array.from(document.querySelectorAll('[data-date] *'))) {
      const text = el.textContent ?? '';
      const match = /^(\d\d:\d\d)\s*[–-]\s*\d\d:\d\d$/.exec(text.trim());
      const block = el.parentElement?.closest('[data-date] *');
      if (!match || el.children.length > 0 || !block?.textContent?.includes(name)) continue;
      const { height } = el.getBoundingClientRect();
      if (height > 0 && getComputedStyle(el).visibility !== 'hidden') starts.push(match[1]);
    }
    return starts;
  }, couple);
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/**
 * Drags `couple`'s session that starts at `from`:00 on the day of `at` in FullCalendar's week grid
 * with the mouse (down, moves, up) until the block being dragged shows `to`:00, then lets go — as a
 * person watches the block while dragging. A row is half an hour; a drop snaps to 15 minutes.
 */
async function dragSession(page: Page, couple: string, at: Date, from: number, to: number): Promise<void> {
  const column = await page
    .locator(`[data-date="${londonDay(at)}"]`)
    .last()
    .boundingBox();
  if (!column) throw new Error('the week grid has no column for that day');
  const [fromRow, toRow] = [await hourRow(page, from), await hourRow(page, to)];
  const quarter = fromRow.height / 2;
  const x = column.x + column.width / 2;
  const target = to * 60;
  await page.mouse.move(x, fromRow.y + quarter / 2);
  await page.mouse.down();
  await page.mouse.move(x, (fromRow.y + toRow.y) / 2, { steps: 5 });
  let y = toRow.y + quarter / 2;
  await page.mouse.move(x, y, { steps: 5 });
  // Aim by what the dragged block shows, halving the step after an overshoot.
  let step = quarter / 2;
  let lastDirection = 0;
  for (let tries = 0; tries < 12; tries++) {
    const dragged = (await shownStarts(page, couple)).map(minutesOf).filter((m) => m !== from * 60);
    const shown = dragged.length ? dragged[0] : from * 60;
    if (shown === target) break;
    const direction = Math.sign(target - shown);
    if (lastDirection && direction !== lastDirection) step /= 2;
    lastDirection = direction;
    y += direction * step;
    await page.mouse.move(x, y);
  }
  await page.mouse.up();
}

describe('the schedule in a real browser: calendar and a couple’s sessions', () => {
  suite.journey(
    'a therapist sees the week, drags a session to another time, is refused an overlap, and opens the couple from it',
    async (journey) => {
      const { db, origin } = journey.stack;
      const clinic = await createClinic(db, { name: CLINIC_NAME, timezone: 'Europe/London' });
      const therapist = await createStaff(db, clinic, {
        name: THERAPIST_NAME,
        email: `dana-${randomUUID().slice(0, 6)}@example.test`,
      });
      await setPassword(db, therapist);
      const { couple } = await createCouple(db, clinic, therapist, { displayName: 'Alex & Sam' });
      const { couple: other } = await createCouple(db, clinic, therapist, { displayName: 'Jo & Kim' });
      const startsAt = thisWednesdayAt(10);
      const sessions = db.getRepository(TherapySession);
      const base = {
        clinicId: clinic.id,
        therapistId: therapist.id,
        seriesId: null,
        frequency: null,
        durationMinutes: 50,
        location: 'Room 2',
        videoUrl: null,
        status: 'scheduled' as const,
      };
      const session = await sessions.save({ ...base, coupleId: couple.id, startsAt });
      await sessions.save({ ...base, coupleId: other.id, startsAt: thisWednesdayAt(15) });

      const page = await journey.open('Dana (therapist)');
      const dashboard = new DashboardPage(page, origin);
      await dashboard.openSignIn();
      await dashboard.signIn(therapist.email, TEST_PASSWORD);
      await dashboard.menuItem('Calendar').click();
      await page.getByRole('button', { name: /10:00.*Alex & Sam/ }).waitFor();

      // Dragged two hours down the same day, it moves to 12:00.
      await dragSession(page, 'Alex & Sam', startsAt, 10, 12);
      await eventually(async () => {
        const moved = await sessions.findOneByOrFail({ id: session.id });
        expect(moved.startsAt.getTime()).toBe(startsAt.getTime() + 2 * 3_600_000);
      });
      await page.getByRole('button', { name: /12:00.*Alex & Sam/ }).waitFor();

      // Onto Jo & Kim's 15:00: the API refuses the overlap, the block goes back and the message says why.
      await dragSession(page, 'Alex & Sam', startsAt, 12, 15);
      await page.getByText(/already has a session/).waitFor();
      await page.getByRole('button', { name: /12:00.*Alex & Sam/ }).waitFor();
      expect((await sessions.findOneByOrFail({ id: session.id })).startsAt.getTime()).toBe(
        startsAt.getTime() + 2 * 3_600_000,
      );

      await page.getByRole('button', { name: 'Agenda' }).click();
      await page.getByRole('button', { name: /12:00.*Alex & Sam/ }).click();
      await page.waitForURL(new RegExp(`/couples/${couple.id}/show`));
    },
  );

  suite.journey('a therapist drags a session of a weekly series and moves it with all later ones', async (journey) => {
    const { db, origin } = journey.stack;
    const clinic = await createClinic(db, { name: CLINIC_NAME, timezone: 'Europe/London' });
    const therapist = await createStaff(db, clinic, {
      name: THERAPIST_NAME,
      email: `dana-${randomUUID().slice(0, 6)}@example.test`,
    });
    await setPassword(db, therapist);
    const { couple } = await createCouple(db, clinic, therapist, { displayName: 'Alex & Sam' });
    const first = thisWednesdayAt(10);
    const seriesId = randomUUID();
    const sessions = db.getRepository(TherapySession);
    for (const week of [0, 1, 2])
      await sessions.save({
        clinicId: clinic.id,
        coupleId: couple.id,
        therapistId: therapist.id,
        seriesId,
        frequency: 'weekly' as const,
        startsAt: new Date(
          fromLocalDateTime(
            { ...addLocalDays(toLocalDateTime(first.getTime(), 'Europe/London'), 7 * week), second: 0 },
            'Europe/London',
          ),
        ),
        durationMinutes: 50,
        location: null,
        videoUrl: null,
        status: 'scheduled' as const,
      });

    const page = await journey.open('Dana (therapist)');
    const dashboard = new DashboardPage(page, origin);
    await dashboard.openSignIn();
    await dashboard.signIn(therapist.email, TEST_PASSWORD);
    await page.goto(`${origin}/#/calendar`);
    await page.getByRole('button', { name: /10:00.*Alex & Sam/ }).waitFor();

    await dragSession(page, 'Alex & Sam', first, 10, 11);
    const dialog = page.getByRole('dialog', { name: /series/ });
    await dialog.getByRole('button', { name: 'This and all later ones' }).click();
    await eventually(async () => {
      const hours = (await sessions.find({ where: { seriesId }, order: { startsAt: 'ASC' } })).map(
        (s) => toLocalDateTime(s.startsAt.getTime(), 'Europe/London').hour,
      );
      expect(hours).toEqual([11, 11, 11]);
    });
    await page.getByRole('button', { name: /11:00.*Alex & Sam/ }).waitFor();
  });

  suite.journey('an admin can narrow the calendar to a therapist who has nothing booked this week', async (journey) => {
    const { db, origin } = journey.stack;
    const clinic = await createClinic(db, { name: CLINIC_NAME, timezone: 'Europe/London' });
    const therapist = await createStaff(db, clinic, {
      name: THERAPIST_NAME,
      email: `dana-${randomUUID().slice(0, 6)}@example.test`,
    });
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
    await dashboard.menuItem('Calendar').click();
    await page.getByText('No sessions this week').waitFor();
    await page.getByRole('combobox', { name: 'Therapist' }).click();
    const narrowed = page.waitForRequest((req) => req.url().includes(`therapistId=${therapist.id}`));
    await page.getByRole('option', { name: therapist.name }).click();
    await narrowed;
    await page.getByRole('combobox', { name: 'Therapist' }).filter({ hasText: therapist.name }).waitFor();
  });

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
