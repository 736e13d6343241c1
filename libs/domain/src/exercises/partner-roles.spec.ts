import { longText, scale } from './prompt-builders';
import { hasRolePrompts, partnerRoleOf, PARTNER_ROLES, promptIsForRole, promptsForRole } from './partner-roles';

const common = longText('common', 'For both');
const forHurt = scale('hurt_only', 'For the hurt partner', 'Low', 'High', { forRole: 'hurt' });
const forOther = longText('other_only', 'For the partner who broke trust', { forRole: 'broke_trust' });
const prompts = [common, forHurt, forOther];

describe('promptsForRole', () => {
  it.each([
    ['hurt', ['common', 'hurt_only']],
    ['broke_trust', ['common', 'other_only']],
    ['both', ['common', 'hurt_only', 'other_only']],
    ['not_set', ['common']],
  ] as const)('shows a partner who is %s only their prompts', (role, ids) => {
    expect(promptsForRole(prompts, role).map((p) => p.id)).toEqual(ids);
  });

  it('hands back the prompts without saying whom they target', () => {
    for (const prompt of promptsForRole(prompts, 'both')) expect(prompt).not.toHaveProperty('forRole');
    expect(prompts[1]).toHaveProperty('forRole', 'hurt');
  });

  it('fails closed on a prompt aimed at an unknown role', () => {
    const odd = { ...common, id: 'odd', forRole: 'everyone' } as unknown as typeof common;
    for (const role of PARTNER_ROLES) expect(promptIsForRole(odd, role)).toBe(false);
  });

  it('treats an unreadable stored role as not set', () => {
    expect(partnerRoleOf('hurt')).toBe('hurt');
    expect(partnerRoleOf(null)).toBe('not_set');
    expect(partnerRoleOf('Hurt')).toBe('not_set');
  });

  it('knows when an exercise has prompts for one role', () => {
    expect(hasRolePrompts(prompts)).toBe(true);
    expect(hasRolePrompts([common])).toBe(false);
  });
});
