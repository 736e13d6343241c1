import { randomUUID } from 'node:crypto';
import { StaffUser } from '@trellis/data';
import { useBrowserStack } from '../support/browser-journey';
import { eventually } from '../support/eventually';
import { createClinic, createStaff } from '../support/factories';
import { setPassword, TEST_PASSWORD } from '../support/sign-in';
import { DashboardPage } from './dashboard-page';
import { CLINIC_NAME, THERAPIST_NAME } from './practice';

const suite = useBrowserStack();

describe('digest choices in a real browser', () => {
  suite.journey('a therapist turns the weekly digest off and on again from the Digests page', async (journey) => {
    const { db, origin } = journey.stack;
    const clinic = await createClinic(db, { name: CLINIC_NAME });
    const therapist = await createStaff(db, clinic, {
      name: THERAPIST_NAME,
      email: `dana-${randomUUID().slice(0, 6)}@example.test`,
    });
    await setPassword(db, therapist);
    const stored = () => db.getRepository(StaffUser).findOneByOrFail({ id: therapist.id });

    const page = await journey.open('Dana (therapist)');
    const dashboard = new DashboardPage(page, origin);
    await dashboard.openSignIn();
    await dashboard.signIn(therapist.email, TEST_PASSWORD);
    await dashboard.menuItem('Digests').click();

    const weekly = page.getByRole('switch', { name: 'Email me a weekly digest every Monday' });
    await eventually(async () => expect(await weekly.isChecked()).toBe(true));
    // The switch follows the server's answer, so it turns after the save, not on the click.
    await weekly.click();
    await page.getByText('No more weekly digests. Digests before a session still come.').waitFor();
    await eventually(async () => expect((await stored()).weeklyDigest).toBe(false));

    // The choice is what the page shows after a reload.
    await page.reload();
    await eventually(async () => expect(await weekly.isChecked()).toBe(false));
    await weekly.click();
    await page.getByText('Your weekly digest will be emailed every Monday morning.').waitFor();
    await eventually(async () => expect(await weekly.isChecked()).toBe(true));
    await eventually(async () => expect((await stored()).weeklyDigest).toBe(true));
  });
});
