import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { useBrowserStack } from '../support/browser-journey';
import { seriousAccessibilityViolations } from '../support/axe';
import { createClinic, createStaff } from '../support/factories';
import { setPassword, TEST_PASSWORD } from '../support/sign-in';
import { DashboardPage } from './dashboard-page';
import { CLINIC_NAME, THERAPIST_NAME } from './practice';

const suite = useBrowserStack();

describe('calendar feed screen in a real browser', () => {
  suite.journey(
    'a therapist makes a private feed, sees its address once, a calendar app reads it, and revoking stops it',
    async (journey) => {
      const { db, app, origin } = journey.stack;
      const clinic = await createClinic(db, { name: CLINIC_NAME });
      const therapist = await createStaff(db, clinic, {
        name: THERAPIST_NAME,
        email: `dana-${randomUUID().slice(0, 6)}@example.test`,
      });
      await setPassword(db, therapist);

      const page = await journey.open('Dana (therapist)');
      const dashboard = new DashboardPage(page, origin);
      await dashboard.openSignIn();
      await dashboard.signIn(therapist.email, TEST_PASSWORD);
      await dashboard.menuItem('Calendar').click();
      await page.getByRole('link', { name: 'Calendar feed' }).click();
      await page.getByRole('heading', { level: 1, name: 'Calendar feed' }).waitFor();
      await page.getByText('You have no calendar feed').waitFor();
      expect(await seriousAccessibilityViolations(page, 'calendar feed')).toEqual([]);

      await page.getByRole('button', { name: 'Make my feed' }).click();
      const url = (await page.getByTestId('calendar-feed-url').textContent()) ?? '';
      expect(url).toMatch(/\/api\/v1\/calendar-feeds\/[A-Za-z0-9_-]{43}$/);
      await page.getByText('Your feed is on').waitFor();

      // The calendar app's side: the secret address alone reads the feed.
      const server = request(app.getHttpServer());
      const feedPath = new URL(url).pathname;
      const feed = await server.get(feedPath).expect(200);
      expect(feed.headers['content-type']).toContain('text/calendar');
      expect(feed.text).toContain('BEGIN:VCALENDAR');

      // Once dismissed, the address is gone from the screen for good.
      await page.getByRole('button', { name: 'Done' }).click();
      expect(await page.getByTestId('calendar-feed-url').count()).toBe(0);
      await page.reload();
      await page.getByTestId('calendar-feed-status').waitFor();
      expect(await page.getByTestId('calendar-feed-url').count()).toBe(0);

      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: 'Revoke feed' }).click();
      await page.getByText('You have no calendar feed').waitFor();
      await server.get(feedPath).expect(404);
    },
  );
});
