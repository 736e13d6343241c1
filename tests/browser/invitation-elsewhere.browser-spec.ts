import { randomUUID } from 'node:crypto';
import { useBrowserStack } from '../support/browser-journey';
import { dashboardLinkFromEmail, followEmailedLink } from '../support/email-links';
import { createClinic, createStaff } from '../support/factories';
import { setPassword, signIn } from '../support/sign-in';
import { CLINIC_NAME } from './practice';

const suite = useBrowserStack();

describe('an invitation to an address that is another clinic’s account, in a real browser', () => {
  suite.journey('the invitee opens the link and is told why, with no password form', async (journey) => {
    const { db, app, mailbox, origin } = journey.stack;
    const id = randomUUID().slice(0, 6);
    const inviting = await createClinic(db, { name: CLINIC_NAME });
    const admin = await createStaff(db, inviting, { role: 'admin', email: `avery-${id}@example.test` });
    await setPassword(db, admin);
    const elsewhere = await createStaff(db, await createClinic(db), { email: `sam-${id}@example.test` });

    const asAdmin = await signIn(app, admin.email);
    await asAdmin.agent
      .post('/api/v1/staff/invitations')
      .set('x-csrf-token', asAdmin.csrfToken)
      .send({ email: elsewhere.email, name: 'Sam Probe', role: 'therapist' })
      .expect(201);
    const invitation = await mailbox.waitForMessageTo(elsewhere.email, /invitation/i);
    await followEmailedLink(origin, invitation.raw, 'invitation', { settlesWith: [409] });

    const page = await journey.open('Sam (has an account elsewhere)');
    await page.goto(dashboardLinkFromEmail(invitation.raw, origin, 'accept-invitation'));
    await page.getByRole('heading', { name: 'This address already has a Trellis account' }).waitFor();
    await page.getByText(/Sign in with it there; to join this clinic too/).waitFor();
    expect(await page.getByLabel(/^New password/).count()).toBe(0);
  });
});
