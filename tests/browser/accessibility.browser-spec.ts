import { randomUUID } from 'node:crypto';
import { Client, Couple } from '@trellis/data';
import { type AxeFinding, seriousAccessibilityViolations } from '../support/axe';
import { PHONE, useBrowserStack } from '../support/browser-journey';
import { followEmailedLink, homeworkLinkFromEmail } from '../support/email-links';
import { createAssignment, createStaff } from '../support/factories';
import { setPassword, TEST_PASSWORD } from '../support/sign-in';
import { DashboardPage } from './dashboard-page';
import { HomeworkPage } from './homework-page';
import { assign, builtInExercise, namedCouple, practiceWithCouple, submitFromEmailedLink } from './practice';

const DAY = 24 * 3600 * 1000;

const suite = useBrowserStack();

describe('accessibility (axe-core) in a real browser', () => {
  suite.journey(
    'the sign-in, staff list and homework pages have no serious or critical axe violations',
    async (journey) => {
      const { db, mailbox, origin } = journey.stack;
      const { clinic, partners, asTherapist, couple } = await practiceWithCouple(journey.stack);
      const admin = await createStaff(db, clinic, {
        role: 'admin',
        name: 'Avery Admin',
        email: `avery-${randomUUID().slice(0, 6)}@example.test`,
      });
      await setPassword(db, admin);
      const exercise = await builtInExercise(journey.stack, 'honest-check-in');
      await assign(asTherapist, exercise.id, couple.id);

      // Every page is checked before the verdict, so one run lists every problem.
      const serious: Record<string, AxeFinding[]> = {};
      const check = async (page: Parameters<typeof seriousAccessibilityViolations>[0], label: string) => {
        const found = await seriousAccessibilityViolations(page, label);
        if (found.length) serious[label] = found;
      };

      // Staff side, desktop.
      const adminPage = await journey.open('Avery (admin)');
      const dashboard = new DashboardPage(adminPage, origin);
      await dashboard.openSignIn();
      await check(adminPage, 'dashboard-login');
      await dashboard.signIn(admin.email, TEST_PASSWORD);
      await dashboard.menuItem('Staff').click();
      await adminPage.getByRole('cell', { name: 'Avery Admin' }).waitFor();
      await check(adminPage, 'dashboard-staff-list');

      // Client side, on a phone.
      const message = await mailbox.waitForMessageTo(partners[0].email);
      await followEmailedLink(origin, message.raw, 'homework');
      const phonePage = await journey.open('Alex (phone)', { viewport: PHONE, isMobile: true, hasTouch: true });
      const homework = new HomeworkPage(phonePage);
      await phonePage.goto(homeworkLinkFromEmail(message.raw, origin));
      await homework.expectHeading('Hi Alex');
      await check(phonePage, 'homework-greeting');
      await homework.startButton.click();
      await homework.expectHeading(exercise.title);
      await check(phonePage, 'homework-form');
      // With a question's message showing (Submit with nothing answered).
      await homework.submitButton.click();
      await phonePage.getByText('Please answer this question.').first().waitFor();
      await check(phonePage, 'homework-form-with-errors');

      // Any inactive link (here one that never existed) shows the same page.
      await phonePage.goto(`${origin}/h/${'A'.repeat(43)}`);
      await homework.expectHeading('This link is no longer active');
      await check(phonePage, 'homework-inactive-link');

      // The same homework pages in the dark colour scheme (the page follows the device's setting).
      const darkPage = await journey.open('Alex (phone, dark mode)', {
        viewport: PHONE,
        isMobile: true,
        hasTouch: true,
        colorScheme: 'dark',
      });
      const dark = new HomeworkPage(darkPage);
      await darkPage.goto(homeworkLinkFromEmail(message.raw, origin));
      await dark.expectHeading('Hi Alex');
      await check(darkPage, 'homework-greeting-dark');
      await dark.startButton.click();
      await dark.expectHeading(exercise.title);
      await check(darkPage, 'homework-form-dark');
      await darkPage.goto(`${origin}/h/${'A'.repeat(43)}`);
      await dark.expectHeading('This link is no longer active');
      await check(darkPage, 'homework-inactive-link-dark');

      expect(serious).toEqual({});
    },
  );

  suite.journey(
    'the caseload, a couple’s homework, the exercise library and the review page have no serious or critical axe violations',
    async (journey) => {
      const { db, origin } = journey.stack;
      const { clinic, therapist, couple, partners, asTherapist } = await practiceWithCouple(journey.stack);
      // A caseload worth looking at (these screens are also the docs' pictures): people's names and
      // addresses, sessions and due dates on the hour.
      const at = (days: number, hour = 0) => {
        const when = new Date(Date.now() + days * DAY);
        if (hour) when.setUTCHours(hour, 0, 0, 0);
        return when;
      };
      await db.getRepository(Couple).update({ id: couple.id }, { nextSessionAt: at(2, 17) });
      for (const partner of partners) {
        partner.email = `${partner.name.toLowerCase().replace(' ', '.')}@example.test`;
        await db.getRepository(Client).update({ id: partner.id }, { email: partner.email });
      }
      const priya = await namedCouple(
        journey.stack,
        clinic,
        therapist,
        'Priya & Jordan Shah',
        ['Priya Shah', 'Jordan Shah'],
        { nextSessionAt: at(1, 10), lastActivityAt: at(-3 / 24) },
      );
      await namedCouple(journey.stack, clinic, therapist, 'Maria & Ben', ['Maria Lopez', 'Ben Carter'], {
        nextSessionAt: at(6, 14),
        lastActivityAt: at(-2),
      });
      await namedCouple(journey.stack, clinic, therapist, 'Noah & Elise Fischer', ['Noah Fischer', 'Elise Fischer'], {
        status: 'paused',
        lastActivityAt: at(-12),
      });
      await createAssignment(db, priya.couple, priya.partners, { dueAt: at(-2, 18), submitted: [true, false] });

      // Both partners of the first couple submit the honest check-in; a second exercise stays open.
      const exercise = await builtInExercise(journey.stack, 'honest-check-in');
      const assignmentId = await assign(
        asTherapist,
        exercise.id,
        couple.id,
        'Before Thursday, please: we will start the session with it.',
        at(2, 12),
      );
      await submitFromEmailedLink(journey.stack, partners[0].email, {
        safety_to_speak: 6,
        unsaid_thing: 'I miss our Sunday walks and I would like us to start them again.',
        hardest_part: 'finding_words',
        what_would_help: 'Ask me how my week was, and wait for the answer.',
      });
      await submitFromEmailedLink(journey.stack, partners[1].email, {
        safety_to_speak: 4,
        unsaid_thing: 'I feel tired in the evenings and I worry it looks like I do not care.',
        hardest_part: 'partner_reaction',
        what_would_help: '',
      });
      const trust = await builtInExercise(journey.stack, 'weekly-trust-check-in');
      await assign(asTherapist, trust.id, couple.id, 'The same five minutes every week.', at(9, 18));

      const serious: Record<string, AxeFinding[]> = {};
      const check = async (page: Parameters<typeof seriousAccessibilityViolations>[0], label: string) => {
        const found = await seriousAccessibilityViolations(page, label);
        if (found.length) serious[label] = found;
      };

      const page = await journey.open('Dana (therapist)');
      const dashboard = new DashboardPage(page, origin);
      await dashboard.openSignIn();
      await dashboard.signIn(therapist.email, TEST_PASSWORD);

      await dashboard.menuItem('Couples').click();
      await page.getByText('Priya & Jordan Shah', { exact: true }).waitFor();
      await page.getByText('Alex & Sam', { exact: true }).waitFor();
      await check(page, 'dashboard-caseload');
      await journey.documentScreen(page, 'dashboard-caseload');

      await page.getByRole('row').filter({ hasText: 'Alex & Sam' }).click();
      await page.getByRole('heading', { level: 1, name: 'Alex & Sam' }).waitFor();
      await page.getByRole('article', { name: exercise.title }).getByText('Ready to review').waitFor();
      await page.getByRole('article', { name: trust.title }).waitFor();
      await check(page, 'dashboard-couple-homework');
      await journey.documentScreen(page, 'dashboard-couple');

      await dashboard.menuItem('Exercise library').click();
      await page.getByRole('row').filter({ hasText: exercise.title }).waitFor();
      await check(page, 'dashboard-exercise-library');

      await page.goto(`${origin}/#/assignments/${assignmentId}`);
      await page.getByRole('heading', { level: 1, name: exercise.title }).waitFor();
      await page.getByText('I miss our Sunday walks and I would like us to start them again.').waitFor();
      await page.getByText('I feel tired in the evenings and I worry it looks like I do not care.').waitFor();
      await check(page, 'dashboard-assignment-review');
      // The page fits the desktop window: no hidden label stretches it sideways (a bare `width: 1` in
      // MUI's sx is 100 %, which once made this page 2,181 px wide).
      const sideways = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(sideways).toBeLessThanOrEqual(0);
      await journey.documentScreen(page, 'dashboard-review');

      // The therapist's reply: the review page keeps it in a list, the partner's page shows it.
      await page
        .getByLabel('Comment to the couple (optional)')
        .fill('Thank you both: bring the walks idea on Thursday.');
      await page.getByRole('button', { name: 'Mark reviewed' }).click();
      await page.getByRole('heading', { name: 'Comments to the couple' }).waitFor();
      await check(page, 'dashboard-assignment-review-comments');
      const reply = await journey.stack.mailbox.waitForMessageTo(partners[0].email, /^A reply from /);
      const partnerPage = await journey.open('Alex (phone)', { viewport: PHONE, isMobile: true, hasTouch: true });
      const partnerHomework = new HomeworkPage(partnerPage);
      await partnerPage.goto(homeworkLinkFromEmail(reply.raw, origin));
      await partnerHomework.expectHeading('Hi Alex');
      await partnerHomework.startButton.click();
      await partnerPage.getByRole('heading', { name: 'A reply from your counselor' }).waitFor();
      await partnerPage.getByText('Thank you both: bring the walks idea on Thursday.').waitFor();
      await check(partnerPage, 'homework-submitted-with-reply');
      await journey.documentScreen(partnerPage, 'homework-reply', { fullPage: true });

      // Known app issues (found when this check was written; the rules stay on, so this fails until fixed):
      // - dashboard-caseload, dashboard-couple-homework: color-contrast, MUI's default warning.main
      //   (#ed6c02 on white, 3.11:1) on the outlined "Paused" chip and the outlined "Discharge" button.
      // - dashboard-couple-homework: label-content-name-mismatch, "Resend link" / "Revoke link" buttons
      //   named "Resend the link to <name>" / "Revoke <name>’s link" (AssignmentActions.tsx).
      // - dashboard-exercise-library: label-content-name-mismatch, each strategy chip is named by its
      //   Tooltip's summary instead of its visible label (ExerciseList.tsx, Tooltip without describeChild).
      expect(serious).toEqual({});
    },
  );
});
