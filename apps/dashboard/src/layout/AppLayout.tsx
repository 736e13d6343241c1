import type { ReactNode } from 'react';
import { AppBar, Layout, LoadingIndicator, Navigate, ToggleThemeButton, UserMenu, useGetIdentity } from 'react-admin';
import { knownSession } from '../auth/session';
import { ENROLLMENT_PATH } from '../auth/twoFactor';
import { AppMenu } from './AppMenu';

// The button shows the person's name, so its accessible name must contain it too (WCAG 2.5.3):
// someone using voice control says what they see.
const NamedUserMenu = () => {
  const { identity } = useGetIdentity();
  return <UserMenu label={identity?.fullName ? String(identity.fullName) : 'Your account'} />;
};

// react-admin's own toolbar (one language, so no language menu), except that its loading spinner,
// a progressbar, gets a name: an unnamed one is a serious axe finding (aria-progressbar-name).
const TrellisToolbar = () => (
  <>
    <ToggleThemeButton />
    <LoadingIndicator aria-label="Loading" />
  </>
);

const TrellisAppBar = () => <AppBar userMenu={<NamedUserMenu />} toolbar={<TrellisToolbar />} />;

export const AppLayout = ({ children }: { children: ReactNode }) => {
  // The layout renders after checkAuth, so the session is fresh. While the clinic's two-factor
  // requirement is unmet the API refuses every screen's data: go and set it up instead.
  if (knownSession()?.twoFactorEnrollmentRequired) return <Navigate to={ENROLLMENT_PATH} replace />;
  return (
    <Layout menu={AppMenu} appBar={TrellisAppBar}>
      {children}
    </Layout>
  );
};
