import type {
  AddedProgramStepResponse,
  AgreementCandidate,
  AgreementReviewForm,
  AgreementReviewResult,
  AgreementRhythmView,
  AgreementView,
  AssignmentSeriesView,
  CalendarFeedView,
  ClinicSettings,
  CoupleEngagement,
  CoupleProgramResponse,
  CoupleProgramView,
  CoupleSafety,
  DigestPreferences,
  DigestView,
  JobView,
  QueueCounts,
  SafetyScreenView,
  SessionResponse,
  TherapistHome,
  TimelineEvent,
  TwoFactorChallenge,
  TwoFactorSetup,
  ApiTokenSummary,
  AssignmentDetail,
  AuditEntryView,
  CoupleExport,
  ExerciseDetail,
  ExerciseSummary,
  ProgramView,
  SessionNoteView,
  StaffMember,
  StaffMemberDetail,
  AssignmentSummary,
  CaseloadRow,
  CheckInForm,
  CheckInResult,
  CheckInScheduleView,
  ClinicMeasureSummary,
  CoupleMeasureResponses,
  HealthResponse,
  HomeworkGreeting,
  MeasurePreview,
  NotSafeReceipt,
  CoupleView,
  CreatedApiToken,
  HomeworkView,
  MeasureDetail,
  MeasureSummary,
  SessionView,
} from '@trellis/contracts';
import { safetyScreenPrompts, type MeasureDefinition, type Prompt } from '@trellis/domain';
import type {
  AgreementReviewLinkDto,
  AgreementReviewSubmitDto,
  AgreementRhythmDto,
  CreateAgreementDto,
  UpdateAgreementDto,
} from '../agreements/agreement.dto';
import type { CreateApiTokenDto } from '../api-tokens/api-tokens.dto';
import { auditCsv } from '../audit/audit.csv';
import type { CreateAssignmentSeriesDto, UpdateAssignmentSeriesDto } from '../assignment-series/assignment-series.dto';
import type { PasswordResetRequestDto, SetPasswordDto, TokenDto } from '../auth/account-links.dto';
import type { LoginDto } from '../auth/auth.dto';
import type { SecondFactorDto, TotpCodeDto } from '../auth/two-factor/two-factor.dto';
import type { UpdateClinicDto } from '../clinic/clinic.dto';
import type { DigestPreferencesDto } from '../digests/digest-preferences.dto';
import type { LiftSafetyPauseDto } from '../safety/safety.dto';
import type { SafetyScreenDto } from '../safety/safety-screen.dto';
import type { CreateAssignmentsDto, ReviewAssignmentDto, UpdateAssignmentDto } from '../assignments/assignment.dto';
import type {
  CheckInLinkDto,
  CheckInScheduleChangeDto,
  CheckInSubmitDto,
  CreateCheckInScheduleDto,
} from '../check-ins/check-in-schedule.dto';
import type { CreateCoupleDto, UpdateCoupleDto } from '../couples/couple.dto';
import { renderExportHtml } from '../couples/export-html';
import type { CreateExerciseDto, UpdateExerciseDto } from '../exercises/exercise.dto';
import type { AnswersDto, FreshLinkDto, HomeworkTokenDto, NotSafeDto } from '../homework/homework.dto';
import type { CreateMeasureDto, CreateMeasureVersionDto, MeasurePreviewDto } from '../measures/measure.dto';
import { responsesCsv } from '../measures/measure-responses.csv';
import type { AddendumDto, CreateNoteDto, UpdateNoteDto } from '../notes/note.dto';
import type {
  AddStepDto,
  CreateProgramDto,
  EnrolDto,
  ReorderStepsDto,
  UpdateEnrolmentDto,
  UpdateProgramDto,
} from '../programs/program.dto';
import type {
  BookSessionDto,
  CancelSessionDto,
  RescheduleSessionDto,
  SessionOutcomeDto,
} from '../sessions/session.dto';
import { sessionsCalendar } from '../sessions/calendar-feed.ics';
import type { InviteStaffDto, UpdateStaffDto } from '../staff/staff.dto';

/**
 * Examples for the main resources' request bodies and answers in the OpenAPI document, so an
 * integrator sees a realistic value next to each schema. Placeholder data only: invented names on
 * example.org, neutral text, never anything that reads like a clinical record.
 *
 * Each is typed with the shape it illustrates (a libs/contracts type or the request DTO), so a
 * changed shape is a compile error here; redocly (`npm run lint:openapi`, examples rules as errors)
 * checks each against its schema in the document as well.
 */

const ids = {
  clinicTherapist: '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  couple: '7a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d',
  partner1: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
  partner2: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
  exercise: '4d5e6f7a-8b9c-4d0e-8f1a-2b3c4d5e6f7a',
  assignment: '5e6f7a8b-9c0d-4e1f-9a2b-3c4d5e6f7a8b',
  measure: '6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c',
  session: '8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e',
  schedule: '9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
  apiToken: '0d1e2f3a-4b5c-4d6e-9f7a-8b9c0d1e2f3a',
  admin: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  series: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e',
  note: 'c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f',
  addendum: 'd5e6f7a8-b9c0-4d1e-8f2a-3b4c5d6e7f8a',
  program: 'e6f7a8b9-c0d1-4e2f-9a3b-4c5d6e7f8a9b',
  audit: 'f7a8b9c0-d1e2-4f3a-8b4c-5d6e7f8a9b0c',
  agreement: '0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d',
  invited: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  agreementVersion: '2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b',
  boundariesAssignment: '3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d',
  clinic: '4b5c6d7e-8f9a-4b0c-9d1e-2f3a4b5c6d7e',
  digest: '5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f',
  enrolment: '6d7e8f9a-0b1c-4d2e-9f3a-4b5c6d7e8f9a',
  step1: '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b',
  step2: '8f9a0b1c-2d3e-4f4a-9b5c-6d7e8f9a0b1c',
  step3: '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d',
  step4: 'a0b1c2d3-4e5f-4b6c-9d7e-8f9a0b1c2d3e',
  step5: 'a2b3c4d5-6e7f-4a8b-9c0d-1e2f3a4b5c6d',
  pathAssignment: 'b3c4d5e6-7f8a-4b9c-8d0e-2f3a4b5c6d7e',
  safetyPause: 'b1c2d3e4-5f6a-4c7d-8e9f-0a1b2c3d4e5f',
  safetyFlag: 'c2d3e4f5-6a7b-4d8e-9f0a-1b2c3d4e5f6a',
  liftedPause: 'd3e4f5a6-7b8c-4e9f-8a0b-2c3d4e5f6a7b',
  safetyScreen: 'e4f5a6b7-8c9d-4f0a-9b1c-3d4e5f6a7b8c',
  otherCouple: 'f5a6b7c8-9d0e-4a1b-8c2d-4e5f6a7b8c9d',
};

const prompts: Prompt[] = [
  {
    id: 'week_highlight',
    kind: 'long_text',
    label: 'What went well between you this week?',
    required: true,
    audience: 'shared',
    maxLength: 2000,
  },
  {
    id: 'time_together',
    kind: 'scale',
    label: 'How satisfied are you with your time together?',
    required: true,
    audience: 'shared',
    min: 0,
    max: 10,
    minLabel: 'Not at all',
    maxLabel: 'Completely',
  },
];

const couple: CoupleView = {
  id: ids.couple,
  displayName: 'Alex & Sam',
  therapistId: ids.clinicTherapist,
  therapistName: 'Dana Example',
  safetyConcern: null,
  status: 'active',
  nextSessionAt: '2026-12-08T17:00:00.000Z',
  lastActivityAt: '2026-12-03T09:30:00.000Z',
  createdAt: '2026-10-01T08:00:00.000Z',
  phase: 'understanding',
  partners: [
    {
      id: ids.partner1,
      position: 1,
      name: 'Alex',
      email: 'alex@example.org',
      timezone: 'Europe/London',
      emailConsent: true,
      role: 'not_set',
    },
    {
      id: ids.partner2,
      position: 2,
      name: 'Sam',
      email: 'sam@example.org',
      timezone: 'Europe/London',
      emailConsent: true,
      role: 'not_set',
    },
  ],
};

const caseloadRow: CaseloadRow = {
  id: couple.id,
  displayName: couple.displayName,
  therapistId: couple.therapistId,
  therapistName: couple.therapistName,
  status: couple.status,
  nextSessionAt: couple.nextSessionAt,
  lastActivityAt: couple.lastActivityAt,
  createdAt: couple.createdAt,
  phase: couple.phase,
  partnerNames: ['Alex', 'Sam'],
  partnerRoles: ['not_set', 'not_set'],
  openCount: 1,
  overdueCount: 0,
  awaitingReviewCount: 0,
  safetyConcern: couple.safetyConcern,
};

const assignment: AssignmentSummary = {
  id: ids.assignment,
  coupleId: ids.couple,
  exerciseId: ids.exercise,
  title: 'Weekly appreciation',
  strategy: 'appreciation',
  dueBeforeSession: { sessionId: ids.session, hours: 24 },
  series: { id: ids.series, occurrence: 2 },
  dueAt: '2026-12-07T21:00:00.000Z',
  status: 'completed',
  overdue: false,
  shareAnswersAfterBoth: true,
  createdAt: '2026-12-01T10:00:00.000Z',
  reviewedAt: null,
  partners: [
    {
      clientId: ids.partner1,
      position: 1,
      name: 'Alex',
      status: 'submitted',
      startedAt: '2026-12-02T19:00:00.000Z',
      lastSavedAt: '2026-12-02T19:12:00.000Z',
      submittedAt: '2026-12-02T19:15:00.000Z',
      linkOpenedAt: '2026-12-02T18:58:00.000Z',
      emailSentAt: '2026-12-01T10:00:05.000Z',
      email: 'sent',
    },
    {
      clientId: ids.partner2,
      position: 2,
      name: 'Sam',
      status: 'submitted',
      startedAt: '2026-12-03T08:00:00.000Z',
      lastSavedAt: '2026-12-03T08:09:00.000Z',
      submittedAt: '2026-12-03T08:10:00.000Z',
      linkOpenedAt: '2026-12-03T07:59:00.000Z',
      emailSentAt: '2026-12-01T10:00:05.000Z',
      email: 'sent',
    },
  ],
};

const assignmentDetail: AssignmentDetail = {
  ...assignment,
  purpose: 'Notice what is going well.',
  instructions: 'Answer on your own; there are no right answers.',
  message: 'See you next week.',
  prompts,
  reviewComments: [],
  answers: {
    1: { week_highlight: 'Example answer text.', time_together: 7 },
    2: { week_highlight: 'Another example answer.', time_together: 8 },
  },
};

const homework: HomeworkView = {
  responseId: 'b3c4d5e6-f7a8-4b9c-8d0e-2f3a4b5c6d7e',
  partnerFirstName: 'Alex',
  clinicName: 'Example Counseling',
  therapistName: 'Dana Example',
  title: assignmentDetail.title,
  purpose: assignmentDetail.purpose,
  instructions: assignmentDetail.instructions,
  message: assignmentDetail.message,
  dueAt: assignmentDetail.dueAt,
  dueLabel: 'Monday 7 December, 9:00 pm',
  estimatedMinutes: 10,
  prompts,
  answers: { week_highlight: 'Example answer text.', time_together: 7 },
  status: 'submitted',
  lastSavedAt: '2026-12-02T19:12:00.000Z',
  submittedAt: '2026-12-02T19:15:00.000Z',
  sharesAnswersAfterBoth: true,
  // Both have submitted and the therapist shares answers: the other partner's shared answers.
  partnerAnswers: { week_highlight: 'Another example answer.', time_together: 8 },
  partnerName: 'Sam',
  therapistComments: [],
  notSafeReportedAt: null,
};

const definition: MeasureDefinition = {
  instructions: 'Think about the past week.',
  items: [
    { id: 'together', label: 'We spent time together we both enjoyed.', reverse: false },
    { id: 'tension', label: 'Small disagreements turned into arguments.', reverse: true },
  ],
  scale: { min: 0, max: 4, minLabel: 'Never', maxLabel: 'Every day' },
  scoring: { method: 'sum', maxMissing: 0 },
  range: { min: 0, max: 8 },
  higherIsBetter: true,
  clinicalCutoff: null,
  reliableChange: null,
};

const measure: MeasureSummary = {
  id: ids.measure,
  key: null,
  kind: 'outcome',
  title: 'Weekly together check',
  description: 'A two-item example measure.',
  source: 'clinic',
  currentVersion: 1,
  itemCount: 2,
  range: { min: 0, max: 8 },
  higherIsBetter: true,
  clinicalCutoff: null,
  reliableChange: null,
};

const measureDetail: MeasureDetail = {
  ...measure,
  definition,
  versions: [{ version: 1, definition, createdAt: '2026-11-01T09:00:00.000Z' }],
};

const session: SessionView = {
  id: ids.session,
  coupleId: ids.couple,
  coupleName: 'Alex & Sam',
  therapistId: ids.clinicTherapist,
  therapistName: 'Dana Example',
  // One of a weekly series. (A null `frequency` is valid too, but Redocly reads OpenAPI 3.0's
  // nullable reference as not allowing null: the examples avoid nulls behind references.)
  seriesId: 'c3d4e5f6-a7b8-4c9d-8e0f-2a3b4c5d6e7f',
  frequency: 'weekly',
  startsAt: '2026-12-08T17:00:00.000Z',
  endsAt: '2026-12-08T17:50:00.000Z',
  durationMinutes: 50,
  location: 'Room 2',
  videoUrl: null,
  status: 'scheduled',
  cancelReason: null,
  attendance: [],
  note: null,
};

const schedule: CheckInScheduleView = {
  id: ids.schedule,
  coupleId: ids.couple,
  measureId: ids.measure,
  measureTitle: measure.title,
  kind: 'weekly',
  hours: null,
  weekday: 7,
  localTime: '18:00',
  onceAt: null,
  shareWithPartner: false,
  createdAt: '2026-11-02T09:00:00.000Z',
  updatedAt: '2026-11-02T09:00:00.000Z',
  upcoming: [
    { clientId: ids.partner1, position: 1, sendAt: '2026-12-06T18:00:00.000Z', occurrence: '2026-12-06' },
    { clientId: ids.partner2, position: 2, sendAt: '2026-12-06T18:00:00.000Z', occurrence: '2026-12-06' },
  ],
};

const checkInForm: CheckInForm = {
  partnerFirstName: 'Alex',
  clinicName: 'Example Counseling',
  title: measure.title,
  instructions: definition.instructions,
  items: definition.items.map((item) => ({ id: item.id, label: item.label, scale: definition.scale })),
};

const checkInResult: CheckInResult = {
  submittedAt: '2026-12-06T18:20:00.000Z',
  score: 6,
  range: { min: 0, max: 8 },
  higherIsBetter: true,
  mine: [
    { occurrence: '2026-11-29', submittedAt: '2026-11-29T18:30:00.000Z', score: 5 },
    { occurrence: '2026-12-06', submittedAt: '2026-12-06T18:20:00.000Z', score: 6 },
  ],
  partner: [],
  partnerFirstName: null,
};

const apiToken: ApiTokenSummary = {
  id: ids.apiToken,
  name: 'Reporting export',
  scope: 'read',
  createdBy: { id: ids.admin, name: 'Riley Admin' },
  createdAt: '2026-12-01T09:00:00.000Z',
  lastUsedAt: '2026-12-04T06:00:00.000Z',
  expiresAt: '2027-03-01T00:00:00.000Z',
  revokedAt: null,
};

const createdApiToken: CreatedApiToken = {
  ...apiToken,
  lastUsedAt: null,
  token: 'trellis_example_0123456789abcdefghijklmnopqrstuv',
};

// A signed SOAP note with one addendum: neutral placeholder text, nothing that reads like a record.
const note: SessionNoteView = {
  id: ids.note,
  coupleId: ids.couple,
  authorId: ids.clinicTherapist,
  authorName: 'Dana Example',
  format: 'soap',
  sessionDate: '2026-12-01',
  sessionId: ids.session,
  sections: {
    subjective: 'Example subjective text.',
    objective: 'Example objective text.',
    assessment: 'Example assessment text.',
    plan: 'Example plan text: weekly appreciation exercise before the next session.',
  },
  signedAt: '2026-12-01T18:10:00.000Z',
  createdAt: '2026-12-01T17:55:00.000Z',
  updatedAt: '2026-12-01T18:10:00.000Z',
  addenda: [
    {
      id: ids.addendum,
      authorId: ids.clinicTherapist,
      authorName: 'Dana Example',
      body: 'Example addendum text: corrected the date of the next session.',
      signedAt: '2026-12-02T09:00:00.000Z',
    },
  ],
};

const exerciseSummary: ExerciseSummary = {
  id: ids.exercise,
  key: 'our-evening-check-in',
  title: 'Our evening check-in',
  strategy: 'communication',
  strategyName: 'Communication skills',
  purpose: 'A calm ten minutes to say how the day went.',
  estimatedMinutes: 15,
  promptCount: 2,
  promptKinds: ['long_text', 'scale'],
  source: 'clinic',
  version: 1,
  basedOnId: null,
  basedOnVersion: null,
  newerSourceVersion: null,
  phase: 'rebuilding',
  coercionSensitive: false,
};

const exerciseDetail: ExerciseDetail = {
  ...exerciseSummary,
  instructions: 'Answer on your own; there are no right answers.',
  prompts,
};

const program: ProgramView = {
  id: ids.program,
  builtIn: false,
  title: 'Our first month',
  description: 'Four weeks of small, shared steps.',
  steps: [
    {
      title: 'Weekly appreciation',
      kind: 'exercise',
      exerciseId: ids.exercise,
      measureId: null,
      measureTitle: null,
      opensWhen: 'both_submitted',
      afterSessions: null,
      dueInDays: 7,
    },
    {
      title: 'Talk it through together',
      kind: 'discuss',
      exerciseId: null,
      measureId: null,
      measureTitle: null,
      opensWhen: 'after_sessions',
      afterSessions: 1,
      dueInDays: 7,
    },
    {
      title: 'How are we doing?',
      kind: 'check_in',
      exerciseId: null,
      measureId: ids.measure,
      measureTitle: measure.title,
      opensWhen: 'reviewed',
      afterSessions: null,
      dueInDays: 7,
    },
  ],
  archived: false,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-03T10:30:00.000Z',
};

const staffMember: StaffMember = {
  id: ids.clinicTherapist,
  email: 'dana@clinic.example',
  name: 'Dana Example',
  role: 'therapist',
  status: 'active',
  createdAt: '2026-09-01T09:00:00.000Z',
};

const staffMemberDetail: StaffMemberDetail = { ...staffMember, invitation: null, openCoupleCount: 12 };

const invitedStaff: StaffMember = {
  id: ids.invited,
  email: 'robin@clinic.example',
  name: 'Robin Hale',
  role: 'therapist',
  status: 'invited',
  createdAt: '2026-12-04T11:00:00.000Z',
};

const auditEntry: AuditEntryView = {
  id: ids.audit,
  occurredAt: '2026-12-04T06:00:00.000Z',
  actorType: 'api_token',
  actorId: ids.apiToken,
  actorName: 'Reporting export',
  action: 'couple.export',
  recordType: 'couple',
  recordId: ids.couple,
  recordName: 'Alex & Sam',
  outcome: 'success',
  ip: '203.0.113.10',
  userAgent: 'example-integration/1.0',
};

// A couple's whole record (`GET /couples/{id}/export`): one of each part, placeholder text only.
const coupleExport: CoupleExport = {
  exportedAt: '2026-12-04T06:00:00.000Z',
  couple,
  assignments: [
    {
      id: ids.assignment,
      title: assignmentDetail.title,
      strategy: assignmentDetail.strategy,
      assignedAt: assignmentDetail.createdAt,
      dueAt: assignmentDetail.dueAt,
      cancelledAt: null,
      message: assignmentDetail.message,
      prompts,
      answers: [
        { partner: 1, submittedAt: '2026-12-02T19:15:00.000Z', answers: homework.answers },
        { partner: 2, submittedAt: '2026-12-03T08:40:00.000Z', answers: homework.partnerAnswers },
      ],
      review: {
        reviewedAt: '2026-12-03T09:30:00.000Z',
        comments: [
          { author: 'Dana Example', body: 'Thank you both for doing this.', createdAt: '2026-12-03T09:30:00.000Z' },
        ],
      },
    },
  ],
  notes: [
    {
      id: note.id,
      format: note.format,
      sessionDate: note.sessionDate,
      signedAt: '2026-12-01T18:10:00.000Z',
      author: note.authorName,
      sections: note.sections,
      addenda: note.addenda.map((a) => ({ author: a.authorName, signedAt: a.signedAt, body: a.body })),
    },
  ],
  measures: [
    {
      measureId: ids.measure,
      title: measure.title,
      kind: 'outcome',
      items: definition.items.map((item) => ({ id: item.id, label: item.label })),
      responses: [
        {
          partner: 1,
          occurrence: '2026-12-06',
          submittedAt: '2026-12-06T18:20:00.000Z',
          measureVersion: 1,
          score: 6,
          band: 'non_clinical',
          prorated: false,
          answers: { together: 3, tension: 1 },
          itemScores: { together: 3, tension: 3 },
        },
      ],
    },
  ],
  sessions: [session],
  agreements: [
    {
      id: ids.agreement,
      status: 'active',
      source: 'session',
      createdAt: '2026-11-10T17:45:00.000Z',
      retiredAt: null,
      versions: [
        {
          version: 1,
          text: 'We take a ten-minute walk together after dinner on weekdays.',
          editedBy: 'Dana Example',
          createdAt: '2026-11-10T17:45:00.000Z',
          confirmations: [
            { partner: 1, confirmedAt: '2026-11-10T20:00:00.000Z' },
            { partner: 2, confirmedAt: '2026-11-11T07:30:00.000Z' },
          ],
        },
      ],
      weeks: [
        {
          weekOf: '2026-11-16',
          partners: [
            { partner: 1, answer: 'kept', note: null, version: 1 },
            { partner: 2, answer: 'mostly', note: 'Example note for the counselor.', version: 1 },
          ],
          accountsDiffer: true,
        },
      ],
    },
  ],
};

// Agreements: one the couple made in session, both partners' accounts of the last two weeks.
const agreement: AgreementView = {
  id: ids.agreement,
  coupleId: ids.couple,
  status: 'active',
  source: 'session',
  sourceAssignmentId: null,
  sourcePromptId: null,
  sourceClientId: null,
  version: 2,
  text: 'We each say how we are feeling before we go to bed, and listen without interrupting.',
  versions: [
    {
      version: 2,
      text: 'We each say how we are feeling before we go to bed, and listen without interrupting.',
      editedByName: 'Dana Example',
      createdAt: '2026-11-17T17:40:00.000Z',
    },
    {
      version: 1,
      text: 'We talk about how we are feeling every evening.',
      editedByName: 'Dana Example',
      createdAt: '2026-11-10T17:45:00.000Z',
    },
  ],
  confirmations: [
    { clientId: ids.partner1, confirmedAt: '2026-11-17T20:05:00.000Z' },
    { clientId: ids.partner2, confirmedAt: '2026-11-18T07:30:00.000Z' },
  ],
  weeks: [
    {
      weekOf: '2026-11-30',
      partners: [
        { clientId: ids.partner1, answer: 'kept', note: null },
        { clientId: ids.partner2, answer: 'mostly', note: 'Example note for the counselor.' },
      ],
      accountsDiffer: true,
    },
    {
      weekOf: '2026-11-23',
      partners: [
        { clientId: ids.partner1, answer: 'kept', note: null },
        { clientId: ids.partner2, answer: 'kept', note: null },
      ],
      accountsDiffer: false,
    },
  ],
  createdAt: '2026-11-10T17:45:00.000Z',
  retiredAt: null,
};

const agreementCandidate: AgreementCandidate = {
  assignmentId: ids.boundariesAssignment,
  promptId: 'proposed_agreement',
  promptLabel: 'What is one limit you would like us to agree on together?',
  clientId: ids.partner2,
  partnerName: 'Sam',
  text: 'We tell each other when plans change, before they change.',
  submittedAt: '2026-12-02T20:10:00.000Z',
};

const agreementRhythm: AgreementRhythmView = {
  weekday: 7,
  localTime: '18:00',
  timezone: 'Europe/London',
  upcoming: [
    { clientId: ids.partner1, sendAt: '2026-12-06T18:00:00.000Z' },
    { clientId: ids.partner2, sendAt: '2026-12-06T18:00:00.000Z' },
  ],
};

const agreementReviewForm: AgreementReviewForm = {
  partnerFirstName: 'Alex',
  clinicName: 'Example Counseling',
  weekOf: '2026-11-30',
  agreements: [
    {
      agreementId: ids.agreement,
      versionId: ids.agreementVersion,
      version: 2,
      text: agreement.text,
      confirmed: true,
    },
  ],
};

const agreementReviewResult: AgreementReviewResult = {
  submittedAt: '2026-12-06T18:25:00.000Z',
  streaks: [{ agreementId: ids.agreement, text: agreement.text, keptWeeksInARow: 3 }],
};

// Recurring homework: the weekly appreciation exercise, due Mondays at 9 pm for twelve weeks (the
// assignment example is its second occurrence).
const series: AssignmentSeriesView = {
  id: ids.series,
  coupleId: ids.couple,
  exerciseId: ids.exercise,
  exerciseTitle: 'Weekly appreciation',
  rhythm: 'weekly',
  weekdays: [],
  dueTime: '21:00',
  timeZone: 'Europe/London',
  startsOn: '2026-11-30',
  endsOn: null,
  count: 12,
  message: 'A few minutes each week to notice what the other did well.',
  shareAnswersAfterBoth: true,
  status: 'active',
  stoppedReason: null,
  occurrencesSoFar: 2,
  lastAssignmentId: ids.assignment,
  nextDueAt: '2026-12-14T21:00:00.000Z',
  createdAt: '2026-11-24T10:00:00.000Z',
};

const clinic: ClinicSettings = {
  id: ids.clinic,
  name: 'Example Counseling',
  timezone: 'Europe/London',
  requireTwoFactor: true,
  digestEmailDetail: 'names',
  neutralPartnerEmails: false,
  offTrackRecentDrop: 5,
  offTrackGapWidening: 6,
  offTrackLowCheckOut: 7,
  offTrackSessionsWithoutImprovement: 6,
  safetyCheckInIntervalDays: 28,
  safetyCheckInScreen: 'built_in',
  gentleReminderAfterMisses: 2,
  engagementTaskAfterMisses: 3,
};

// The Monday digest for one therapist: counts and names only (the clinic's digestEmailDetail).
const digest: DigestView = {
  id: ids.digest,
  kind: 'weekly',
  coupleId: null,
  periodStart: '2026-11-30T08:00:00.000Z',
  periodEnd: '2026-12-07T08:00:00.000Z',
  createdAt: '2026-12-07T08:00:02.000Z',
  content: {
    therapistName: 'Dana Example',
    clinicName: 'Example Counseling',
    periodLabel: '30 November – 7 December',
    couples: [
      {
        coupleId: ids.couple,
        coupleName: 'Alex & Sam',
        completed: 2,
        overdue: 0,
        awaitingReview: 1,
        engagement: 'Alex did all; Sam did all',
        checkInWith: [],
        notableScales: [
          {
            partner: 'Sam',
            exercise: 'Weekly appreciation',
            prompt: 'How satisfied are you with your time together?',
            value: 9,
            max: 10,
          },
        ],
      },
      {
        coupleId: ids.otherCouple,
        coupleName: 'Jordan & Priya',
        completed: 0,
        overdue: 1,
        awaitingReview: 0,
        engagement: 'Jordan missed 3 of the last 4; Priya did all',
        checkInWith: ['Jordan'],
        notableScales: [],
      },
    ],
    offTrack: [],
  },
};

const digestPreferences: DigestPreferences = { weekly: true };

// A couple on "Our first month" with one step added: the appreciation exercise done, the session
// discussion done, the check-in open and waiting on one partner; the rest pending.
const coupleProgram: CoupleProgramView = {
  id: ids.enrolment,
  coupleId: ids.couple,
  programId: ids.program,
  title: program.title,
  status: 'active',
  createdAt: '2026-11-20T10:00:00.000Z',
  completedAt: null,
  current: { step: 3, total: 5, title: 'How are we doing?', nextTitle: 'Our evening check-in' },
  steps: [
    {
      id: ids.step1,
      position: 1,
      title: 'Weekly appreciation',
      kind: 'exercise',
      exerciseId: ids.exercise,
      measureId: null,
      measureTitle: null,
      opensWhen: 'both_submitted',
      afterSessions: null,
      dueInDays: 7,
      status: 'done',
      assignmentId: ids.pathAssignment,
      openedAt: '2026-11-20T10:00:00.000Z',
      finishedAt: '2026-11-26T20:40:00.000Z',
      warnings: [],
      checkIns: [],
    },
    {
      id: ids.step2,
      position: 2,
      title: 'Talk it through together',
      kind: 'discuss',
      exerciseId: null,
      measureId: null,
      measureTitle: null,
      opensWhen: 'after_sessions',
      afterSessions: 1,
      dueInDays: 7,
      status: 'done',
      assignmentId: null,
      openedAt: '2026-11-26T20:40:00.000Z',
      finishedAt: '2026-12-01T17:50:00.000Z',
      warnings: [],
      checkIns: [],
    },
    {
      id: ids.step3,
      position: 3,
      title: 'How are we doing?',
      kind: 'check_in',
      exerciseId: null,
      measureId: ids.measure,
      measureTitle: measure.title,
      opensWhen: 'reviewed',
      afterSessions: null,
      dueInDays: 7,
      status: 'open',
      assignmentId: null,
      openedAt: '2026-12-01T17:50:00.000Z',
      finishedAt: null,
      warnings: [],
      checkIns: [
        { position: 1, state: 'answered', waitingReason: null, message: null },
        { position: 2, state: 'sent', waitingReason: null, message: null },
      ],
    },
    {
      id: ids.step4,
      position: 4,
      title: 'Our evening check-in',
      kind: 'exercise',
      exerciseId: exerciseSummary.id,
      measureId: null,
      measureTitle: null,
      opensWhen: 'both_submitted',
      afterSessions: null,
      dueInDays: 7,
      status: 'pending',
      assignmentId: null,
      openedAt: null,
      finishedAt: null,
      warnings: [
        {
          code: 'later_phase',
          message:
            'This exercise belongs to the "Rebuilding" phase, and this couple is in "Understanding". Asking for ' +
            'it too early can add pressure.',
        },
      ],
      checkIns: [],
    },
    {
      id: ids.step5,
      position: 5,
      title: 'What we have learned so far',
      kind: 'discuss',
      exerciseId: null,
      measureId: null,
      measureTitle: null,
      opensWhen: 'after_sessions',
      afterSessions: 1,
      dueInDays: 7,
      status: 'pending',
      assignmentId: null,
      openedAt: null,
      finishedAt: null,
      warnings: [],
      checkIns: [],
    },
  ],
};

const coupleProgramResponse: CoupleProgramResponse = { enrolment: coupleProgram };

const addedProgramStep: AddedProgramStepResponse = {
  enrolment: coupleProgram,
  added: { stepId: ids.step4, warnings: coupleProgram.steps[3].warnings },
};

// A pause Sam raised from a homework page, and an earlier one the therapist lifted.
const coupleSafety: CoupleSafety = {
  openPause: {
    id: ids.safetyPause,
    raisedAt: '2026-12-04T21:15:00.000Z',
    flags: [
      {
        id: ids.safetyFlag,
        partnerName: 'Sam',
        source: 'partner_flag',
        assignmentId: ids.assignment,
        homeworkTitle: 'Weekly appreciation',
        at: '2026-12-04T21:15:00.000Z',
      },
    ],
  },
  lifted: [
    {
      id: ids.liftedPause,
      raisedAt: '2026-10-20T19:00:00.000Z',
      liftedAt: '2026-10-22T10:30:00.000Z',
      liftedByName: 'Dana Example',
      note: 'Example note: spoke with each partner separately; joint work resumes.',
    },
  ],
};

const safetyScreenQuestions: SafetyScreenView['questions'] = [
  {
    label: 'How safe do you feel at home at the moment?',
    options: [
      { label: 'Safe', concerning: false },
      { label: 'Mostly safe', concerning: false },
      { label: 'Not safe', concerning: true },
    ],
  },
];

const safetyScreen: SafetyScreenView = {
  id: ids.safetyScreen,
  title: 'A private check-in',
  instructions: 'Only your counselor sees these answers. Your partner does not.',
  questions: safetyScreenQuestions,
  freeTextQuestion: 'Is there anything else you would like your counselor to know?',
  version: 2,
  inUse: true,
  // As the check-in sends it, made by the same function.
  prompts: safetyScreenPrompts({
    questions: safetyScreenQuestions,
    freeTextQuestion: 'Is there anything else you would like your counselor to know?',
  }),
  updatedAt: '2026-11-05T09:00:00.000Z',
};

const signedIn: SessionResponse = {
  user: {
    id: ids.clinicTherapist,
    email: 'dana@clinic.example',
    name: 'Dana Example',
    role: 'therapist',
    clinicId: ids.clinic,
  },
  csrfToken: 'example-csrf-token-0123456789abcdef',
  twoFactorEnabled: true,
  twoFactorEnrollmentRequired: false,
};

const twoFactorSetup: TwoFactorSetup = {
  secret: 'JBSWY3DPEHPK3PXP',
  otpauthUrl: 'otpauth://totp/Trellis:dana%40clinic.example?secret=JBSWY3DPEHPK3PXP&issuer=Trellis',
};

const queueCounts: QueueCounts[] = [
  { name: 'email', counts: { waiting: 0, active: 1, delayed: 3, failed: 0, completed: 412 } },
  { name: 'reminders', counts: { waiting: 0, active: 0, delayed: 18, failed: 1, completed: 230 } },
];

const job: JobView = {
  id: '1842',
  queue: 'reminders',
  name: 'send-reminder',
  state: 'failed',
  data: { responseId: homework.responseId, clinicId: ids.clinic, n: 1, dueAtMs: Date.parse(assignment.dueAt) },
  attemptsMade: 5,
  maxAttempts: 5,
  failedReason: 'Example: the mail server did not answer.',
  createdAt: '2026-12-05T08:00:00.000Z',
  processedAt: '2026-12-05T08:00:01.000Z',
  finishedAt: '2026-12-05T08:31:00.000Z',
  delayUntil: null,
};

const engagement: CoupleEngagement = {
  coupleId: ids.couple,
  partners: [
    {
      clientId: ids.partner1,
      name: 'Alex',
      position: 1,
      counted: 4,
      missed: 0,
      onTimeRate: 1,
      missedInARow: 0,
      lastActiveAt: '2026-12-02T19:15:00.000Z',
      daysSinceActive: 3,
      gentleReminders: false,
      needsCheckIn: false,
    },
    {
      clientId: ids.partner2,
      name: 'Sam',
      position: 2,
      counted: 4,
      missed: 1,
      onTimeRate: 0.75,
      missedInARow: 0,
      lastActiveAt: '2026-12-03T08:10:00.000Z',
      daysSinceActive: 2,
      gentleReminders: false,
      needsCheckIn: false,
    },
  ],
};

const home: TherapistHome = {
  coupleCount: 12,
  awaitingReview: [
    {
      assignmentId: ids.assignment,
      coupleId: ids.couple,
      coupleName: 'Alex & Sam',
      title: 'Weekly appreciation',
      completedAt: '2026-12-03T08:10:00.000Z',
    },
  ],
  overdue: [
    {
      assignmentId: ids.boundariesAssignment,
      coupleId: ids.otherCouple,
      coupleName: 'Jordan & Priya',
      title: 'Setting limits together',
      dueAt: '2026-12-04T21:00:00.000Z',
      waitingFor: ['Jordan'],
    },
  ],
  upcomingSessions: [{ coupleId: ids.couple, coupleName: 'Alex & Sam', nextSessionAt: '2026-12-08T17:00:00.000Z' }],
  notesToFinish: [
    {
      sessionId: ids.session,
      coupleId: ids.couple,
      coupleName: 'Alex & Sam',
      startsAt: '2026-12-01T17:00:00.000Z',
      noteId: null,
    },
  ],
  safetyAlerts: [],
  completionByWeek: [
    { weekStart: '2026-11-23', due: 9, completed: 7 },
    { weekStart: '2026-11-30', due: 10, completed: 8 },
  ],
  completionByStrategy: [
    { strategy: 'appreciation', assigned: 14, completed: 12 },
    { strategy: 'communication', assigned: 6, completed: 4 },
  ],
  offTrack: [
    {
      coupleId: ids.otherCouple,
      coupleName: 'Jordan & Priya',
      partnerNames: ['Jordan', 'Priya'],
      reasons: [{ kind: 'widening_gap', from: 2, to: 9 }],
    },
  ],
  offTrackCount: 1,
  checkIns: [
    {
      coupleId: ids.otherCouple,
      coupleName: 'Jordan & Priya',
      clientId: 'a6b7c8d9-0e1f-4b2c-9d3e-5f6a7b8c9d0e',
      partnerName: 'Jordan',
      missedInARow: 3,
      lastActiveAt: '2026-11-14T20:00:00.000Z',
    },
  ],
  checkInCount: 1,
};

const timelineEvent: TimelineEvent = {
  at: '2026-12-03T08:10:00.000Z',
  kind: 'submitted',
  recordId: ids.assignment,
  title: 'Weekly appreciation',
  actor: 'Sam',
};

// Right after `POST /calendar-feed`: the only time the URL is shown.
const calendarFeed: CalendarFeedView = {
  active: true,
  createdAt: '2026-12-05T09:00:00.000Z',
  expiresAt: '2027-12-05T09:00:00.000Z',
  url: 'https://trellis.example.org/api/v1/calendar-feeds/example-feed-token-0123456789abcdef',
};

// Emailed-link pages (invitations, password resets, homework): enough to say "is this you?".
const invitationLookup: { name: string; email: string; clinicName: string } = {
  name: invitedStaff.name,
  email: invitedStaff.email,
  clinicName: 'Example Counseling',
};

const homeworkGreeting: HomeworkGreeting = { partnerFirstName: 'Alex', clinicName: 'Example Counseling' };

const notSafeReceipt: NotSafeReceipt = { reportedAt: '2026-12-04T21:15:00.000Z' };

const health: HealthResponse = { status: 'ok', checks: { postgres: { status: 'up' }, redis: { status: 'up' } } };

const clinicMeasureSummary: ClinicMeasureSummary = {
  measures: [
    {
      measureId: ids.measure,
      title: measure.title,
      kind: 'outcome',
      basis: 'clinic_threshold',
      threshold: 5,
      improving: 4,
      unchanged: 5,
      worsening: 1,
      tooFew: 2,
    },
  ],
};

const measurePreview: MeasurePreview = {
  score: 6,
  itemScores: { together: 3, tension: 3 },
  answeredCount: 2,
  missingItemIds: [],
  prorated: false,
  band: null,
  range: { min: 0, max: 8 },
};

const coupleMeasureResponses: CoupleMeasureResponses = {
  measure,
  partners: [
    {
      clientId: ids.partner1,
      position: 1,
      responses: [
        {
          id: 'a7b8c9d0-1e2f-4a3b-8c4d-6e7f8a9b0c1d',
          occurrence: '2026-11-29',
          submittedAt: '2026-11-29T18:30:00.000Z',
          measureVersion: 1,
          score: 5,
          band: null,
          prorated: false,
          answers: { together: 3, tension: 2 },
          itemScores: { together: 3, tension: 2 },
        },
        {
          id: 'b8c9d0e1-2f3a-4b4c-9d5e-7f8a9b0c1d2e',
          occurrence: '2026-12-06',
          submittedAt: '2026-12-06T18:20:00.000Z',
          measureVersion: 1,
          score: 6,
          band: null,
          prorated: false,
          answers: { together: 3, tension: 1 },
          itemScores: { together: 3, tension: 3 },
        },
      ],
    },
    {
      clientId: ids.partner2,
      position: 2,
      responses: [
        {
          id: 'c9d0e1f2-3a4b-4c5d-8e6f-8a9b0c1d2e3f',
          occurrence: '2026-11-29',
          submittedAt: '2026-11-30T08:05:00.000Z',
          measureVersion: 1,
          score: 4,
          band: null,
          prorated: false,
          answers: { together: 2, tension: 2 },
          itemScores: { together: 2, tension: 2 },
        },
      ],
    },
  ],
  sessionDates: ['2026-11-24', '2026-12-01'],
};

const twoFactorChallenge: TwoFactorChallenge = { twoFactorRequired: true };

const twoFactorEnabled: { recoveryCodes: string[] } = {
  recoveryCodes: ['k7mq-3xr9-tb2p', 'w4nd-8hcz-q6vf', 'p2xs-5jkr-m9ya'],
};

export type OperationExample = { example: unknown } | { examples: Record<string, { summary: string; value: unknown }> };

// Signing in (or setting a password from an emailed link) answers with the session, or, when the
// person has two-factor sign-in on, with a challenge for the second factor.
const signInExamples: OperationExample = {
  examples: {
    signedIn: { summary: 'Signed in', value: signedIn },
    twoFactorRequired: { summary: 'A second factor is needed (POST /auth/2fa/verify)', value: twoFactorChallenge },
  },
};

/** An answer's example by the name of its schema in the document; `ListResponse_<name>` lists it. */
export const RESPONSE_EXAMPLES: Record<string, unknown> = {
  CaseloadRow: caseloadRow,
  CoupleView: couple,
  AssignmentSummary: assignment,
  AssignmentDetail: assignmentDetail,
  HomeworkView: homework,
  MeasureSummary: measure,
  MeasureDetail: measureDetail,
  SessionView: session,
  BookedSessions: { data: [session], total: 1 },
  CheckInScheduleView: schedule,
  CheckInForm: checkInForm,
  CheckInResult: checkInResult,
  ApiTokenSummary: apiToken,
  CreatedApiToken: createdApiToken,
  SessionNoteView: note,
  CoupleExport: coupleExport,
  ExerciseSummary: exerciseSummary,
  ExerciseDetail: exerciseDetail,
  ProgramView: program,
  // The invitation's answer; the list shows rows like it.
  StaffMember: invitedStaff,
  StaffMemberDetail: staffMemberDetail,
  AuditEntryView: auditEntry,
  AgreementView: agreement,
  AgreementCandidate: agreementCandidate,
  AgreementRhythmView: agreementRhythm,
  AgreementReviewForm: agreementReviewForm,
  AgreementReviewResult: agreementReviewResult,
  AssignmentSeriesView: series,
  ClinicSettings: clinic,
  DigestView: digest,
  DigestPreferences: digestPreferences,
  CoupleProgramResponse: coupleProgramResponse,
  AddedProgramStepResponse: addedProgramStep,
  CoupleSafety: coupleSafety,
  SafetyScreenView: safetyScreen,
  SessionResponse: signedIn,
  TwoFactorSetup: twoFactorSetup,
  JobView: job,
  CoupleEngagement: engagement,
  TherapistHome: home,
  TimelineEvent: timelineEvent,
  CalendarFeedView: calendarFeed,
  HomeworkGreeting: homeworkGreeting,
  NotSafeReceipt: notSafeReceipt,
  HealthResponse: health,
  ClinicMeasureSummary: clinicMeasureSummary,
  MeasurePreview: measurePreview,
  CoupleMeasureResponses: coupleMeasureResponses,
};

/**
 * Examples for answers whose schema is written out in place (a union, a bare array, a small
 * object, a CSV download) rather than a named component, by operationId: one `example`, or several
 * named `examples` when the answer is one of a few shapes.
 */
export const OPERATION_EXAMPLES: Record<string, OperationExample> = {
  auth_login: signInExamples,
  accountLinks_accept: signInExamples,
  accountLinks_confirmReset: signInExamples,
  twoFactor_enable: { example: twoFactorEnabled },
  queueAdmin_counts: { example: queueCounts },
  accountLinks_lookup: { example: invitationLookup },
  accountLinks_lookupReset: { example: { name: staffMember.name, email: staffMember.email } },
  accountLinks_requestReset: {
    example: { message: 'If that email has an account, a link to reset the password is on its way.' },
  },
  homework_start: { example: { ok: true } },
  homework_saveDraft: { example: { savedAt: '2026-12-02T19:12:00.000Z' } },
  homework_submit: { example: { submittedAt: '2026-12-02T19:15:00.000Z' } },
  homework_freshLink: { example: { message: 'If that address has homework waiting, a new link is on its way.' } },
  health_live: { example: { status: 'ok' } },
  // The CSV, iCalendar and HTML downloads, made by the functions the endpoints use.
  couples_exportHtml: { example: renderExportHtml(coupleExport) },
  audit_export: { example: auditCsv([auditEntry]) },
  // The feed a calendar app reads: the session example and the next one in its weekly series.
  publicCalendarFeed_feed: {
    example: sessionsCalendar(
      [session, { ...session, id: 'e8f9a0b1-c2d3-4e4f-8a5b-6c7d8e9f0a1b', startsAt: '2026-12-15T17:00:00.000Z' }].map(
        (s) => ({ ...s, startsAt: new Date(s.startsAt) }),
      ),
      'https://trellis.example.org',
      new Date('2026-12-05T09:00:00.000Z'),
    ),
  },
  coupleMeasures_exportCsv: {
    example: responsesCsv(
      coupleMeasureResponses,
      definition.items.map((item) => item.id),
    ),
  },
};

/** A request body's example by the name of its DTO's schema in the document. */
export const REQUEST_EXAMPLES: Record<string, unknown> = {
  CreateCoupleDto: {
    displayName: 'Alex & Sam',
    nextSessionAt: '2026-12-08T17:00:00Z',
    partners: [
      { name: 'Alex', email: 'alex@example.org', timezone: 'Europe/London', emailConsent: true },
      { name: 'Sam', email: 'sam@example.org', timezone: 'Europe/London', emailConsent: true },
    ],
  } satisfies CreateCoupleDto,
  UpdateCoupleDto: { displayName: 'Alex & Sam', status: 'paused' } satisfies UpdateCoupleDto,
  CreateAssignmentsDto: {
    exerciseId: ids.exercise,
    coupleIds: [ids.couple],
    dueAt: '2026-12-07T21:00:00Z',
    message: 'See you next week.',
    shareAnswersAfterBoth: true,
  } satisfies CreateAssignmentsDto,
  UpdateAssignmentDto: { dueAt: '2026-12-09T21:00:00Z' } satisfies UpdateAssignmentDto,
  ReviewAssignmentDto: { comment: 'Thank you both for doing this.' } satisfies ReviewAssignmentDto,
  AnswersDto: { answers: { week_highlight: 'Example answer text.', time_together: 7 } } satisfies AnswersDto,
  CreateMeasureDto: {
    title: measure.title,
    description: measure.description,
    kind: 'outcome',
    definition: { ...definition },
  } satisfies CreateMeasureDto,
  BookSessionDto: {
    startsAt: '2026-12-08T17:00:00Z',
    durationMinutes: 50,
    location: 'Room 2',
    frequency: 'weekly',
    occurrences: 6,
  } satisfies BookSessionDto,
  RescheduleSessionDto: { startsAt: '2026-12-09T16:00:00Z', scope: 'this' } satisfies RescheduleSessionDto,
  CancelSessionDto: { reason: 'Clinic closed that day', scope: 'this' } satisfies CancelSessionDto,
  SessionOutcomeDto: { status: 'held', partner1: 'attended', partner2: 'late' } satisfies SessionOutcomeDto,
  CreateCheckInScheduleDto: {
    measureId: ids.measure,
    kind: 'weekly',
    weekday: 7,
    localTime: '18:00',
    shareWithPartner: false,
  } satisfies CreateCheckInScheduleDto,
  CheckInSubmitDto: {
    token: 'example-check-in-link-token',
    answers: { together: 3, tension: 1 },
  } satisfies CheckInSubmitDto,
  CreateApiTokenDto: {
    name: 'Reporting export',
    scope: 'read',
    expiresAt: '2027-03-01T00:00:00Z',
  } satisfies CreateApiTokenDto,
  CreateNoteDto: {
    format: 'soap',
    sessionId: ids.session,
    sections: { subjective: 'Example subjective text.', plan: 'Example plan text.' },
  } satisfies CreateNoteDto,
  UpdateNoteDto: {
    sections: { subjective: 'Example subjective text.', plan: 'Example plan text, revised.' },
  } satisfies UpdateNoteDto,
  AddendumDto: { body: 'Example addendum text: corrected the date of the next session.' } satisfies AddendumDto,
  CreateExerciseDto: {
    title: exerciseDetail.title,
    strategy: 'communication',
    purpose: exerciseDetail.purpose,
    instructions: exerciseDetail.instructions,
    estimatedMinutes: 15,
    prompts,
    phase: 'rebuilding',
    coercionSensitive: false,
  } satisfies CreateExerciseDto,
  UpdateExerciseDto: { estimatedMinutes: 20 } satisfies UpdateExerciseDto,
  CreateProgramDto: {
    title: program.title,
    description: program.description,
    steps: [
      {
        title: 'Weekly appreciation',
        kind: 'exercise',
        exerciseId: ids.exercise,
        opensWhen: 'both_submitted',
        dueInDays: 7,
      },
      { title: 'Talk it through together', kind: 'discuss', opensWhen: 'after_sessions', afterSessions: 1 },
    ],
  } satisfies CreateProgramDto,
  UpdateProgramDto: { description: 'Four weeks of small, shared steps, at your own pace.' } satisfies UpdateProgramDto,
  InviteStaffDto: { email: invitedStaff.email, name: invitedStaff.name, role: 'therapist' } satisfies InviteStaffDto,
  UpdateStaffDto: { status: 'deactivated', reassignCouplesTo: ids.admin } satisfies UpdateStaffDto,
  CreateAgreementDto: {
    text: 'We tell each other when plans change, before they change.',
    assignmentId: ids.boundariesAssignment,
    promptId: 'proposed_agreement',
    clientId: ids.partner2,
  } satisfies CreateAgreementDto,
  UpdateAgreementDto: { text: agreement.text } satisfies UpdateAgreementDto,
  AgreementRhythmDto: { weekday: 7, localTime: '18:00' } satisfies AgreementRhythmDto,
  AgreementReviewLinkDto: { token: 'example-agreement-review-token' } satisfies AgreementReviewLinkDto,
  AgreementReviewSubmitDto: {
    token: 'example-agreement-review-token',
    confirmVersionIds: [],
    reviews: [{ agreementId: ids.agreement, answer: 'mostly', note: 'Example note for the counselor.' }],
  } satisfies AgreementReviewSubmitDto,
  CreateAssignmentSeriesDto: {
    coupleId: ids.couple,
    exerciseId: ids.exercise,
    rhythm: 'weekly',
    dueTime: '21:00',
    startsOn: '2026-11-30',
    count: 12,
    message: series.message,
    shareAnswersAfterBoth: true,
  } satisfies CreateAssignmentSeriesDto,
  UpdateAssignmentSeriesDto: {
    rhythm: 'weekdays',
    weekdays: [1, 4],
    dueTime: '20:00',
  } satisfies UpdateAssignmentSeriesDto,
  LoginDto: { email: 'dana@clinic.example', password: 'example-password-2026' } satisfies LoginDto,
  SecondFactorDto: { code: '123456' } satisfies SecondFactorDto,
  TotpCodeDto: { code: '123456' } satisfies TotpCodeDto,
  UpdateClinicDto: {
    requireTwoFactor: true,
    safetyCheckInIntervalDays: 28,
    engagementTaskAfterMisses: 3,
  } satisfies UpdateClinicDto,
  DigestPreferencesDto: { weekly: false } satisfies DigestPreferencesDto,
  EnrolDto: { programId: ids.program } satisfies EnrolDto,
  UpdateEnrolmentDto: { status: 'paused' } satisfies UpdateEnrolmentDto,
  AddStepDto: {
    title: 'Our evening check-in',
    kind: 'exercise',
    exerciseId: exerciseSummary.id,
    opensWhen: 'both_submitted',
    dueInDays: 7,
    beforeStepId: ids.step5,
  } satisfies AddStepDto,
  ReorderStepsDto: { stepIds: [ids.step5, ids.step4] } satisfies ReorderStepsDto,
  LiftSafetyPauseDto: {
    note: 'Example note: spoke with each partner separately; joint work resumes.',
  } satisfies LiftSafetyPauseDto,
  TokenDto: { token: 'example-account-link-token-0123' } satisfies TokenDto,
  SetPasswordDto: {
    token: 'example-account-link-token-0123',
    password: 'a long example passphrase',
  } satisfies SetPasswordDto,
  PasswordResetRequestDto: { email: staffMember.email } satisfies PasswordResetRequestDto,
  HomeworkTokenDto: { token: 'example-homework-link-token-0123' } satisfies HomeworkTokenDto,
  FreshLinkDto: { email: 'alex@example.org' } satisfies FreshLinkDto,
  // "I don't feel safe doing this exercise": the homework session says whose and which, so no body.
  NotSafeDto: {} satisfies NotSafeDto,
  CheckInLinkDto: { token: 'example-check-in-link-token' } satisfies CheckInLinkDto,
  CheckInScheduleChangeDto: {
    kind: 'before_session',
    hours: 24,
    shareWithPartner: false,
  } satisfies CheckInScheduleChangeDto,
  MeasurePreviewDto: {
    definition: { ...definition },
    answers: { together: 3, tension: 1 },
  } satisfies MeasurePreviewDto,
  CreateMeasureVersionDto: {
    definition: { ...definition, instructions: 'Think about the past two weeks.' },
  } satisfies CreateMeasureVersionDto,
  SafetyScreenDto: {
    title: safetyScreen.title,
    instructions: safetyScreen.instructions,
    questions: safetyScreenQuestions,
    freeTextQuestion: safetyScreen.freeTextQuestion,
  } satisfies SafetyScreenDto,
};
