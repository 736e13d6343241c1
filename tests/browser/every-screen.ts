import { randomUUID } from 'node:crypto';
import { TherapySession } from '@trellis/data';
import { addLocalDays, fromLocalDateTime, toLocalDateTime } from '@trellis/domain';
import type { Page } from 'playwright-core';
import type { Journey } from '../support/browser-journey';
import { createStaff } from '../support/factories';
import { setPassword, signIn, TEST_PASSWORD } from '../support/sign-in';
import { DashboardPage } from './dashboard-page';
import { assign, builtInExercise, practiceWithCouple } from './practice';

// Every screen of the staff dashboard, opened the way a person reaches it and handed to `check`
// once it shows its data: the axe journey checks each one, the React-warnings journey walks the
// same screens in React's development build.

/** Looks at a screen once it is ready; `label` names it in reports. */
export type ScreenCheck = (page: Page, label: string) => Promise<void>;

async function firstMeasureId(agent: Awaited<ReturnType<typeof signIn>>): Promise<string> {
  const res = await agent.agent.get('/api/v1/measures').expect(200);
  const list = Array.isArray(res.body) ? res.body : res.body.data;
  return list[0].id as string;
}

/** Wednesday of the current week (Monday first) at `hour`:00 in the browsers' zone (Europe/London). */
function thisWednesdayAt(hour: number): Date {
  const today = toLocalDateTime(Date.now(), 'Europe/London');
  const fromMonday = (new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay() + 6) % 7;
  return new Date(
    fromLocalDateTime({ ...addLocalDays(today, 2 - fromMonday), hour, minute: 0, second: 0 }, 'Europe/London'),
  );
}

/** A scheduled and a cancelled session this week, so the calendar shows both kinds of block. */
async function sessionsThisWeek(journey: Journey, couple: { id: string; clinicId: string; therapistId: string }) {
  const base = {
    clinicId: couple.clinicId,
    coupleId: couple.id,
    therapistId: couple.therapistId,
    seriesId: null,
    frequency: null,
    durationMinutes: 50,
    location: 'Room 2',
    videoUrl: null,
  };
  await journey.stack.db.getRepository(TherapySession).save([
    { ...base, startsAt: thisWednesdayAt(10), status: 'scheduled' as const },
    {
      ...base,
      startsAt: thisWednesdayAt(14),
      status: 'cancelled' as const,
      cancelReason: 'Partner unwell',
      cancelledAt: new Date(),
    },
  ]);
}

/** A therapist's screens: home, caseload, a couple's tabs, forms, library, measures, digests, account. */
export async function walkTherapistScreens(journey: Journey, check: ScreenCheck): Promise<void> {
  const { origin } = journey.stack;
  const { therapist, couple, asTherapist } = await practiceWithCouple(journey.stack);
  const exercise = await builtInExercise(journey.stack, 'honest-check-in');
  await assign(asTherapist, exercise.id, couple.id);
  // Repeating homework: the couple's page lists the series above the homework cards.
  const repeated = await builtInExercise(journey.stack, 'complaint-to-request');
  await asTherapist.agent
    .post('/api/v1/assignment-series')
    .set('x-csrf-token', asTherapist.csrfToken)
    .send({
      coupleId: couple.id,
      exerciseId: repeated.id,
      rhythm: 'weekdays',
      weekdays: [1, 4],
      dueTime: '18:00',
      startsOn: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10),
      count: 6,
    })
    .expect(201);
  const measureId = await firstMeasureId(asTherapist);
  await sessionsThisWeek(journey, couple);

  const page = await journey.open('Dana (therapist)');
  const dashboard = new DashboardPage(page, origin);

  await dashboard.openSignIn();
  await check(page, 'sign-in');
  await page.goto(`${origin}/#/forgot-password`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await check(page, 'forgot-password');

  await dashboard.openSignIn();
  await dashboard.signIn(therapist.email, TEST_PASSWORD);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await check(page, 'therapist-home');

  await dashboard.menuItem('Couples').click();
  await page.getByText('Alex & Sam', { exact: true }).waitFor();
  await check(page, 'couples-list');

  await page.goto(`${origin}/#/couples/create`);
  await page.locator('form').first().waitFor();
  await check(page, 'couple-create');

  await page.goto(`${origin}/#/couples/${couple.id}/show`);
  await page.getByRole('heading', { level: 1, name: 'Alex & Sam' }).waitFor();
  await page.getByRole('article', { name: exercise.title }).waitFor();
  await page.getByRole('region', { name: 'Repeating homework' }).waitFor();
  await check(page, 'couple-homework');
  for (const tab of ['Timeline', 'Notes', 'Progress', 'Program', 'Agreements']) {
    await page.getByRole('tab', { name: tab }).click();
    await page.waitForLoadState('networkidle');
    await check(page, `couple-${tab.toLowerCase()}`);
  }

  await page.goto(`${origin}/#/couples/${couple.id}`);
  await page.locator('form').first().waitFor();
  await check(page, 'couple-edit');

  await dashboard.menuItem('Exercise library').click();
  await page.getByRole('row').filter({ hasText: exercise.title }).waitFor();
  await check(page, 'exercise-library');
  await page.goto(`${origin}/#/exercises/${exercise.id}/show`);
  await page.getByRole('heading', { level: 1, name: exercise.title }).waitFor();
  await check(page, 'exercise-show');
  await page.goto(`${origin}/#/exercises/create`);
  await page.locator('form').first().waitFor();
  await check(page, 'exercise-create');

  await dashboard.menuItem('Programs').click();
  await page.getByRole('row').filter({ hasText: 'Rebuilding trust' }).waitFor();
  await check(page, 'programs-list');
  await page.getByRole('row').filter({ hasText: 'Rebuilding trust' }).click();
  await page.getByRole('heading', { level: 1, name: 'Rebuilding trust' }).waitFor();
  await check(page, 'program-show');
  await page.goto(`${origin}/#/programs/create`);
  await page.getByRole('form', { name: 'New program' }).waitFor();
  await check(page, 'program-create');

  await page.goto(`${origin}/#/measures`);
  await page.getByRole('row').nth(1).waitFor();
  await check(page, 'measures-list');
  await page.goto(`${origin}/#/measures/${measureId}/show`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await check(page, 'measure-show');
  await page.goto(`${origin}/#/measures/create`);
  await page.locator('form').first().waitFor();
  await check(page, 'measure-create');

  await page.goto(`${origin}/#/digests`);
  await page.getByRole('heading', { level: 1, name: 'Digests' }).waitFor();
  await page.waitForLoadState('networkidle');
  await check(page, 'digests-list');

  await dashboard.menuItem('Calendar').click();
  await page.getByRole('button', { name: /10:00.*Alex & Sam/ }).waitFor();
  await page.waitForLoadState('networkidle');
  await check(page, 'calendar-week');
  await page.getByRole('button', { name: 'Agenda' }).click();
  await page.getByRole('button', { name: /10:00.*Alex & Sam/ }).waitFor();
  await check(page, 'calendar-agenda');

  await page.goto(`${origin}/#/calendar/feed`);
  await page.getByRole('heading', { level: 1, name: 'Calendar feed' }).waitFor();
  await page.waitForLoadState('networkidle');
  await check(page, 'calendar-feed');

  await dashboard.menuItem('Your account').click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await check(page, 'account');
}

/**
 * An admin's screens: home, calendar, staff, inviting, editing a person, audit trail, job queues, clinic
 * settings, the clinic's safety screen.
 */
export async function walkAdminScreens(journey: Journey, check: ScreenCheck): Promise<void> {
  const { db, origin } = journey.stack;
  const { clinic, therapist } = await practiceWithCouple(journey.stack);
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
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await check(page, 'admin-home');

  // Every therapist's calendar; the filter offers the clinic's therapists even in an empty week.
  await dashboard.menuItem('Calendar').click();
  await page.getByRole('heading', { level: 1, name: 'Calendar' }).waitFor();
  await page.waitForLoadState('networkidle');
  await check(page, 'admin-calendar');

  await dashboard.menuItem('Staff').click();
  await page.getByRole('cell', { name: 'Avery Admin' }).waitFor();
  await check(page, 'staff-list');
  await page.goto(`${origin}/#/staff/create`);
  await page.getByRole('textbox', { name: /email/i }).first().waitFor();
  await check(page, 'staff-invite');
  await page.goto(`${origin}/#/staff/${therapist.id}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await check(page, 'staff-edit');

  await page.goto(`${origin}/#/audit`);
  await page.getByRole('row').nth(1).waitFor();
  await check(page, 'audit-trail');

  await dashboard.menuItem('Job queues').click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await check(page, 'job-queues');

  await dashboard.menuItem('Clinic settings').click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await check(page, 'clinic-settings');

  // The clinic's own safety screen, reached from the settings' check-in section.
  await page.getByRole('link', { name: /clinic’s own screen/ }).click();
  await page.getByRole('heading', { name: 'Clinic safety screen', level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'Preview', level: 2 }).waitFor();
  await check(page, 'clinic-safety-screen');
}
