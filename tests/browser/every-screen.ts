import { randomUUID } from 'node:crypto';
import { Digest, TherapySession } from '@trellis/data';
import { addLocalDays, fromLocalDateTime, toLocalDateTime, TRUST_AND_CONNECTION_CHECK_IN } from '@trellis/domain';
import type { Page } from 'playwright-core';
import request from 'supertest';
import type { Journey } from '../support/browser-journey';
import { dashboardLinkFromEmail, followEmailedLink } from '../support/email-links';
import { createStaff } from '../support/factories';
import { setPassword, signIn, TEST_PASSWORD } from '../support/sign-in';
import { DashboardPage } from './dashboard-page';
import {
  assign,
  builtInExercise,
  CLINIC_NAME,
  createMixedExercise,
  practiceWithCouple,
  submitFromEmailedLink,
} from './practice';

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

/** POSTs as the signed-in person and returns the created record's id. */
async function created(agent: Awaited<ReturnType<typeof signIn>>, path: string, body: object): Promise<string> {
  const res = await agent.agent.post(path).set('x-csrf-token', agent.csrfToken).send(body).expect(201);
  return res.body.id as string;
}

/**
 * A therapist's screens: sign-in and password pages, home, caseload, a couple's tabs (Sessions
 * included) and the assign-homework dialog, the printable record, the review page, forms (new and
 * edit) for couples, exercises, programs and measures, a digest, the calendar's week and agenda, the calendar feed, the account with
 * two-factor set-up's QR code.
 */
export async function walkTherapistScreens(journey: Journey, check: ScreenCheck): Promise<void> {
  const { origin } = journey.stack;
  const { therapist, couple, partners, asTherapist } = await practiceWithCouple(journey.stack);
  const exercise = await builtInExercise(journey.stack, 'honest-check-in');
  const assignmentId = await assign(asTherapist, exercise.id, couple.id);
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
  // Weekly sessions for the Sessions tab, and one partner's answers for the review page.
  const nextSession = new Date(Date.now() + 2 * 86_400_000);
  nextSession.setUTCHours(16, 0, 0, 0);
  await created(asTherapist, `/api/v1/couples/${couple.id}/sessions`, {
    startsAt: nextSession.toISOString(),
    durationMinutes: 50,
    location: 'Room 2',
    frequency: 'weekly',
    occurrences: 3,
  });
  await submitFromEmailedLink(journey.stack, partners[0].email, {
    safety_to_speak: 6,
    unsaid_thing: 'I miss our Sunday walks and I would like us to start them again.',
    hardest_part: 'finding_words',
    what_would_help: 'Ask me how my week was, and wait for the answer.',
  });
  // The clinic's own exercise, measure and program: built-ins are read-only, so only these have
  // edit pages. A weekly digest as the worker would have stored it.
  const ownExercise = await createMixedExercise(asTherapist);
  const ownMeasureId = await created(asTherapist, '/api/v1/measures', {
    title: 'Our weekly closeness',
    kind: 'outcome',
    definition: TRUST_AND_CONNECTION_CHECK_IN.definition,
  });
  const ownProgramId = await created(asTherapist, '/api/v1/programs', {
    title: 'Our first month',
    steps: [
      { title: ownExercise.title, kind: 'exercise', exerciseId: ownExercise.id, opensWhen: 'both_submitted' },
      { title: 'How are we doing?', kind: 'check_in', measureId: ownMeasureId, opensWhen: 'both_submitted' },
      { title: 'Talk it through', kind: 'discuss', opensWhen: 'both_submitted' },
    ],
  });
  const digest = await journey.stack.db.getRepository(Digest).save({
    clinicId: therapist.clinicId,
    therapistId: therapist.id,
    kind: 'weekly',
    coupleId: null,
    periodStart: new Date(Date.now() - 7 * 86_400_000),
    periodEnd: new Date(),
    content: {
      therapistName: therapist.name,
      clinicName: CLINIC_NAME,
      periodLabel: 'the past week',
      couples: [
        {
          coupleId: couple.id,
          coupleName: 'Alex & Sam',
          completed: 1,
          overdue: 1,
          awaitingReview: 1,
          engagement: 'Alex did all; Sam missed 1 of the last 2',
          checkInWith: ['Sam'],
          notableScales: [
            { partner: 'Alex', exercise: exercise.title, prompt: 'How safe did you feel?', value: 1, max: 10 },
          ],
        },
      ],
      offTrack: [{ coupleId: couple.id, coupleName: 'Alex & Sam' }],
    },
  });
  // A password-reset link, as the email gives it.
  await request(origin).post('/api/v1/auth/password-reset').send({ email: therapist.email }).expect(202);
  const resetEmail = await journey.stack.mailbox.waitForMessageTo(therapist.email, /reset/i);
  await followEmailedLink(origin, resetEmail.raw, 'password-reset');
  await sessionsThisWeek(journey, couple);

  const page = await journey.open('Dana (therapist)');
  const dashboard = new DashboardPage(page, origin);

  await dashboard.openSignIn();
  await check(page, 'sign-in');
  await page.goto(`${origin}/#/forgot-password`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await check(page, 'forgot-password');
  await page.goto(dashboardLinkFromEmail(resetEmail.raw, origin, 'reset-password'));
  await page.getByRole('heading', { level: 1 }).waitFor();
  await dashboard.passwordInput('New password').waitFor();
  await check(page, 'reset-password');

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
  await page.getByRole('tab', { name: 'Sessions' }).click();
  await page.waitForLoadState('networkidle');
  await check(page, 'couple-sessions');
  await page.getByRole('tab', { name: 'Homework' }).click();
  await page.getByRole('button', { name: 'Assign homework' }).first().click();
  const assignDialog = page.getByRole('dialog', { name: 'Assign homework to Alex & Sam' });
  await assignDialog.waitFor();
  await page.waitForLoadState('networkidle');
  await check(page, 'assign-homework-dialog');
  await page.keyboard.press('Escape');
  await assignDialog.waitFor({ state: 'hidden' });

  // The printable record the couple's page links to (a page of the API, not of the dashboard).
  await page.goto(`${origin}/api/v1/couples/${couple.id}/export/print`);
  await page.getByRole('heading', { level: 1, name: 'Alex & Sam' }).waitFor();
  await check(page, 'printable-record');

  await page.goto(`${origin}/#/assignments/${assignmentId}`);
  await page.getByRole('heading', { level: 1, name: exercise.title }).waitFor();
  await page.getByText('I miss our Sunday walks and I would like us to start them again.').waitFor();
  await check(page, 'assignment-review');

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
  await page.goto(`${origin}/#/exercises/${ownExercise.id}`);
  await page.locator('form').first().waitFor();
  await page.waitForLoadState('networkidle');
  await check(page, 'exercise-edit');

  await dashboard.menuItem('Programs').click();
  await page.getByRole('row').filter({ hasText: 'Rebuilding trust' }).waitFor();
  await check(page, 'programs-list');
  await page.getByRole('row').filter({ hasText: 'Rebuilding trust' }).click();
  await page.getByRole('heading', { level: 1, name: 'Rebuilding trust' }).waitFor();
  await check(page, 'program-show');
  await page.goto(`${origin}/#/programs/create`);
  await page.getByRole('form', { name: 'New program' }).waitFor();
  await check(page, 'program-create');
  await page.goto(`${origin}/#/programs/${ownProgramId}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.locator('form').first().waitFor();
  await page.waitForLoadState('networkidle');
  await check(page, 'program-edit');

  await page.goto(`${origin}/#/measures`);
  await page.getByRole('row').nth(1).waitFor();
  await check(page, 'measures-list');
  await page.goto(`${origin}/#/measures/${measureId}/show`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await check(page, 'measure-show');
  await page.goto(`${origin}/#/measures/create`);
  await page.locator('form').first().waitFor();
  await check(page, 'measure-create');
  await page.goto(`${origin}/#/measures/${ownMeasureId}`);
  await page.locator('form').first().waitFor();
  await page.waitForLoadState('networkidle');
  await check(page, 'measure-edit');

  await page.goto(`${origin}/#/digests`);
  await page.getByRole('heading', { level: 1, name: 'Digests' }).waitFor();
  await page.waitForLoadState('networkidle');
  await check(page, 'digests-list');
  await page.goto(`${origin}/#/digests/${digest.id}/show`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.getByText('Alex & Sam').first().waitFor();
  await check(page, 'digest-show');

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
  // Setting up two-factor sign-in: the QR code and the setup key.
  await page.getByRole('button', { name: 'Turn on' }).click();
  const qrCode = page.getByRole('img', { name: 'QR code to scan with your authenticator app' });
  await qrCode.waitFor();
  await check(page, 'two-factor-qr');
  // The whole page: the QR code, the setup key and the code field sit below the fold.
  await journey.documentScreen(page, 'two-factor-setup', { fullPage: true });
}

/**
 * An admin's screens: home, calendar, staff, inviting, editing a person and the deactivation hand-over dialog,
 * audit trail, job queues, API tokens, clinic settings, the clinic's safety screen; then an invited
 * colleague's accept-invitation page and, once the clinic requires it, two-factor enrolment.
 */
export async function walkAdminScreens(journey: Journey, check: ScreenCheck): Promise<void> {
  const { app, db, mailbox, origin } = journey.stack;
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
  // Deactivating someone with couples asks who takes them over.
  await page.getByRole('button', { name: 'Deactivate' }).click();
  const deactivate = page.getByRole('dialog', { name: `Deactivate ${therapist.name}?` });
  await deactivate.getByRole('combobox', { name: /Who takes over their couples/ }).waitFor();
  await check(page, 'deactivation-hand-over');
  await deactivate.getByRole('button', { name: 'Cancel' }).click();
  await deactivate.waitFor({ state: 'hidden' });

  await page.goto(`${origin}/#/audit`);
  await page.getByRole('row').nth(1).waitFor();
  await check(page, 'audit-trail');
  await journey.documentScreen(page, 'audit-trail');

  await dashboard.menuItem('Job queues').click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await check(page, 'job-queues');

  await dashboard.menuItem('API tokens').click();
  await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
  await page.getByText('No API tokens yet.').waitFor();
  await check(page, 'api-tokens');

  await dashboard.menuItem('Clinic settings').click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await check(page, 'clinic-settings');

  // The clinic's own safety screen, reached from the settings' check-in section.
  await page.getByRole('link', { name: /clinic’s own screen/ }).click();
  await page.getByRole('heading', { name: 'Clinic safety screen', level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'Preview', level: 2 }).waitFor();
  await check(page, 'clinic-safety-screen');

  // An invited colleague's page, from the emailed link.
  const asAdmin = await signIn(app, admin.email);
  const robinEmail = `robin-${randomUUID().slice(0, 6)}@example.test`;
  await created(asAdmin, '/api/v1/staff/invitations', { email: robinEmail, name: 'Robin Hale', role: 'therapist' });
  const invitation = await mailbox.waitForMessageTo(robinEmail, /invitation/i);
  await followEmailedLink(origin, invitation.raw, 'invitation');
  const robinPage = await journey.open('Robin (invited)');
  await robinPage.goto(dashboardLinkFromEmail(invitation.raw, origin, 'accept-invitation'));
  await robinPage.getByRole('heading', { name: 'Welcome, Robin Hale' }).waitFor();
  await check(robinPage, 'accept-invitation');

  // Once the clinic requires two-factor sign-in, a therapist without it is sent to set it up.
  await asAdmin.agent
    .patch('/api/v1/clinic')
    .set('x-csrf-token', asAdmin.csrfToken)
    .send({ requireTwoFactor: true })
    .expect(200);
  const danaPage = await journey.open('Dana (therapist, two-factor required)');
  const danaDashboard = new DashboardPage(danaPage, origin);
  await danaDashboard.openSignIn();
  await danaPage.getByRole('textbox', { name: 'Email' }).fill(therapist.email);
  await danaDashboard.passwordInput('Password').fill(TEST_PASSWORD);
  await danaDashboard.signInButton.click();
  await danaPage.getByRole('heading', { level: 1, name: 'Set up two-factor sign-in' }).waitFor();
  await danaPage.getByRole('img', { name: 'QR code to scan with your authenticator app' }).waitFor();
  await check(danaPage, 'two-factor-enrollment');
}
