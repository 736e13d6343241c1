import { lazy, Suspense, type ComponentType, type ReactElement } from 'react';
import { Admin, CustomRoutes, Loading, reactRouterProvider, Resource } from 'react-admin';
import { resourcesFor, type ResourceName } from './auth/access';
import { authProvider } from './auth/authProvider';
import { LoginPage } from './auth/LoginPage';
import { ENROLLMENT_PATH } from './auth/twoFactor';
import { dataProvider } from './data/dataProvider';
import { AppLayout } from './layout/AppLayout';
import { audit } from './resources/audit';
import { couples } from './resources/couples';
import { digests } from './resources/digests';
import { exercises } from './resources/exercises';
import { staff } from './resources/staff';
import { darkTheme, lightTheme } from './theme';

// Screens are lazy so the first load carries only react-admin's shell; each screen's code comes on
// its first visit. Resources under src/resources/<name>/ are lazy-loaded the same way (in their
// index.ts). The sign-in page stays static: react-admin's shell already bundles everything it uses.
const Dashboard = lazy(() => import('./dashboard/Dashboard').then((m) => ({ default: m.Dashboard })));
const AccountPage = lazy(() => import('./account/AccountPage').then((m) => ({ default: m.AccountPage })));
const AcceptInvitationPage = lazy(() =>
  import('./auth/AcceptInvitationPage').then((m) => ({ default: m.AcceptInvitationPage })),
);
const ForgotPasswordPage = lazy(() =>
  import('./auth/ForgotPasswordPage').then((m) => ({ default: m.ForgotPasswordPage })),
);
const ResetPasswordPage = lazy(() =>
  import('./auth/ResetPasswordPage').then((m) => ({ default: m.ResetPasswordPage })),
);
const TwoFactorEnrollmentPage = lazy(() =>
  import('./auth/TwoFactorEnrollmentPage').then((m) => ({ default: m.TwoFactorEnrollmentPage })),
);
const AssignmentReviewPage = lazy(() =>
  import('./resources/assignments/AssignmentReviewPage').then((m) => ({ default: m.AssignmentReviewPage })),
);
const ClinicSettingsPage = lazy(() =>
  import('./clinic/ClinicSettingsPage').then((m) => ({ default: m.ClinicSettingsPage })),
);
const QueuesPage = lazy(() => import('./queues/QueuesPage').then((m) => ({ default: m.QueuesPage })));

// react-router comes with react-admin but is not our own dependency: take Route from react-admin's
// router adapter rather than importing a package that package.json does not list.
const { Route } = reactRouterProvider;

// Pages outside the layout have no Suspense boundary of their own.
const publicPage = (Page: ComponentType) => (
  <Suspense fallback={<Loading />}>
    <Page />
  </Suspense>
);

// Which role sees which of these is decided in auth/access.ts.
const resources: Record<ResourceName, ReactElement> = {
  couples: <Resource key="couples" name="couples" {...couples} />,
  exercises: <Resource key="exercises" name="exercises" {...exercises} />,
  digests: <Resource key="digests" name="digests" {...digests} />,
  staff: <Resource key="staff" name="staff" {...staff} />,
  audit: <Resource key="audit" name="audit" {...audit} />,
};

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
    {/* Reached from emailed links or the sign-in page, signed out: react-admin renders routes
        without layout whatever the auth state, so `requireAuth` does not send these to sign-in. */}
    <CustomRoutes noLayout>
      <Route path="/accept-invitation" element={publicPage(AcceptInvitationPage)} />
      <Route path="/forgot-password" element={publicPage(ForgotPasswordPage)} />
      <Route path="/reset-password" element={publicPage(ResetPasswordPage)} />
      {/* Signed in, but the clinic requires two-factor sign-in first: no layout, whose screens the API refuses. */}
      <Route path={ENROLLMENT_PATH} element={publicPage(TwoFactorEnrollmentPage)} />
    </CustomRoutes>
    <CustomRoutes>
      <Route path="/account" element={<AccountPage />} />
      {/* Homework has no list of its own (it lives on each couple's page): only the review screen. */}
      <Route path="/assignments/:id" element={<AssignmentReviewPage />} />
    </CustomRoutes>
    {/* Resources by role: a therapist's app has no Staff or Audit routes or menu entries at all. */}
    {(permissions: unknown) => [
      ...resourcesFor(permissions).map((name) => resources[name]),
      permissions === 'admin' && (
        <CustomRoutes key="admin-routes">
          <Route path="/clinic" element={<ClinicSettingsPage />} />
          <Route path="/queues" element={<QueuesPage />} />
        </CustomRoutes>
      ),
    ]}
  </Admin>
);
