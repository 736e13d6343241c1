import { randomUUID } from 'node:crypto';
import { StaffUser } from '@trellis/data';
import { useBrowserStack } from '../support/browser-journey';
import { dashboardLinkFromEmail, followEmailedLink } from '../support/email-links';
import { createClinic, createStaff } from '../support/factories';
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
});
