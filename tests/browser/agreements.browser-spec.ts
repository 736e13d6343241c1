/// <reference lib="dom" />
import { randomUUID } from 'node:crypto';
import { type AxeFinding, seriousAccessibilityViolations } from '../support/axe';
import { PHONE, useBrowserStack } from '../support/browser-journey';
import { followEmailedLink } from '../support/email-links';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { setPassword, TEST_PASSWORD } from '../support/sign-in';
import { DashboardPage } from './dashboard-page';
import { CLINIC_NAME, THERAPIST_NAME } from './practice';

const phone = { viewport: PHONE, isMobile: true, hasTouch: true } as const;
const suite = useBrowserStack();

/** A fixed-offset zone where it is around midday now: a check-in due now is out of quiet hours. */
function middayZone(): string {
  const offset = 12 - new Date().getUTCHours();
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/** The weekday (1 is Monday) and HH:MM a minute ago in `zone`: a weekly check-in due right now. */
function dueNow(zone: string): { weekday: number; localTime: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(Date.now() - 60_000))
      .map((p) => [p.type, p.value]),
  );
  return {
    weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday) + 1,
    localTime: `${parts.hour}:${parts.minute}`,
  };
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

describe('agreements in a real browser', () => {
  suite.journey(
    'the therapist adds an agreement and a check-in day; each partner confirms and reviews on a phone; the grid shows both',
    async (journey) => {
      const { db, origin, mailbox } = journey.stack;
      const zone = middayZone();
      const clinic = await createClinic(db, { name: CLINIC_NAME, timezone: zone });
      const id = randomUUID().slice(0, 6);
      const therapist = await createStaff(db, clinic, { name: THERAPIST_NAME, email: `dana-${id}@example.test` });
      await setPassword(db, therapist);
      const { couple, partners } = await createCouple(db, clinic, therapist, { displayName: 'Robin & Kai' });
      const findings: AxeFinding[] = [];

      const page = await journey.open('Dana (therapist)');
      const dashboard = new DashboardPage(page, origin);
      await dashboard.openSignIn();
      await dashboard.signIn(therapist.email, TEST_PASSWORD);
      await page.goto(`${origin}/#/couples/${couple.id}/show`);
      await page.getByRole('tab', { name: 'Agreements' }).click();
      await page.getByText('No agreements yet.').waitFor();
      await page
        .getByRole('textbox', { name: 'New agreement (agreed in session)' })
        .fill('We share plans for the evening by 6 pm');
      await page.getByRole('button', { name: 'Add agreement' }).click();
      await page.getByText('“We share plans for the evening by 6 pm”').waitFor();
      const { weekday, localTime } = dueNow(zone);
      await page.getByRole('combobox', { name: 'Day' }).click();
      await page.getByRole('option', { name: WEEKDAYS[weekday - 1] }).click();
      await page.locator('[role="listbox"]').waitFor({ state: 'detached' });
      await page.getByLabel('Time').fill(localTime);
      findings.push(...(await seriousAccessibilityViolations(page, 'agreements tab')));
      await page.getByRole('button', { name: 'Save check-in day' }).click();
      await page.getByText('Weekly check-in set.').waitFor();

      const answers = ['Kept', 'Mostly'];
      for (const [i, partner] of partners.entries()) {
        const message = await mailbox.waitForMessageTo(partner.email, /weekly check-in/i, 30_000);
        const { token } = await followEmailedLink(origin, message.raw, 'agreement-review');
        const phonePage = await journey.open(`${partner.name} (phone)`, phone);
        await phonePage.goto(`${origin}/h/a/${token}`);
        await phonePage.getByRole('heading', { level: 1, name: 'Your weekly check-in' }).waitFor();
        await phonePage.getByRole('checkbox', { name: 'I agree to this' }).check();
        await phonePage.getByRole('radio', { name: answers[i], exact: true }).check();
        if (i === 1) await phonePage.getByRole('textbox').fill('Late twice, but we talked about it.');
        if (i === 0) findings.push(...(await seriousAccessibilityViolations(phonePage, 'agreement review (phone)')));
        await phonePage.getByRole('button', { name: 'Send' }).click();
        await phonePage.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
        // Nobody's streak grows unless both said kept; and nothing says what the other answered.
        await phonePage.getByText('a fresh start').waitFor();
        if (i === 1) {
          findings.push(...(await seriousAccessibilityViolations(phonePage, 'agreement result (phone)')));
          await journey.documentScreen(phonePage, 'agreement-review-result-phone');
        }
      }

      await page.reload();
      await page.getByRole('tab', { name: 'Agreements' }).click();
      await page.getByText('Confirmed by both').waitFor();
      const grid = page.getByRole('table', { name: /Weekly answers/ });
      await grid.getByRole('cell', { name: 'Kept' }).waitFor();
      await grid.getByText('Note: Late twice, but we talked about it.').waitFor();
      await grid.getByText('Accounts differ').waitFor();
      findings.push(...(await seriousAccessibilityViolations(page, 'agreements grid')));
      await journey.documentScreen(page, 'agreements-grid', { fullPage: true });
      expect(findings).toEqual([]);
    },
    120_000,
  );
});
