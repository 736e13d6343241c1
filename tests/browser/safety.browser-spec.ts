/// <reference lib="dom" />
import { type AxeFinding, seriousAccessibilityViolations } from '../support/axe';
import { PHONE, useBrowserStack } from '../support/browser-journey';
import { homeworkLinkFromEmail } from '../support/email-links';
import { TEST_PASSWORD } from '../support/sign-in';
import { DashboardPage } from './dashboard-page';
import { HomeworkPage } from './homework-page';
import { assign, builtInExercise, practiceWithCouple } from './practice';

const phone = { viewport: PHONE, isMobile: true, hasTouch: true } as const;
const suite = useBrowserStack();

describe('a partner does not feel safe', () => {
  suite.journey(
    'Alex flags on a phone; Sam’s page shows nothing; the therapist sees the alert and lifts the pause',
    async (journey) => {
      const { mailbox, origin } = journey.stack;
      const { partners, asTherapist, couple, therapist } = await practiceWithCouple(journey.stack);
      const exercise = await builtInExercise(journey.stack, 'weekly-trust-check-in');
      await assign(asTherapist, exercise.id, couple.id);
      const serious: Record<string, AxeFinding[]> = {};
      const check = async (page: Parameters<typeof seriousAccessibilityViolations>[0], label: string) => {
        const found = await seriousAccessibilityViolations(page, label);
        if (found.length) serious[label] = found;
      };

      // Sam opens their homework first: what the page says now is what it must say afterwards.
      const samMail = await mailbox.waitForMessageTo(partners[1].email);
      const samPage = await journey.open('Sam (phone)', phone);
      const sam = new HomeworkPage(samPage);
      await samPage.goto(homeworkLinkFromEmail(samMail.raw, origin));
      await sam.startButton.click();
      await sam.expectHeading(exercise.title);
      const samBefore = await samPage.locator('main').innerText();

      const alexMail = await mailbox.waitForMessageTo(partners[0].email);
      const alexPage = await journey.open('Alex (phone)', phone);
      const alex = new HomeworkPage(alexPage);
      await alexPage.goto(homeworkLinkFromEmail(alexMail.raw, origin));
      await alex.startButton.click();
      await alex.expectHeading(exercise.title);
      await alexPage.getByRole('button', { name: 'I don’t feel safe doing this exercise' }).click();
      await alexPage.getByText('Thank you for telling us.').waitFor();
      await check(alexPage, 'homework-not-safe');
      await journey.documentScreen(alexPage, 'homework-not-safe');

      // Sam's page, reloaded: word for word the same; Sam's inbox has only the homework link.
      await samPage.reload();
      await sam.expectHeading(exercise.title);
      expect(await samPage.locator('main').innerText()).toBe(samBefore);
      expect(mailbox.messagesTo(partners[1].email)).toHaveLength(1);

      // Dana: the alert email, the home screen item, the couple page banner, then lifting it.
      await mailbox.waitForMessageTo(therapist.email, /^Something needs your attention$/);
      const danaPage = await journey.open('Dana (therapist)');
      const dashboard = new DashboardPage(danaPage, origin);
      await dashboard.openSignIn();
      await dashboard.signIn(therapist.email, TEST_PASSWORD);
      await danaPage.getByRole('heading', { name: 'Needs your attention now' }).waitFor();
      await check(danaPage, 'dashboard-safety-alert');
      await journey.documentScreen(danaPage, 'dashboard-safety-alert');
      await danaPage.getByRole('link', { name: couple.displayName }).first().click();
      await danaPage.getByRole('heading', { name: 'A partner raised a safety concern' }).waitFor();
      await check(danaPage, 'couple-safety-banner');
      await journey.documentScreen(danaPage, 'couple-safety-banner');
      await danaPage.getByRole('button', { name: 'Record and lift the pause' }).click();
      await danaPage.getByText('Say what was done before lifting the pause.').waitFor();
      await danaPage.getByRole('textbox', { name: /What was done/ }).fill('Spoke with each partner alone.');
      await danaPage.getByRole('button', { name: 'Record and lift the pause' }).click();
      await danaPage.getByText('Pause lifted').waitFor();
      await danaPage.getByRole('heading', { name: 'A partner raised a safety concern' }).waitFor({ state: 'detached' });

      expect(serious).toEqual({});
    },
  );
});
