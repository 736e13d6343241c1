/// <reference lib="dom" />
import { randomUUID } from 'node:crypto';
import { TRUST_AND_CONNECTION_CHECK_IN } from '@trellis/domain';
import { type AxeFinding, seriousAccessibilityViolations } from '../support/axe';
import { PHONE, useBrowserStack } from '../support/browser-journey';
import { followEmailedLink } from '../support/email-links';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { setPassword, TEST_PASSWORD } from '../support/sign-in';
import { DashboardPage } from './dashboard-page';
import { CLINIC_NAME, THERAPIST_NAME } from './practice';

const phone = { viewport: PHONE, isMobile: true, hasTouch: true } as const;
const suite = useBrowserStack();

/** A fixed-offset zone where it is around midday now: nothing sent in it waits for quiet hours. */
function middayZone(): string {
  const offset = 12 - new Date().getUTCHours();
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

describe('check-ins in a real browser', () => {
  suite.journey(
    'the therapist schedules a check-in, both partners answer on a phone, the therapist sees the chart',
    async (journey) => {
      const { db, origin, mailbox } = journey.stack;
      const clinic = await createClinic(db, { name: CLINIC_NAME });
      const id = randomUUID().slice(0, 6);
      const therapist = await createStaff(db, clinic, { name: THERAPIST_NAME, email: `dana-${id}@example.test` });
      await setPassword(db, therapist);
      // The session is an hour and a half minute away: a check-in an hour before it goes out at once.
      const { couple, partners } = await createCouple(db, clinic, therapist, {
        displayName: 'Robin & Kai',
        nextSessionAt: new Date(Date.now() + 3600_000 + 30_000),
      });
      await db.query(`UPDATE client SET timezone = $2 WHERE couple_id = $1`, [couple.id, middayZone()]);
      const findings: AxeFinding[] = [];

      const page = await journey.open('Dana (therapist)');
      const dashboard = new DashboardPage(page, origin);
      await dashboard.openSignIn();
      await dashboard.signIn(therapist.email, TEST_PASSWORD);
      await dashboard.menuItem('Couples').click();
      await page.getByText('Robin & Kai').first().click();
      await page.getByRole('tab', { name: 'Progress' }).click();
      await page.getByText('No check-ins scheduled.').waitFor();
      await page.getByRole('button', { name: 'Schedule check-ins' }).click();
      await page.getByRole('combobox', { name: 'When' }).click();
      await page.getByRole('option', { name: 'Before every session' }).click();
      await page.locator('[role="listbox"]').waitFor({ state: 'detached' });
      await page.getByRole('spinbutton', { name: 'Hours before' }).fill('1');
      await page.getByRole('checkbox', { name: /sees the other's scores/ }).check();
      findings.push(...(await seriousAccessibilityViolations(page, 'check-in schedule form')));
      await page.getByRole('button', { name: 'Add schedule' }).click();
      await page.getByText(`${TRUST_AND_CONNECTION_CHECK_IN.title}: 1 hour before every session`).waitFor();

      // Each partner, on their own phone, from their own email.
      const levels = [8, 4];
      const scores: number[] = [];
      for (const [i, partner] of partners.entries()) {
        const message = await mailbox.waitForMessageTo(partner.email, /check-in/i, 30_000);
        const { token } = await followEmailedLink(origin, message.raw, 'check-in');
        const phonePage = await journey.open(`${partner.name} (phone)`, phone);
        await phonePage.goto(`${origin}/h/c/${token}`);
        await phonePage.getByRole('heading', { level: 1, name: TRUST_AND_CONNECTION_CHECK_IN.title }).waitFor();
        for (const item of TRUST_AND_CONNECTION_CHECK_IN.definition.items) {
          const group = phonePage.getByRole('radiogroup', { name: item.label });
          await group.getByRole('radio', { name: String(levels[i]), exact: true }).check();
        }
        if (i === 0) findings.push(...(await seriousAccessibilityViolations(phonePage, 'check-in form (phone)')));
        await phonePage.getByRole('button', { name: 'Send my answers' }).click();
        await phonePage.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
        // kept-to-myself is reverse-scored.
        const score = levels[i] * 4 + (10 - levels[i]);
        scores.push(score);
        await phonePage.getByText(`Your score this time: ${score}`).waitFor();
        const table = phonePage.getByRole('table');
        if (i === 0) {
          // Partner 1 answered first: nothing of partner 2 is shown.
          await table.getByRole('columnheader').nth(1).waitFor();
          expect(await table.getByRole('columnheader').count()).toBe(2);
        } else {
          // Both answered and sharing is on: partner 1's score sits beside partner 2's own.
          await table.getByRole('columnheader', { name: 'Partner' }).waitFor();
          await table.getByRole('cell', { name: String(scores[0]) }).waitFor();
          findings.push(...(await seriousAccessibilityViolations(phonePage, 'check-in result (phone)')));
          await journey.documentScreen(phonePage, 'check-in-result-phone');
        }
        // The link closed with the answer: opening it again says so, and shows nothing.
        await phonePage.goto(`${origin}/h/c/${token}`);
        await phonePage.getByRole('heading', { level: 1, name: 'This check-in is closed' }).waitFor();
      }

      // The therapist sees both scores on the chart, and the numbers behind it.
      await page.reload();
      await page.getByRole('tab', { name: 'Progress' }).click();
      await page.getByRole('img', { name: /Weekly trust and connection check-in/ }).waitFor();
      await page.getByText('Show the numbers').click();
      const row = page.locator('details').getByRole('row').nth(1);
      await row.getByRole('cell', { name: String(scores[0]) }).waitFor();
      await row.getByRole('cell', { name: String(scores[1]) }).waitFor();
      expect(findings).toEqual([]);
    },
    120_000,
  );
});
