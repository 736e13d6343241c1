/// <reference lib="dom" />
import { randomUUID } from 'node:crypto';
import { Clinic } from '@trellis/data';
import { SafetyCheckInsService } from '../../libs/features/src/safety/safety-check-ins.service';
import { type AxeFinding, seriousAccessibilityViolations } from '../support/axe';
import { PHONE, useBrowserStack } from '../support/browser-journey';
import { homeworkLinkFromEmail } from '../support/email-links';
import { createStaff } from '../support/factories';
import { setPassword, TEST_PASSWORD } from '../support/sign-in';
import { DashboardPage } from './dashboard-page';
import { HomeworkPage } from './homework-page';
import { practiceWithCouple } from './practice';

const phone = { viewport: PHONE, isMobile: true, hasTouch: true } as const;
const suite = useBrowserStack();

/** The clinic's own wording: two questions, one concerning answer each, and a closing free-text question. */
const SCREEN = {
  title: 'Harbour wellbeing check',
  instructions: 'Answer on your own, somewhere private. Only your counselor reads this.',
  questions: [
    {
      label: 'Is home a calm place for you at the moment?',
      options: [
        { label: 'Yes, mostly calm', concerning: false },
        { label: 'Not really', concerning: true },
      ],
    },
    {
      label: 'Has anything your partner said or did lately left you scared?',
      options: [
        { label: 'No', concerning: false },
        { label: 'Yes', concerning: true },
        { label: 'I’d rather talk about it in person', concerning: false },
      ],
    },
  ],
  freeTextQuestion: 'Anything else you would like your counselor to know?',
} as const;

/**
 * Issue 18, item 2: a clinic admin writes the clinic's own safety screen in the dashboard, chooses it
 * in the clinic settings, a partner answers it on a phone, and a concerning answer reaches the
 * therapist exactly as one on Trellis's check-in does.
 */
describe('a clinic’s own safety screen, in a real browser', () => {
  suite.journey(
    'an admin writes the screen and chooses it; a partner answers it on a phone; the therapist is alerted',
    async (journey) => {
      const { db, origin, mailbox, worker } = journey.stack;
      const { clinic, couple, partners, therapist } = await practiceWithCouple(journey.stack);
      const admin = await createStaff(db, clinic, {
        role: 'admin',
        name: 'Avery Admin',
        email: `avery-${randomUUID().slice(0, 6)}@example.test`,
      });
      await setPassword(db, admin);
      const screensOfClinic = async () =>
        Number(
          (
            await db.query(
              `SELECT count(*)::int AS n FROM exercise WHERE clinic_id = $1 AND kind = 'safety_check_in'`,
              [clinic.id],
            )
          )[0].n,
        );
      const serious: Record<string, AxeFinding[]> = {};
      const check = async (page: Parameters<typeof seriousAccessibilityViolations>[0], label: string) => {
        const found = await seriousAccessibilityViolations(page, label);
        if (found.length) serious[label] = found;
      };

      // 1. The admin goes from the clinic settings to the editor.
      const page = await journey.open('Avery (admin)');
      const dashboard = new DashboardPage(page, origin);
      await dashboard.openSignIn();
      await dashboard.signIn(admin.email, TEST_PASSWORD);
      await dashboard.menuItem('Clinic settings').click();
      const ownChoice = page.getByRole('radio', { name: /Your clinic’s own screen/ });
      await ownChoice.waitFor();
      // Nothing written yet: the clinic's own screen cannot be chosen.
      expect(await ownChoice.isDisabled()).toBe(true);
      await page.getByRole('link', { name: 'Write your clinic’s own screen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Clinic safety screen' }).waitFor();
      await page.getByText('Your clinic has no screen of its own yet.', { exact: false }).waitFor();

      // The editor starts from Trellis's check-in (four questions): the admin keeps two, in their words.
      await page.getByRole('button', { name: 'Remove question 4' }).click();
      await page.getByRole('button', { name: 'Remove question 3' }).click();
      expect(await page.getByRole('group', { name: /^Question \d$/ }).count()).toBe(2);
      const title = page.getByRole('textbox', { name: 'Title' });
      await title.fill('');
      await page.getByRole('textbox', { name: 'Instructions' }).fill(SCREEN.instructions);
      for (const [q, question] of SCREEN.questions.entries()) {
        const group = page.getByRole('group', { name: `Question ${q + 1}` });
        await group.getByRole('textbox', { name: 'Question' }).fill(question.label);
        // Trellis's wording has three answers to each: drop the extra ones first.
        let shown = await group.getByRole('textbox', { name: /^Answer \d/ }).count();
        while (shown > question.options.length) {
          await group.getByRole('button', { name: `Remove answer ${shown} of question ${q + 1}` }).click();
          shown -= 1;
        }
        for (const [o, option] of question.options.entries()) {
          await group.getByRole('textbox', { name: `Answer ${o + 1}` }).fill(option.label);
          await group
            .getByRole('checkbox', { name: `Concerning: answer ${o + 1} of question ${q + 1}` })
            .setChecked(option.concerning);
        }
      }
      await page.getByRole('textbox', { name: 'Free-text question' }).fill(SCREEN.freeTextQuestion);

      // No title, and a question whose every answer is concerning (it would pause every couple): each
      // said under its field, nothing saved.
      const first = page.getByRole('group', { name: 'Question 1' });
      const firstAnswerConcerning = first.getByRole('checkbox', { name: 'Concerning: answer 1 of question 1' });
      await firstAnswerConcerning.check();
      await page.getByRole('button', { name: 'Save safety screen' }).click();
      await first
        .getByText('Leave at least one option not concerning: otherwise every answer would pause joint work.')
        .waitFor();
      // The message is the field's own helper text, read out with it.
      await page.getByText('Give the screen a title.').waitFor();
      const describedBy = await title.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${describedBy}"]`).innerText()).toBe('Give the screen a title.');
      expect(await title.getAttribute('aria-invalid')).toBe('true');
      expect(await screensOfClinic()).toBe(0);
      await firstAnswerConcerning.uncheck();
      await title.fill(SCREEN.title);
      // Fixed, so the messages go at once (not only on the next save).
      await page.getByText('Give the screen a title.').waitFor({ state: 'detached' });
      await first
        .getByText('Leave at least one option not concerning', { exact: false })
        .waitFor({ state: 'detached' });
      expect(await title.getAttribute('aria-invalid')).toBe('false');

      // The preview says which answers pause joint work, and shows the partner's page.
      const pauses = page.getByRole('list', { name: 'Answers that pause joint work' });
      await pauses.waitFor();
      expect(await pauses.getByRole('listitem').allInnerTexts()).toEqual([
        `${SCREEN.questions[0].label} pauses on: Not really`,
        `${SCREEN.questions[1].label} pauses on: Yes`,
      ]);
      await check(page, 'clinic-safety-screen');
      // The whole editor and its preview in one picture (a full-page capture repeats the fixed app bar).
      await page.setViewportSize({ width: 1280, height: 2100 });
      await journey.documentScreen(page, 'clinic-safety-screen');
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.getByRole('button', { name: 'Save safety screen' }).click();
      await page.getByText('Safety screen saved.').waitFor();
      await page
        .getByText('Version 1 is saved, but your clinic still sends Trellis’s check-in', { exact: false })
        .waitFor();
      expect(await screensOfClinic()).toBe(1);

      // 2. Back in the clinic settings: check-ins on, the clinic's own screen chosen.
      await page.getByRole('link', { name: 'Back to clinic settings' }).click();
      const on = page.getByRole('switch', { name: 'Send each partner a private safety check-in' });
      await on.waitFor();
      if (!(await on.isChecked())) await on.check();
      await page.getByRole('spinbutton', { name: 'Days between check-ins' }).waitFor();
      await page.getByRole('radio', { name: `Your clinic’s own screen: “${SCREEN.title}” (version 1)` }).check();
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Clinic settings saved.').waitFor();
      const saved = await db.getRepository(Clinic).findOneByOrFail({ id: clinic.id });
      expect(saved.safetyCheckInScreen).toBe('clinic');
      expect(saved.safetyCheckInIntervalDays).toBe(28);

      // 3. The sweep the worker runs on its schedule, now: each partner is sent the clinic's screen.
      await worker.get(SafetyCheckInsService, { strict: false }).sendDue();
      const alexMail = await mailbox.waitForMessageTo(partners[0].email);
      const alexPage = await journey.open('Alex (phone)', phone);
      const alex = new HomeworkPage(alexPage);
      await alexPage.goto(homeworkLinkFromEmail(alexMail.raw, origin));
      await alex.startButton.click();
      await alex.expectHeading(SCREEN.title);
      await alexPage.getByText(SCREEN.instructions).waitFor();
      for (const question of SCREEN.questions) {
        const group = alexPage.getByRole('radiogroup', { name: question.label });
        for (const option of question.options)
          await group.getByRole('radio', { name: option.label, exact: true }).waitFor();
      }
      await alexPage.getByRole('textbox', { name: SCREEN.freeTextQuestion }).waitFor();
      // Which answers alert the counselor is not for the partner (or whoever picks up their phone) to see.
      expect(await alexPage.locator('body').innerText()).not.toMatch(/concerning|pause/i);
      await check(alexPage, 'clinic-safety-screen-partner-phone');
      await alexPage
        .getByRole('radiogroup', { name: SCREEN.questions[0].label })
        .getByRole('radio', { name: 'Yes, mostly calm', exact: true })
        .check();
      await alexPage
        .getByRole('radiogroup', { name: SCREEN.questions[1].label })
        .getByRole('radio', { name: 'Yes', exact: true })
        .check();
      await alex.submitButton.click();
      await alex.confirmDialog.waitFor();
      await alex.confirmDialog.getByRole('button', { name: 'Submit now' }).click();
      await alex.expectHeading(/Thank you/);

      // 4. Dana: the alert email, the home screen item, the couple page banner.
      await mailbox.waitForMessageTo(therapist.email, /^Something needs your attention$/);
      const danaPage = await journey.open('Dana (therapist)');
      const danaDashboard = new DashboardPage(danaPage, origin);
      await danaDashboard.openSignIn();
      await danaDashboard.signIn(therapist.email, TEST_PASSWORD);
      await danaPage.getByRole('heading', { name: 'Needs your attention now' }).waitFor();
      await danaPage.getByRole('link', { name: couple.displayName }).first().click();
      await danaPage.getByRole('heading', { name: 'A partner raised a safety concern' }).waitFor();
      await danaPage.getByText(SCREEN.title, { exact: false }).first().waitFor();

      expect(serious).toEqual({});
    },
    120_000,
  );
});
