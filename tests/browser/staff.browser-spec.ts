import { randomUUID } from 'node:crypto';
import { Couple, StaffUser } from '@trellis/data';
import { useBrowserStack } from '../support/browser-journey';
import { dashboardLinkFromEmail, followEmailedLink } from '../support/email-links';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { setPassword, signIn, TEST_PASSWORD } from '../support/sign-in';
import { DashboardPage } from './dashboard-page';
import { CLINIC_NAME } from './practice';

const suite = useBrowserStack();

describe('staff screens in a real browser', () => {
  suite.journey(
    'an admin invites a therapist from the Staff screen; the therapist joins; deactivation signs them out',
    async (journey) => {
      const { db, app, mailbox, origin } = journey.stack;
      const clinic = await createClinic(db, { name: CLINIC_NAME });
      const id = randomUUID().slice(0, 6);
      const admin = await createStaff(db, clinic, {
        role: 'admin',
        name: 'Avery Admin',
        email: `avery-${id}@example.test`,
      });
      await setPassword(db, admin);

      // The admin signs in and invites a colleague through the form.
      const adminPage = await journey.open('Avery (admin)');
      const dashboard = new DashboardPage(adminPage, origin);
      await dashboard.openSignIn();
      await journey.documentScreen(adminPage, 'dashboard-login');
      await dashboard.signIn(admin.email, TEST_PASSWORD);
      await dashboard.menuItem('Staff').click();
      await adminPage.getByRole('cell', { name: 'Avery Admin' }).waitFor();

      const robinEmail = `robin-${id}@example.test`;
      await adminPage.getByRole('link', { name: 'Invite' }).first().click();
      await adminPage.getByRole('textbox', { name: 'Full name' }).fill('Robin Hale');
      await adminPage.getByRole('textbox', { name: 'Email' }).fill(robinEmail);
      await adminPage.getByRole('radio', { name: /Therapist/ }).check();
      await adminPage.getByRole('button', { name: 'Send invitation' }).click();
      await adminPage.getByText(`Invitation sent to ${robinEmail}.`).waitFor();
      const robinRow = adminPage.getByRole('row').filter({ hasText: 'Robin Hale' });
      await robinRow.getByText('Invited').waitFor();
      await journey.documentScreen(adminPage, 'dashboard-staff-list');

      // The invitation arrives by email; its link opens this app.
      const invitation = await mailbox.waitForMessageTo(robinEmail, /invitation/i);
      const link = dashboardLinkFromEmail(invitation.raw, origin, 'accept-invitation');
      await followEmailedLink(origin, invitation.raw, 'invitation');

      const robinPage = await journey.open('Robin (invited therapist)');
      const robinDashboard = new DashboardPage(robinPage, origin);
      await robinPage.goto(link);
      await robinPage.getByRole('heading', { name: 'Welcome, Robin Hale' }).waitFor();
      await robinDashboard.passwordInput('New password').fill('lantern harbour violet orbit');
      await robinDashboard.passwordInput('Type it again').fill('lantern harbour violet orbit');
      await robinPage.getByRole('button', { name: 'Join and sign in' }).click();
      await robinDashboard.menuItem('Your account').click();
      await robinPage.getByText(robinEmail).waitFor();
      // Signed in as a therapist: no staff administration.
      expect(await robinDashboard.menuItem('Staff').count()).toBe(0);
      const robin = await db.getRepository(StaffUser).findOneByOrFail({ email: robinEmail });
      expect(robin.status).toBe('active');

      // The admin deactivates Robin (through the API); Robin's open tab ends at the sign-in page on
      // its next navigation (to Home, whose figures come from the API).
      const asAdmin = await signIn(app, admin.email);
      await asAdmin.agent
        .patch(`/api/v1/staff/${robin.id}`)
        .set('x-csrf-token', asAdmin.csrfToken)
        .send({ status: 'deactivated' })
        .expect(200);
      await robinDashboard.menuItem('Home').click();
      await robinDashboard.signInButton.waitFor();
      expect(new URL(robinPage.url()).hash).toMatch(/^#\/login/);
      expect(await robinDashboard.menuItem('Your account').count()).toBe(0);
    },
  );

  suite.journey(
    'deactivating a therapist asks who takes their couples in the first dialog; promoting to administrator is confirmed',
    async (journey) => {
      const { db, origin } = journey.stack;
      const clinic = await createClinic(db, { name: CLINIC_NAME });
      const id = randomUUID().slice(0, 6);
      const admin = await createStaff(db, clinic, {
        role: 'admin',
        name: 'Avery Admin',
        email: `avery-${id}@example.test`,
      });
      await setPassword(db, admin);
      const robin = await createStaff(db, clinic, { name: 'Robin Hale', email: `robin-${id}@example.test` });
      const sam = await createStaff(db, clinic, { name: 'Sam Ortiz', email: `sam-${id}@example.test` });
      const { couple } = await createCouple(db, clinic, robin);

      const page = await journey.open('Avery (admin)');
      const dashboard = new DashboardPage(page, origin);
      await dashboard.openSignIn();
      await dashboard.signIn(admin.email, TEST_PASSWORD);
      await page.goto(`${origin}/#/staff/${robin.id}`);
      await page.getByRole('heading', { level: 1, name: 'Robin Hale' }).waitFor();

      // The first dialog already asks: no refusal to meet first.
      await page.getByRole('button', { name: 'Deactivate' }).click();
      const dialog = page.getByRole('dialog', { name: 'Deactivate Robin Hale?' });
      await dialog.getByText('Robin Hale has 1 active or paused couple: choose who takes them over.').waitFor();
      await dialog.getByRole('combobox', { name: /Who takes over their couples/ }).click();
      await page.getByRole('option', { name: 'Sam Ortiz (Therapist)' }).click();
      await journey.documentScreen(page, 'deactivation-hand-over');
      await dialog.getByRole('button', { name: 'Deactivate and hand over' }).click();
      await page
        .getByText('Robin Hale is deactivated and signed out everywhere. Their couples have a new therapist.')
        .waitFor();
      expect((await db.getRepository(Couple).findOneByOrFail({ id: couple.id })).therapistId).toBe(sam.id);

      // Making Sam an administrator asks first; cancelling changes nothing.
      await page.goto(`${origin}/#/staff/${sam.id}`);
      await page.getByRole('heading', { level: 1, name: 'Sam Ortiz' }).waitFor();
      await page.getByRole('radio', { name: /Administrator/ }).check();
      await page.getByRole('button', { name: 'Save role' }).click();
      const promote = page.getByRole('dialog', { name: 'Make Sam Ortiz an administrator?' });
      await promote.getByRole('button', { name: 'Cancel' }).click();
      await promote.waitFor({ state: 'hidden' });
      expect((await db.getRepository(StaffUser).findOneByOrFail({ id: sam.id })).role).toBe('therapist');
      await page.getByRole('button', { name: 'Save role' }).click();
      await promote.getByRole('button', { name: 'Make administrator' }).click();
      await page.getByText('Sam Ortiz is now an administrator.').waitFor();
      expect((await db.getRepository(StaffUser).findOneByOrFail({ id: sam.id })).role).toBe('admin');
    },
  );
});
