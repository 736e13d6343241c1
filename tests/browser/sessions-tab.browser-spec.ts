import { randomUUID } from 'node:crypto';
import { TherapySession } from '@trellis/data';
import { addLocalDays, fromLocalDateTime, toLocalDateTime, type LocalDateTime } from '@trellis/domain';
import { moderateAccessibilityViolations } from '../support/axe';
import { useBrowserStack } from '../support/browser-journey';
import { eventually } from '../support/eventually';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { setPassword, TEST_PASSWORD } from '../support/sign-in';
import { DashboardPage } from './dashboard-page';
import { CLINIC_NAME, THERAPIST_NAME } from './practice';

const suite = useBrowserStack();
const ZONE = 'Europe/London'; // the clinic's zone and the browser's
const HOUR = 3_600_000;

const two = (n: number) => String(n).padStart(2, '0');
/** A `datetime-local` input's value for a local time. */
const inputValue = (t: Pick<LocalDateTime, 'year' | 'month' | 'day' | 'hour' | 'minute'>) =>
  `${t.year}-${two(t.month)}-${two(t.day)}T${two(t.hour)}:${two(t.minute)}`;
/** A session's next day at 07:00 in the clinic's local time (whatever the clocks do in between). */
const nextDayAtSeven = (at: Date): LocalDateTime => ({
  ...addLocalDays(toLocalDateTime(at.getTime(), ZONE), 1),
  hour: 7,
  minute: 0,
  second: 0,
});

describe('a couple’s Sessions tab in a real browser', () => {
  suite.journey(
    'a therapist books a weekly series, records who came, signs the note from the session, and moves the rest of the series',
    async (journey) => {
      const { db, origin } = journey.stack;
      const clinic = await createClinic(db, { name: CLINIC_NAME, timezone: ZONE });
      const therapist = await createStaff(db, clinic, {
        name: THERAPIST_NAME,
        email: `dana-${randomUUID().slice(0, 6)}@example.test`,
      });
      await setPassword(db, therapist);
      const { couple, partners } = await createCouple(db, clinic, therapist, { displayName: 'Alex & Sam' });
      const sessions = db.getRepository(TherapySession);
      const series = () => sessions.find({ where: { coupleId: couple.id }, order: { startsAt: 'ASC' } });

      const page = await journey.open('Dana (therapist)');
      const dashboard = new DashboardPage(page, origin);
      await dashboard.openSignIn();
      await dashboard.signIn(therapist.email, TEST_PASSWORD);
      await page.goto(`${origin}/#/couples/${couple.id}/show/sessions`);

      // Four weekly sessions, the first of which began two hours ago (so it can be held now).
      const start = toLocalDateTime(Date.now() - 2 * HOUR, ZONE);
      await page.getByLabel('Starts').fill(inputValue({ ...start, minute: 0 }));
      await page.getByLabel('Repeat').click();
      await page.getByRole('option', { name: 'Weekly' }).click();
      await page.getByLabel('Sessions', { exact: true }).fill('4');
      await page.getByRole('button', { name: 'Book', exact: true }).click();
      await page.getByText('4 sessions booked').waitFor();
      const booked = await eventually(async () => {
        const rows = await series();
        expect(rows).toHaveLength(4);
        return rows;
      });
      expect(new Set(booked.map((s) => s.seriesId)).size).toBe(1);

      // Latest first: the held session is the last card.
      const cards = page.getByRole('article', { name: /^Session / });
      await eventually(async () => expect(await cards.count()).toBe(4));
      const first = cards.nth(3);
      await first.getByRole('button', { name: 'Record attendance' }).click();
      // Both absent is not a held session: the refusal shows under each partner, nothing is saved.
      for (const partner of partners) {
        await first.getByLabel(partner.name).click();
        await page.getByRole('option', { name: 'Absent' }).click();
      }
      await first.getByRole('button', { name: 'Save: held' }).click();
      await first
        .getByText(/held session needs at least one partner/i)
        .first()
        .waitFor();
      expect(await first.getByText(/held session needs at least one partner/i).count()).toBe(2);
      await first.getByLabel(partners[0].name).click();
      await page.getByRole('option', { name: 'Attended' }).click();
      expect(await first.getByText(/held session needs at least one partner/i).count()).toBe(0);
      await first.getByRole('button', { name: 'Save: held' }).click();
      await first.getByText(`${partners[1].name}: Absent`).waitFor();

      await first.getByRole('button', { name: 'Write note' }).click();
      await first.getByRole('textbox', { name: /Subjective/ }).fill('Only Alex came; we worked on what to bring home.');
      await first.getByRole('button', { name: 'Save draft' }).click();
      await first.getByText('Note draft', { exact: true }).waitFor();

      // Signing is confirmed first: a signed note is final.
      await first.getByRole('button', { name: 'Sign note' }).click();
      const dialog = page.getByRole('dialog', { name: 'Sign this note?' });
      await dialog.getByRole('button', { name: 'Sign note' }).click();
      await first.getByText('Note signed', { exact: true }).waitFor();
      await first.getByRole('button', { name: 'Sign note' }).waitFor({ state: 'detached' });
      const held = await sessions.findOneByOrFail({ id: booked[0].id });
      expect(held.status).toBe('held');
      expect(held.attendancePartner2).toBe('absent');
      const notes = await db.query(`SELECT session_id, signed_at FROM session_note WHERE couple_id = $1`, [couple.id]);
      expect(notes).toHaveLength(1);
      expect(notes[0].session_id).toBe(held.id);
      expect(notes[0].signed_at).not.toBeNull();

      // Moving the third session onto a time the therapist already has is refused, with the API's words.
      const third = cards.nth(1);
      const target = toLocalDateTime(booked[3].startsAt.getTime(), ZONE);
      // From the keyboard alone: Enter on Move opens the form with the focus in its first field.
      await third.getByRole('button', { name: 'Move', exact: true }).focus();
      await page.keyboard.press('Enter');
      await eventually(async () =>
        expect(await third.getByLabel('New start').evaluate((input) => input === document.activeElement)).toBe(true),
      );
      expect(await moderateAccessibilityViolations(page, 'sessions-tab-move-form')).toEqual([]);
      // A field the API refuses is named under its input.
      await third.getByLabel('Video link').fill('http://meet.example.test/alex-sam');
      await third.getByRole('button', { name: 'Save changes' }).click();
      await third.getByText('must be an https link').waitFor();
      await third.getByLabel('Video link').fill('');
      await third.getByLabel('New start').fill(inputValue(target));
      await third.getByRole('button', { name: 'Save changes' }).click();
      await third
        .getByRole('alert')
        .getByText(/already has a session/)
        .waitFor();

      // The third and fourth move to the next day at 07:00; the first two stay where they were.
      await third.getByLabel('New start').fill(inputValue(nextDayAtSeven(booked[2].startsAt)));
      await third.getByRole('radio', { name: 'This and all later sessions' }).check();
      await third.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('This and all later sessions moved').waitFor();
      await eventually(async () => {
        const rows = await series();
        expect(rows.map((s) => s.startsAt.getTime())).toEqual([
          booked[0].startsAt.getTime(),
          booked[1].startsAt.getTime(),
          fromLocalDateTime(nextDayAtSeven(booked[2].startsAt), ZONE),
          fromLocalDateTime(nextDayAtSeven(booked[3].startsAt), ZONE),
        ]);
      });
    },
  );
});
