import { lazy } from 'react';
import { Admin, CustomRoutes, reactRouterProvider } from 'react-admin';
import { authProvider } from './auth/authProvider';
import { LoginPage } from './auth/LoginPage';
import { dataProvider } from './data/dataProvider';
import { AppLayout } from './layout/AppLayout';
import { darkTheme, lightTheme } from './theme';

// Screens are lazy so the first load carries only react-admin's shell; each screen's code comes on
// its first visit. Resources go under src/resources/<name>/ and are lazy-loaded the same way.
// The sign-in page stays static: react-admin's shell already bundles everything it uses.
const Dashboard = lazy(() => import('./dashboard/Dashboard').then((m) => ({ default: m.Dashboard })));
const AccountPage = lazy(() => import('./account/AccountPage').then((m) => ({ default: m.AccountPage })));

// react-router comes with react-admin but is not our own dependency: take Route from react-admin's
// router adapter rather than importing a package that package.json does not list.
const { Route } = reactRouterProvider;

export const App = () => (
  <Admin
    title="Trellis"
    authProvider={authProvider}
    dataProvider={dataProvider}
    loginPage={LoginPage}
    layout={AppLayout}
    dashboard={Dashboard}
    theme={lightTheme}
    darkTheme={darkTheme}
    requireAuth
    disableTelemetry
  >
    {/* Without a resource or a custom route react-admin shows its own welcome page instead of the
        dashboard; this route is the first real one. */}
    <CustomRoutes>
      <Route path="/account" element={<AccountPage />} />
    </CustomRoutes>
  </Admin>
);
