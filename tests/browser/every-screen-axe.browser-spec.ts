import { type AxeFinding, moderateAccessibilityViolations } from '../support/axe';
import { useBrowserStack } from '../support/browser-journey';
import { type ScreenCheck, walkAdminScreens, walkTherapistScreens } from './every-screen';

// Issue 15's bar for the staff dashboard: no serious and no moderate axe finding on any screen,
// for both roles. Every screen is checked before the verdict, so one run lists every problem.

const suite = useBrowserStack();

function axeCheck(found: Record<string, AxeFinding[]>): ScreenCheck {
  return async (page, label) => {
    const violations = await moderateAccessibilityViolations(page, label);
    if (violations.length) found[label] = violations;
  };
}

describe('every dashboard screen passes axe with nothing moderate or worse', () => {
  suite.journey(
    'a therapist’s screens: home, caseload, a couple’s tabs, forms, library, measures, digests, account',
    async (journey) => {
      const found: Record<string, AxeFinding[]> = {};
      await walkTherapistScreens(journey, axeCheck(found));
      expect(found).toEqual({});
    },
    120_000,
  );

  suite.journey(
    'an admin’s screens: home, staff, inviting, editing a person, audit trail, job queues, clinic settings',
    async (journey) => {
      const found: Record<string, AxeFinding[]> = {};
      await walkAdminScreens(journey, axeCheck(found));
      expect(found).toEqual({});
    },
    120_000,
  );
});
