import { randomUUID } from 'node:crypto';
import { type AxeFinding, seriousAccessibilityViolations } from '../support/axe';
import { PHONE, useBrowserStack } from '../support/browser-journey';
import { homeworkLinkFromEmail } from '../support/email-links';
import { createStaff } from '../support/factories';
import { setPassword, TEST_PASSWORD } from '../support/sign-in';
import { DashboardPage } from './dashboard-page';
import { HomeworkPage } from './homework-page';
import { assign, builtInExercise, practiceWithCouple } from './practice';

const suite = useBrowserStack();

describe('accessibility (axe-core) in a real browser', () => {
  suite.journey('the sign-in, staff list and homework pages have no serious or critical axe violations', async (journey) => {
    const { db, mailbox, origin } = journey.stack;
    const { clinic, partners, asTherapist, couple } = await practiceWithCouple(journey.stack);
    const admin = await createStaff(db, clinic, { role: 'admin', name: 'Avery Admin', email: `avery-${randomUUID().slice(0, 6)}@example.test` });
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
    const darkPage = await journey.open('Alex (phone, dark mode)', { viewport: PHONE, isMobile: true, hasTouch: true, colorScheme: 'dark' });
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
  });
});
