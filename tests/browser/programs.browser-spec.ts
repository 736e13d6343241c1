/// <reference lib="dom" />
import { type AnswerMap, builtInProgramSteps, promptsForRole, TRUST_REPAIR_PROGRAM } from '@trellis/domain';
import { type AxeFinding, seriousAccessibilityViolations } from '../support/axe';
import { until } from '../support/eventually';
import { PHONE, useBrowserStack } from '../support/browser-journey';
import { homeworkLinkFromEmail } from '../support/email-links';
import { completeAnswersFor } from '../support/homework-flow';
import { TEST_PASSWORD } from '../support/sign-in';
import { DashboardPage } from './dashboard-page';
import { HomeworkPage } from './homework-page';
import { builtInExercise, practiceWithCouple, submitFromEmailedLink } from './practice';

const phone = { viewport: PHONE, isMobile: true, hasTouch: true } as const;
const suite = useBrowserStack();
const STEPS = builtInProgramSteps(TRUST_REPAIR_PROGRAM);

describe('a couple on the trust-repair program', () => {
  suite.journey(
    'Dana starts the program; step 1 opens; once both partners finish it, step 2 opens for each of them',
    async (journey) => {
      const { mailbox, origin } = journey.stack;
      const { partners, couple, therapist } = await practiceWithCouple(journey.stack);
      const first = await builtInExercise(journey.stack, 'honest-check-in');
      const second = await builtInExercise(journey.stack, 'apology-that-lands');
      const serious: Record<string, AxeFinding[]> = {};
      const check = async (page: Parameters<typeof seriousAccessibilityViolations>[0], label: string) => {
        const found = await seriousAccessibilityViolations(page, label);
        if (found.length) serious[label] = found;
      };

      // Dana starts the built-in program from the couple's Program tab.
      const danaPage = await journey.open('Dana (therapist)');
      const dashboard = new DashboardPage(danaPage, origin);
      await dashboard.openSignIn();
      await dashboard.signIn(therapist.email, TEST_PASSWORD);
      await danaPage.goto(`${origin}/#/couples/${couple.id}/show/program`);
      await danaPage.getByRole('form', { name: 'Start a program' }).waitFor();
      await check(danaPage, 'couple-program-start');
      await danaPage.getByRole('button', { name: 'Start program' }).click();
      const stepOne = `Step 1 of ${STEPS.length}: ${STEPS[0].title} — next: ${STEPS[1].title}.`;
      await danaPage.getByText(stepOne).waitFor();
      // Checked without the notification (the snackbar's colours are the theme's, on every screen).
      await danaPage.reload();
      await danaPage.getByRole('list', { name: 'Steps of the program' }).waitFor();
      await check(danaPage, 'couple-program');
      await journey.documentScreen(danaPage, 'couple-program');

      // Alex answers step 1 on a phone and sees the path; Sam answers too (from the emailed link).
      const alexMail = await mailbox.waitForMessageTo(partners[0].email);
      const alexPage = await journey.open('Alex (phone)', phone);
      const alex = new HomeworkPage(alexPage);
      await alexPage.goto(homeworkLinkFromEmail(alexMail.raw, origin));
      await alex.startButton.click();
      await alex.expectHeading(first.title);
      const path = alexPage.getByRole('region', { name: 'Your path' });
      await path.getByText(`Step 1 of ${STEPS.length}.`).waitFor();
      await path.getByText(`Coming next: “${STEPS[1].title}”.`).waitFor();
      await check(alexPage, 'homework-path');
      await journey.documentScreen(alexPage, 'homework-path');
      const alexPrompts = promptsForRole(first.prompts, 'not_set');
      const answers = completeAnswersFor(alexPrompts, 'Alex says');
      for (const prompt of alexPrompts) await alex.answer(prompt, answers[prompt.id] as never);
      await alex.submitButton.click();
      await alex.confirmDialog.getByRole('button', { name: 'Submit now' }).click();
      await alex.expectHeading(/Thank you/);
      // Alone, Alex's answers open nothing: step 2 waits for Sam.
      await danaPage.reload();
      await danaPage.getByText(stepOne).waitFor();

      await submitFromEmailedLink(
        journey.stack,
        partners[1].email,
        completeAnswersFor(promptsForRole(first.prompts, 'not_set'), 'Sam says') as AnswerMap,
      );

      // Step 2 opens once both are done: on Dana's page, and in each partner's inbox.
      await until(async () => {
        const [row] = await journey.stack.db.query(
          `SELECT count(*)::int AS open FROM couple_program_step s JOIN couple_program e ON e.id = s.couple_program_id
           WHERE e.couple_id = $1 AND s.position = 1 AND s.status = 'open'`,
          [couple.id],
        );
        return row.open === 1;
      }, 20_000);
      await danaPage.reload();
      await danaPage.getByText(`Step 2 of ${STEPS.length}: ${STEPS[1].title} — next: ${STEPS[2].title}.`).waitFor();
      const nextMail = await until(async () => mailbox.messagesTo(partners[0].email)[1], 20_000);
      await alexPage.goto(homeworkLinkFromEmail(nextMail.raw, origin));
      await alex.startButton.click();
      await alex.expectHeading(second.title);
      await path.getByText(`Step 2 of ${STEPS.length}.`).waitFor();
      await path.getByText(`Coming next: “${STEPS[2].title}”.`).waitFor();
      expect(mailbox.messagesTo(partners[1].email)).toHaveLength(2);

      expect(serious).toEqual({});
    },
    120_000,
  );

  suite.journey(
    'Dana changes the clinic’s own program in the editor it was built with, then archives it',
    async (journey) => {
      const { origin, db } = journey.stack;
      const { therapist, asTherapist } = await practiceWithCouple(journey.stack);
      const honest = await builtInExercise(journey.stack, 'honest-check-in');
      const created = await asTherapist.agent
        .post('/api/v1/programs')
        .set('x-csrf-token', asTherapist.csrfToken)
        .send({
          title: 'Our first month',
          steps: [
            {
              title: 'Talk honestly',
              kind: 'exercise',
              exerciseId: honest.id,
              opensWhen: 'both_submitted',
              dueInDays: 7,
            },
          ],
        })
        .expect(201);
      const programId = created.body.id as string;

      const page = await journey.open('Dana (therapist)');
      const dashboard = new DashboardPage(page, origin);
      await dashboard.openSignIn();
      await dashboard.signIn(therapist.email, TEST_PASSWORD);
      await page.goto(`${origin}/#/programs/${programId}/show`);
      await page.getByRole('heading', { level: 1, name: 'Our first month' }).waitFor();
      await page.getByRole('button', { name: 'Edit' }).click();

      const form = page.getByRole('form', { name: 'Edit “Our first month”' });
      await form.waitFor();
      // The saved step is there as it was saved.
      expect(await form.getByLabel('Title (what both partners see)').inputValue()).toBe('Talk honestly');
      expect(await form.getByLabel('Due after (days)').inputValue()).toBe('7');
      expect(await seriousAccessibilityViolations(page, 'program-edit')).toEqual([]);
      await form.getByLabel(/^Title\s*\*?$/).fill('Our first six weeks');
      await form.getByRole('button', { name: 'Add a step' }).click();
      await form.getByLabel('Title (what both partners see)').nth(1).fill('Talk it through together');
      await form.getByLabel('Kind').nth(1).click();
      await page.getByRole('option', { name: 'Talk it through in session' }).click();
      await form.getByRole('button', { name: 'Save program' }).click();
      await page.getByRole('heading', { level: 1, name: 'Our first six weeks' }).waitFor();
      await page.getByRole('list', { name: 'Steps' }).getByText('Talk it through together').waitFor();

      await page.getByRole('button', { name: 'Archive' }).click();
      await page.getByText('Your clinic’s program, archived: not offered for new couples.').waitFor();
      const [stored] = await db.query(`SELECT title, archived_at IS NOT NULL AS archived FROM program WHERE id = $1`, [
        programId,
      ]);
      expect(stored).toEqual({ title: 'Our first six weeks', archived: true });
      await page.getByRole('button', { name: 'Restore' }).waitFor();
    },
  );
});
