/// <reference lib="dom" />
import type { Locator, Page } from 'playwright-core';
import { HomeworkResponse } from '@trellis/data';
import type { AnswerMap, Prompt } from '@trellis/domain';
import { type Journey, PHONE, useBrowserStack } from '../support/browser-journey';
import { emailHtml, followEmailedLink, homeworkLinkFromEmail } from '../support/email-links';
import { eventually } from '../support/eventually';
import { HomeworkPage } from './homework-page';
import {
  assign,
  builtInExercise,
  CLINIC_NAME,
  createMixedExercise,
  MIXED_PROMPTS,
  practiceWithCouple,
  THERAPIST_NAME,
} from './practice';

const FRESH_LINK_SENT = 'If that address has homework waiting, a new link is on its way.';
const HOMEWORK_SUBJECT = new RegExp(`Homework from ${CLINIC_NAME}`);
const phone = { viewport: PHONE, isMobile: true, hasTouch: true } as const;

const suite = useBrowserStack();

/**
 * The link from the real email the worker sent to `email`, once it works; it must point at the app
 * under test.
 */
async function emailedLink(email: string, subject = HOMEWORK_SUBJECT): Promise<string> {
  const message = await suite.stack.mailbox.waitForMessageTo(email, subject);
  await followEmailedLink(suite.stack.origin, message.raw, 'homework');
  return homeworkLinkFromEmail(message.raw, suite.stack.origin);
}

async function storedAnswers(clientId: string): Promise<HomeworkResponse> {
  return suite.stack.db.getRepository(HomeworkResponse).findOneByOrFail({ clientId });
}

const pick = (answers: AnswerMap, prompts: readonly Prompt[]): AnswerMap =>
  Object.fromEntries(prompts.filter((p) => p.id in answers).map((p) => [p.id, answers[p.id]]));

/** Answers as the page sends them: text and checklists always present (empty when unanswered). */
const asSent = (answers: AnswerMap, prompts: readonly Prompt[]): AnswerMap => {
  const sent: AnswerMap = {};
  for (const prompt of prompts) {
    if (prompt.id in answers) sent[prompt.id] = answers[prompt.id];
    else if (prompt.kind === 'long_text') sent[prompt.id] = '';
    else if (prompt.kind === 'checklist') sent[prompt.id] = [];
  }
  return sent;
};

/** Presses Tab (only) until `target` has keyboard focus. */
async function tabTo(page: Page, target: Locator, { max = 30, shift = false } = {}): Promise<void> {
  for (let presses = 0; presses <= max; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`${max} Tab presses never reached ${target}; focus is on ${focused}`);
}

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement);
}

describe('homework in a real browser', () => {
  /**
   * One partner on a phone: the emailed link, "Hi <name>", start, half the answers, "Saved", a
   * reload that keeps the draft, the rest, Submit with its confirmation, the read-only thank-you.
   */
  async function completeOnPhone(
    journey: Journey,
    who: { name: string; clientId: string; email: string },
    exercise: { title: string; prompts: readonly Prompt[] },
    answers: AnswerMap,
    { screenshots = false } = {},
  ): Promise<void> {
    const link = await emailedLink(who.email);
    const page = await journey.open(`${who.name} (phone)`, phone);
    const homework = new HomeworkPage(page);
    const firstName = who.name.split(' ')[0];

    await page.goto(link);
    await homework.expectHeading(`Hi ${firstName}`);
    await page.getByText(`${CLINIC_NAME} has shared some homework with you.`).waitFor();
    if (screenshots) await journey.documentScreen(page, 'homework-greeting');
    await homework.startButton.click();
    await homework.expectHeading(exercise.title);

    const half = exercise.prompts.slice(0, Math.ceil(exercise.prompts.length / 2));
    for (const prompt of half) await homework.answer(prompt, answers[prompt.id]);
    await homework.waitForSaved();
    // "Saved" on the page means the server has it (a save started before the last change is
    // followed by another): wait for that one too, then reload.
    await eventually(async () =>
      expect((await storedAnswers(who.clientId)).answers).toEqual(asSent(pick(answers, half), exercise.prompts)),
    );
    await page.reload();
    await homework.expectHeading(exercise.title);
    expect(await homework.shownAnswers(exercise.prompts)).toEqual(pick(answers, half));

    for (const prompt of exercise.prompts.slice(half.length)) {
      if (prompt.id in answers) await homework.answer(prompt, answers[prompt.id]);
    }
    if (screenshots) {
      await homework.question(exercise.prompts[0]).scrollIntoViewIfNeeded();
      await journey.documentScreen(page, 'homework-form-phone');
    }
    await homework.submitButton.click();
    await homework.confirmDialog.waitFor();
    await homework.confirmDialog.getByRole('button', { name: 'Submit now' }).click();

    await homework.expectHeading(`Thank you — your answers were sent to ${THERAPIST_NAME}`);
    const yours = page.getByRole('region', { name: 'Your answers' });
    for (const prompt of exercise.prompts) {
      if (prompt.kind === 'long_text' && typeof answers[prompt.id] === 'string')
        await yours.getByText(answers[prompt.id] as string).waitFor();
    }
    await expectNoEditableAnswers(page);
    if (screenshots) await journey.documentScreen(page, 'homework-submitted');
    expect((await storedAnswers(who.clientId)).submittedAt).toBeInstanceOf(Date);
  }

  async function expectNoEditableAnswers(page: Page): Promise<void> {
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('radio').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Submit', exact: true }).count()).toBe(0);
  }

  suite.journey(
    'both partners do their homework on a phone from the emailed link; the therapist sees both answers',
    async (journey) => {
      const { partners, asTherapist, couple } = await practiceWithCouple(journey.stack);
      const exercise = await builtInExercise(journey.stack, 'honest-check-in');
      const assignmentId = await assign(asTherapist, exercise.id, couple.id);

      const alex: AnswerMap = {
        safety_to_speak: 6,
        unsaid_thing: 'I miss our Sunday walks and I would like us to start them again.',
        hardest_part: 'finding_words',
        what_would_help: 'Ask me how my week was, and wait for the answer.',
      };
      const sam: AnswerMap = {
        safety_to_speak: 4,
        unsaid_thing: 'I feel tired in the evenings and I worry it looks like I do not care.',
        hardest_part: 'partner_reaction',
      };
      await completeOnPhone(
        journey,
        { name: partners[0].name, clientId: partners[0].id, email: partners[0].email },
        exercise,
        alex,
        { screenshots: true },
      );
      await completeOnPhone(
        journey,
        { name: partners[1].name, clientId: partners[1].id, email: partners[1].email },
        exercise,
        sam,
      );

      const detail = await asTherapist.agent.get(`/api/v1/assignments/${assignmentId}`).expect(200);
      expect(detail.body.answers).toEqual({ 1: asSent(alex, exercise.prompts), 2: asSent(sam, exercise.prompts) });
      expect(detail.body.partners.map((p: { status: string }) => p.status)).toEqual(['submitted', 'submitted']);
    },
  );

  suite.journey('the homework email fits a phone screen and says which clock the due time is on', async (journey) => {
    const { partners, asTherapist, couple } = await practiceWithCouple(journey.stack);
    const exercise = await builtInExercise(journey.stack, 'honest-check-in');
    await assign(asTherapist, exercise.id, couple.id);
    const message = await journey.stack.mailbox.waitForMessageTo(partners[0].email, HOMEWORK_SUBJECT);
    // The first email a partner gets is not a "new link" and claims no earlier one.
    expect(message.subject).not.toMatch(/new link/i);

    const page = await journey.open('Alex (phone, mail app)', phone);
    await page.setContent(emailHtml(message.raw));
    await page.getByRole('heading', { name: 'New homework from your therapist' }).waitFor();
    await page.getByText(/Please finish it by \w+day \d+ \w+, \d\d:\d\d (.+ time|UTC)\./).waitFor();
    expect(await page.getByText(/no longer work/).count()).toBe(0);
    // Nothing, the copy-paste address included, pushes the message wider than the phone.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
  });

  suite.journey(
    'an expired link shows the inactive-link page, whose fresh-link form answers the same for anyone',
    async (journey) => {
      const { partners, asTherapist, couple } = await practiceWithCouple(journey.stack);
      const exercise = await builtInExercise(journey.stack, 'honest-check-in');
      await assign(asTherapist, exercise.id, couple.id);
      const link = await emailedLink(partners[0].email);
      // Expired, not revoked: a link the therapist revoked gets no fresh one from this form (only
      // the therapist's resend lifts a revocation; tests/e2e/homework.e2e-spec.ts writes that attack).
      await journey.stack.db
        .getRepository(HomeworkResponse)
        .update({ clientId: partners[0].id }, { linkExpiresAt: new Date(Date.now() - 1000) });

      const askFreshLink = async (actor: string, email: string) => {
        const page = await journey.open(actor, phone);
        const homework = new HomeworkPage(page);
        await page.goto(link);
        await homework.expectHeading('This link is no longer active');
        if (actor.startsWith('Alex')) await journey.documentScreen(page, 'homework-inactive-link');
        await page.getByLabel('Your email address').fill(email);
        await page.getByRole('button', { name: 'Email me a fresh link' }).click();
        const confirmation = page.getByRole('status').filter({ hasText: FRESH_LINK_SENT });
        await confirmation.waitFor();
        expect(await page.getByLabel('Your email address').count()).toBe(0);
        return { page, homework, confirmation: await confirmation.innerText() };
      };
      const alex = await askFreshLink('Alex (phone)', partners[0].email);
      const stranger = await askFreshLink('Someone else (phone)', `nobody-${Date.now()}@example.test`);
      expect(stranger.confirmation).toBe(alex.confirmation);

      // The real partner gets a fresh link by email, and it opens their homework.
      const fresh = await emailedLink(partners[0].email, /Your new link/);
      expect(fresh).not.toBe(link);
      await alex.page.goto(fresh);
      await alex.homework.expectHeading('Hi Alex');
    },
  );

  suite.journey('the homework page can be completed with the keyboard alone', async (journey) => {
    const { partners, asTherapist, couple } = await practiceWithCouple(journey.stack);
    const exercise = await createMixedExercise(asTherapist);
    const assignmentId = await assign(asTherapist, exercise.id, couple.id);
    const link = await emailedLink(partners[1].email);
    const [when, listened, helps, example] = MIXED_PROMPTS;

    const page = await journey.open('Sam (keyboard only)');
    const homework = new HomeworkPage(page);
    await page.goto(link);
    await homework.expectHeading('Hi Sam');
    await tabTo(page, homework.startButton);
    await page.keyboard.press('Enter');
    await homework.expectHeading(exercise.title);

    // Choice: Tab into the group, an arrow key moves to and picks the next option.
    await tabTo(page, homework.option(when, 'today'));
    await page.keyboard.press('ArrowDown');
    expect(await homework.option(when, 'this_week').isChecked()).toBe(true);
    // Scale: Space picks the focused number, arrows move along the row.
    await tabTo(page, homework.option(listened, 1));
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await homework.option(listened, 3).isChecked()).toBe(true);
    // Checklist: Tab from box to box, Space ticks.
    await tabTo(page, homework.option(helps, 'eye_contact'));
    await page.keyboard.press('Space');
    await tabTo(page, homework.option(helps, 'questions'));
    await page.keyboard.press('Space');
    // Text.
    await tabTo(page, homework.question(example));
    const text = 'When you put your phone down and asked me about my day.';
    await page.keyboard.type(text);

    await tabTo(page, homework.submitButton);
    await page.keyboard.press('Enter');
    await homework.confirmDialog.waitFor();
    // Focus starts on the safe choice; Tab stays inside the dialog.
    expect(await isFocused(homework.confirmDialog.getByRole('button', { name: /Not yet/ }))).toBe(true);
    await tabTo(page, homework.confirmDialog.getByRole('button', { name: 'Submit now' }), { max: 2 });
    await page.keyboard.press('Enter');
    await homework.expectHeading(`Thank you — your answers were sent to ${THERAPIST_NAME}`);

    const expected = {
      [when.id]: 'this_week',
      [listened.id]: 3,
      [helps.id]: ['eye_contact', 'questions'],
      [example.id]: text,
    };
    const detail = await asTherapist.agent.get(`/api/v1/assignments/${assignmentId}`).expect(200);
    expect(detail.body.answers).toEqual({ 1: null, 2: expected });
  });
});
