import { describe, expect, it } from '@jest/globals';
import type {
  ApiRouteFor,
  AssignmentDetail,
  AuditEntryView,
  CaseloadRow,
  CoupleView,
  DigestView,
  ExerciseDetail,
  ExerciseSummary,
  MeasureDetail,
  MeasureSummary,
  ProgramView,
  SessionNoteView,
  StaffMember,
  StaffMemberDetail,
} from '@trellis/contracts';
import type { ProgramStepBody } from '../resources/programs/programDraft';
import type { AsTyped } from './api';
import { type ListRecord, RESOURCE_ROUTES, type ResourceRecord, resourceRoute } from './resources';

// Type-level checks, compiled by the dashboard's typecheck (`tsc -p apps/dashboard/tsconfig.json`):
// each `@ts-expect-error` fails the build if the line below it ever compiles, i.e. if a wrong route,
// body or answer stopped being a compile error. Only `declare`d, never called.
declare const callApi: typeof import('./api').callApi;
declare const useApiGet: typeof import('./useApiQuery').useApiGet;

export const typeChecks = async () => {
  // @ts-expect-error: not a route of the API (the document has /couples/{id})
  await callApi('get', '/couple/{id}', { params: { id: 'c1' } });
  // @ts-expect-error: the route takes an {id}
  await callApi('get', '/couples/{id}/safety', { params: {} });
  // @ts-expect-error: lifting a pause needs its note, as text
  await callApi('post', '/couples/{id}/safety/lift', { params: { id: 'c1' }, body: { note: 1 } });
  const clinic = await callApi('get', '/clinic', { params: {} });
  // @ts-expect-error: the clinic's settings have no such field
  const missing: unknown = clinic.noSuchSetting;
  // @ts-expect-error: GET only: there is no GET /auth/logout
  useApiGet('/auth/logout', {});
  // @ts-expect-error: a resource's routes must exist in the document for that method
  const wrong: ApiRouteFor<'patch'> = '/programs';
  // A form's body may carry a number field's text as typed (AsTyped), for the API to name it…
  const asTypedStep: AsTyped<ProgramStepBody> = {
    title: 'T',
    kind: 'discuss',
    opensWhen: 'reviewed',
    dueInDays: 'soon',
  };
  // @ts-expect-error: …but only number fields: a kind the document does not list still fails
  const badKind: AsTyped<ProgramStepBody> = { title: 'T', kind: 'lecture', opensWhen: 'reviewed' };
  // @ts-expect-error: …and a field the document does not have still fails
  const badField: AsTyped<ProgramStepBody> = { title: 'T', kind: 'discuss', opensWhen: 'reviewed', opensAt: 1 };
  await callApi('post', '/programs', {
    params: {},
    // @ts-expect-error: an AsTyped body goes through asTyped, never straight to callApi
    body: { title: 'P', steps: [asTypedStep] },
  });
  return [wrong, missing, badKind, badField];
};

describe('RESOURCE_ROUTES', () => {
  it('names a route for every resource the dashboard registers, programs and assignment series included', () => {
    expect(resourceRoute('programs', 'update')).toBe('/programs/{id}');
    expect(resourceRoute('assignment-series', 'listInCouple')).toBe('/couples/{id}/assignment-series');
    expect(Object.keys(RESOURCE_ROUTES)).toEqual(
      expect.arrayContaining(['couples', 'assignments', 'assignment-series', 'programs', 'notes', 'staff']),
    );
  });
});

// The screens read react-admin's records as the hand-named contract types (useGetList<CaseloadRow>);
// each must be what the document says the route answers, so a changed answer is a compile error here.
type Answers<Contract, Generated> = [Generated] extends [Contract] ? true : false;
export const recordTypesMatchTheDocument: [
  Answers<CaseloadRow, ListRecord<'couples'>>,
  Answers<CoupleView, ResourceRecord<'couples'>>,
  Answers<AssignmentDetail, ResourceRecord<'assignments'>>,
  Answers<ExerciseSummary, ListRecord<'exercises'>>,
  Answers<ExerciseDetail, ResourceRecord<'exercises'>>,
  Answers<MeasureSummary, ListRecord<'measures'>>,
  Answers<MeasureDetail, ResourceRecord<'measures'>>,
  Answers<SessionNoteView, ResourceRecord<'notes'>>,
  Answers<ProgramView, ListRecord<'programs'>>,
  Answers<ProgramView, ResourceRecord<'programs'>>,
  Answers<DigestView, ResourceRecord<'digests'>>,
  Answers<StaffMember, ListRecord<'staff'>>,
  Answers<StaffMemberDetail, ResourceRecord<'staff'>>,
  Answers<AuditEntryView, ListRecord<'audit'>>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true];
