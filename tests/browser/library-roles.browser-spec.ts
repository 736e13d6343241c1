import { Client, Couple } from '@trellis/data';
import { useBrowserStack } from '../support/browser-journey';
import { seriousAccessibilityViolations } from '../support/axe';
import { TEST_PASSWORD } from '../support/sign-in';
import { DashboardPage } from './dashboard-page';
import { builtInExercise, practiceWithCouple } from './practice';

const suite = useBrowserStack();

describe('the exercise library by role and phase, in a real browser', () => {
  suite.journey(
    'a therapist records the phase and roles, previews the apology per role and is cautioned about a later-phase exercise',
    async (journey) => {
      const { db, origin } = journey.stack;
      const { therapist, couple } = await practiceWithCouple(journey.stack);
      const apology = await builtInExercise(journey.stack, 'apology-that-lands');
      const forgiveness = await builtInExercise(journey.stack, 'what-forgiveness-means');

      const page = await journey.open('Dana (therapist)');
      const dashboard = new DashboardPage(page, origin);
      await dashboard.openSignIn();
      await dashboard.signIn(therapist.email, TEST_PASSWORD);

      // The couple's edit page: phase and each partner's role (which only the therapist sees).
      await page.goto(`${origin}/#/couples/${couple.id}`);
      // The whole record loaded (the form waits for the partners), before any menu is opened.
      await page.getByRole('group', { name: 'Partner B' }).getByRole('textbox', { name: 'Name' }).waitFor();
      const listbox = page.locator('[role="listbox"]');
      await page.getByRole('combobox', { name: 'Phase' }).click();
      await page.getByRole('option', { name: 'Crisis and impact' }).click();
      // Each menu closes with a fade: wait until it is gone before the next one.
      await listbox.waitFor({ state: 'detached' });
      for (const [group, role] of [
        ['Partner A', 'Broke trust'],
        ['Partner B', 'Was hurt'],
      ] as const) {
        await page.getByRole('group', { name: group }).getByRole('combobox', { name: 'Role in what happened' }).click();
        await page.getByRole('option', { name: role, exact: true }).click();
        await listbox.waitFor({ state: 'detached' });
      }
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { level: 1, name: 'Alex & Sam' }).waitFor();
      await page.getByText('Role (only you see this): Broke trust').waitFor();
      await page.getByText('Role (only you see this): Was hurt').waitFor();
      expect((await db.getRepository(Couple).findOneByOrFail({ id: couple.id })).phase).toBe('crisis_and_impact');
      const roles = await db.getRepository(Client).find({ where: { coupleId: couple.id }, order: { position: 'ASC' } });
      expect(roles.map((c) => c.role)).toEqual(['broke_trust', 'hurt']);

      // Assigning forgiveness (moving on) to a couple in crisis: a caution, not a block.
      await page.getByRole('button', { name: 'Assign homework' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Assign homework to Alex & Sam' });
      await dialog.getByRole('combobox', { name: 'Exercise' }).fill('What forgiveness');
      await page.getByRole('option', { name: new RegExp(forgiveness.title) }).click();
      const caution = dialog.getByRole('alert', { name: 'Before you assign' });
      await caution.getByText(/belongs to the "Moving on" phase/).waitFor();
      const found = await seriousAccessibilityViolations(page, 'assign-dialog-caution');
      expect(found).toEqual([]);
      await dialog.getByRole('button', { name: 'Cancel' }).click();

      // The library previews the apology as each side sees it.
      await page.goto(`${origin}/#/exercises/${apology.id}/show`);
      await page.getByRole('heading', { level: 1, name: apology.title }).waitFor();
      const preview = page.getByRole('region', { name: 'What each partner sees' });
      const label = (id: string) => apology.prompts.find((p) => p.id === id)?.label ?? id;
      await preview.getByText(label('how_it_hurt_me')).waitFor();
      expect(await preview.getByText(label('what_i_did')).count()).toBe(0);
      await preview.getByRole('button', { name: 'Partner who broke trust' }).click();
      await preview.getByText(label('what_i_did')).waitFor();
      expect(await preview.getByText(label('how_it_hurt_me')).count()).toBe(0);
      expect(await seriousAccessibilityViolations(page, 'exercise-preview-by-role')).toEqual([]);
      await journey.documentScreen(page, 'exercise-preview-by-role');
    },
  );
});
