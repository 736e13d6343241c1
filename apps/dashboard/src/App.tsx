import { lazy, Suspense, type ComponentType, type ReactElement } from 'react';
import { Admin, CustomRoutes, Loading, NotFound, reactRouterProvider, Resource } from 'react-admin';
import { resourcesFor, type ResourceName } from './auth/access';
import { authProvider } from './auth/authProvider';
import { LoginPage } from './auth/LoginPage';
import { ENROLLMENT_PATH } from './auth/twoFactor';
import { dataProvider } from './data/dataProvider';
import { AppLayout } from './layout/AppLayout';
import { assignments } from './resources/assignments';
import { audit } from './resources/audit';
import { couples } from './resources/couples';
import { digests } from './resources/digests';
import { exercises } from './resources/exercises';
import { measures } from './resources/measures';
import { programs } from './resources/programs';
import { staff } from './resources/staff';
import { i18nProvider } from './i18n/i18nProvider';
import { darkTheme, lightTheme } from './theme';

// Layout of src/: each feature has a folder. The react-admin resources live in
// src/resources/<name>/, whose index.ts gives the Resource its views, lazy-loaded: couples,
// assignments (homework: only its review screen, as the show view), exercises, digests, staff,
// audit. resources/notes/ is a folder of components, not a Resource: session notes exist only inside
// a couple (the API has `/couples/:id/notes` and `/notes/:id`, no list of all notes), so the couple's
// page shows them in its Notes tab. Screens that are not resources (home, account, sign-in and
// invitation pages, clinic settings, job queues) have folders of their own and are routed below.
//
// Screens are lazy so the first load carries only react-admin's shell; each screen's code comes on
// its first visit. The sign-in page stays static: react-admin's shell already bundles everything it
// uses.
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
const ClinicSettingsPage = lazy(() =>
  import('./clinic/ClinicSettingsPage').then((m) => ({ default: m.ClinicSettingsPage })),
);
const SafetyScreenPage = lazy(() => import('./clinic/SafetyScreenPage').then((m) => ({ default: m.SafetyScreenPage })));
// The calendar (FullCalendar, ~80 KB gzip with its CSS and the Temporal polyfill) comes only with its route.
const CalendarPage = lazy(() => import('./calendar/CalendarPage').then((m) => ({ default: m.CalendarPage })));
const CalendarFeedPage = lazy(() =>
  import('./calendar/CalendarFeedPage').then((m) => ({ default: m.CalendarFeedPage })),
);
const QueuesPage = lazy(() => import('./queues/QueuesPage').then((m) => ({ default: m.QueuesPage })));
const ApiTokensPage = lazy(() => import('./apiTokens/ApiTokensPage').then((m) => ({ default: m.ApiTokensPage })));

// react-router comes with react-admin but is not our own dependency: take Route from react-admin's
// router adapter rather than importing a package that package.json does not list.
const { Route } = reactRouterProvider;

// Pages outside the layout have no Suspense boundary of their own.
const publicPage = (Page: ComponentType) => (
  <Suspense fallback={<Loading />}>
    <Page />
  </Suspense>
);

// Which role sees which of these is decided in auth/access.ts. A resource without a list has no
// menu entry (react-admin's menu lists only resources with one).
const resources: Record<ResourceName, ReactElement> = {
  couples: <Resource key="couples" name="couples" {...couples} />,
  // react-admin routes a show view to `/assignments/:id/show`; the review screen's address has always
  // been `/assignments/:id` (what the home screen, a couple's homework and timeline and the digests,
  // which emails open, link to; and what people bookmarked), so it is served there too. Anything else
  // under /assignments is not found, as before the resource existed.
  assignments: (
    <Resource key="assignments" name="assignments" {...assignments}>
      <Route path=":id" element={<assignments.show />} />
      <Route path="*" element={<NotFound />} />
    </Resource>
  ),
  exercises: <Resource key="exercises" name="exercises" {...exercises} />,
  programs: <Resource key="programs" name="programs" {...programs} />,
  measures: <Resource key="measures" name="measures" {...measures} />,
  digests: <Resource key="digests" name="digests" {...digests} />,
  staff: <Resource key="staff" name="staff" {...staff} />,
  audit: <Resource key="audit" name="audit" {...audit} />,
};

export const App = () => (
  <Admin
    title="Trellis"
    authProvider={authProvider}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
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
      <Route path="/calendar" element={<CalendarPage />} />
      <Route path="/calendar/feed" element={<CalendarFeedPage />} />
    </CustomRoutes>
    {/* Resources by role: a therapist's app has no Staff or Audit routes or menu entries at all. */}
    {(permissions: unknown) => [
      ...resourcesFor(permissions).map((name) => resources[name]),
      permissions === 'admin' && (
        <CustomRoutes key="admin-routes">
          <Route path="/clinic" element={<ClinicSettingsPage />} />
          <Route path="/clinic/safety-screen" element={<SafetyScreenPage />} />
          <Route path="/queues" element={<QueuesPage />} />
          <Route path="/api-tokens" element={<ApiTokensPage />} />
        </CustomRoutes>
      ),
    ]}
  </Admin>
);
