import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { useBrowserStack } from '../support/browser-journey';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { setPassword, TEST_PASSWORD } from '../support/sign-in';
import { DashboardPage } from './dashboard-page';
import { CLINIC_NAME } from './practice';

const suite = useBrowserStack();

describe('API tokens screen in a real browser', () => {
  suite.journey(
    'an admin creates a token, sees its secret once, an integration uses it, and revoking it stops it',
    async (journey) => {
      const { db, app, origin } = journey.stack;
      const clinic = await createClinic(db, { name: CLINIC_NAME });
      const admin = await createStaff(db, clinic, {
        role: 'admin',
        name: 'Avery Admin',
        email: `avery-${randomUUID().slice(0, 6)}@example.test`,
      });
      await setPassword(db, admin);
      const { couple } = await createCouple(db, clinic, admin);

      const page = await journey.open('Avery (admin)');
      const dashboard = new DashboardPage(page, origin);
      await dashboard.openSignIn();
      await dashboard.signIn(admin.email, TEST_PASSWORD);
      await dashboard.menuItem('API tokens').click();
      await page.getByText('No API tokens yet.').waitFor();

      await page.getByRole('textbox', { name: 'Name' }).fill('Billing export');
      await page.getByRole('button', { name: 'Create token' }).click();
      const secret = (await page.getByTestId('new-api-token').textContent()) ?? '';
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const row = page.getByRole('row').filter({ hasText: 'Billing export' });
      await row.getByText('Read only').waitFor();
      await row.getByText('Active').waitFor();

      // The integration's side: the secret works as a bearer token, read only.
      const server = request(app.getHttpServer());
      const couples = await server.get('/api/v1/couples').set('authorization', `Bearer ${secret}`).expect(200);
      expect(couples.body.data.map((c: { id: string }) => c.id)).toEqual([couple.id]);

      // Once dismissed, the secret is gone from the screen for good.
      await page.getByRole('button', { name: 'Done' }).click();
      expect(await page.getByTestId('new-api-token').count()).toBe(0);

      page.once('dialog', (dialog) => void dialog.accept());
      await row.getByRole('button', { name: 'Revoke Billing export' }).click();
      await row.getByText('Revoked').waitFor();
      await server.get('/api/v1/couples').set('authorization', `Bearer ${secret}`).expect(401);
    },
  );
});
