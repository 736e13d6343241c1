/// <reference lib="dom" />
import { promptsForRole } from '@trellis/domain';
import { useBrowserStack, PHONE } from '../support/browser-journey';
import { homeworkLinkFromEmail } from '../support/email-links';
import { HomeworkPage } from './homework-page';
import { assign, builtInExercise, CLINIC_NAME, practiceWithCouple } from './practice';

// The page's own constant: a spec must not import the front end, so it is written out here too.
const NEUTRAL_SITE = 'https://www.bbc.co.uk/weather';
const SECRET = 'I am scared of what happens when he reads this';
const phone = { viewport: PHONE, isMobile: true, hasTouch: true } as const;

const suite = useBrowserStack();

describe('quick exit on the homework page', () => {
  suite.journey(
    'one tap leaves for a neutral site, Back does not return, and nothing of the answers stays on the phone',
    async (journey) => {
      const { partners, asTherapist, couple } = await practiceWithCouple(journey.stack);
      const exercise = await builtInExercise(journey.stack, 'weekly-trust-check-in');
      await assign(asTherapist, exercise.id, couple.id);
      const message = await journey.stack.mailbox.waitForMessageTo(
        partners[0].email,
        new RegExp(`Homework from ${CLINIC_NAME}`),
      );
      const link = homeworkLinkFromEmail(message.raw, journey.origin);

      const page = await journey.open('Alex (phone)', phone);
      // The neutral site is answered locally: the test needs no internet, only the navigation.
      await page.route('https://www.bbc.co.uk/**', (route) =>
        route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Weather</title><h1>Weather</h1>' }),
      );
      const homework = new HomeworkPage(page);
      await page.goto(link);
      await homework.expectHeading('Hi Alex');
      // On every view, the greeting included.
      await page.getByRole('button', { name: 'Quick exit' }).waitFor();
      await homework.startButton.click();
      await homework.expectHeading(exercise.title);

      // Under each question the page says who reads the answer.
      const private_ = exercise.prompts.find((p) => p.id === 'on_my_mind');
      if (!private_) throw new Error('weekly-trust-check-in has no on_my_mind prompt');
      // (Sharing is off for this homework, so every answer is for the counselor alone.)
      const counselorOnly = page.getByText('Only your counselor will read this answer.');
      await counselorOnly.first().waitFor();
      // A partner whose role is not set sees only the prompts for both sides.
      expect(await counselorOnly.count()).toBe(promptsForRole(exercise.prompts, 'not_set').length);
      const textbox = homework.question(private_);
      await textbox.fill(SECRET);
      // The unsaved copy on the phone exists before the exit.
      const before = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('trellis-')));
      expect(before.some((k) => k.startsWith('trellis-homework:draft:'))).toBe(true);

      await page.getByRole('button', { name: 'Quick exit' }).click();
      await page.waitForURL(NEUTRAL_SITE);
      await page.getByRole('heading', { name: 'Weather' }).waitFor();

      // Back does not lead to the homework (the entry was replaced, not added to).
      await page.goBack().catch(() => null);
      expect(page.url()).not.toContain('/h/');

      // Nothing of the homework is left in this browser's storage for the app's origin.
      const check = await page.context().newPage();
      await check.goto(`${journey.origin}/h/`);
      const left = await check.evaluate(() =>
        Object.keys(localStorage).filter(
          (k) => k.startsWith('trellis-homework:') || localStorage.getItem(k)?.includes('scared'),
        ),
      );
      expect(left).toEqual([]);
      await check.close();
    },
  );
});
