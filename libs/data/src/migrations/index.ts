import { CreatedClinicsStaffAndJobLedger1795643745720 } from './1795643745720-CreatedClinicsStaffAndJobLedger';
import { CreatedAuditEventsAndAuthTokens1795645224082 } from './1795645224082-CreatedAuditEventsAndAuthTokens';
import { AddedSessionsValidAfterToStaff1795645438836 } from './1795645438836-AddedSessionsValidAfterToStaff';
import { AddedTwoFactorSignIn1795646281220 } from './1795646281220-AddedTwoFactorSignIn';
import { CreatedCaseloadExercisesAndAssignments1795646466729 } from './1795646466729-CreatedCaseloadExercisesAndAssignments';
import { AddedHomeworkLinkLifetimeToClinic1795646873477 } from './1795646873477-AddedHomeworkLinkLifetimeToClinic';
import { CreatedDigests1795648155000 } from './1795648155000-CreatedDigests';
import { CreatedHttpSessions1795648832218 } from './1795648832218-CreatedHttpSessions';
import { AddedForeignKeyIndexes1795649425431 } from './1795649425431-AddedForeignKeyIndexes';
import { RenamedSummariesQueueToDigests1795650000000 } from './1795650000000-RenamedSummariesQueueToDigests';
import { AddedHomeworkSessionsValidAfter1795650100000 } from './1795650100000-AddedHomeworkSessionsValidAfter';
import { AddedDigestEmailDetailToClinic1795650200000 } from './1795650200000-AddedDigestEmailDetailToClinic';
import { CreatedPasswordResetRequests1795650300000 } from './1795650300000-CreatedPasswordResetRequests';
import { AddedWeeklyDigestChoiceToStaff1795650400000 } from './1795650400000-AddedWeeklyDigestChoiceToStaff';
import { CreatedMeasures1795650417000 } from './1795650417000-CreatedMeasures';
import { CreatedMeasureResponses1795650417100 } from './1795650417100-CreatedMeasureResponses';
import { ScopedPendingInvitationsToTheirClinic1795650500000 } from './1795650500000-ScopedPendingInvitationsToTheirClinic';
import { AddedAudienceToPrompts1795651818000 } from './1795651818000-AddedAudienceToPrompts';
import { CreatedAssignmentReviewComments1795651818100 } from './1795651818100-CreatedAssignmentReviewComments';
import { AddedNeutralPartnerEmailsToClinic1795652000000 } from './1795652000000-AddedNeutralPartnerEmailsToClinic';
import { CreatedCheckInSchedules1795700000000 } from './1795700000000-CreatedCheckInSchedules';
import { AddedOffTrackThresholdsToClinic1795710000000 } from './1795710000000-AddedOffTrackThresholdsToClinic';
import { AddedCheckInScoresIndex1795710000100 } from './1795710000100-AddedCheckInScoresIndex';
import { CreatedSafetyPauses1795720000000 } from './1795720000000-CreatedSafetyPauses';
import { AddedPhasesAndPartnerRoles1795740000000 } from './1795740000000-AddedPhasesAndPartnerRoles';
import { CreatedSessions1795750000000 } from './1795750000000-CreatedSessions';
import { LinkedNotesToSessions1795750100000 } from './1795750100000-LinkedNotesToSessions';
import { CreatedCalendarFeeds1795750200000 } from './1795750200000-CreatedCalendarFeeds';
import { CreatedApiTokens1795760000000 } from './1795760000000-CreatedApiTokens';
import { CreatedAssignmentSeries1795770000000 } from './1795770000000-CreatedAssignmentSeries';
import { CreatedPrograms1795780000000 } from './1795780000000-CreatedPrograms';
import { AddedSequenceToSessions1795810000000 } from './1795810000000-AddedSequenceToSessions';
import { LinkedHomeworkDueDatesToSessions1795810100000 } from './1795810100000-LinkedHomeworkDueDatesToSessions';
import { MarkedConcerningCheckInAnswers1795850000000 } from './1795850000000-MarkedConcerningCheckInAnswers';
import { AddedCheckInProgramSteps1795860000000 } from './1795860000000-AddedCheckInProgramSteps';
import { CreatedEmailLinkSecrets1795865000000 } from './1795865000000-CreatedEmailLinkSecrets';
import { CreatedAgreements1795790000000 } from './1795790000000-CreatedAgreements';
import { AddedEngagementThresholdsToClinic1795800000000 } from './1795800000000-AddedEngagementThresholdsToClinic';
import { CreatedAgreementConfirmationRequests1795840000000 } from './1795840000000-CreatedAgreementConfirmationRequests';

/** In order. Never edit a migration once it has landed: add a new one. */
export const MIGRATIONS = [
  CreatedClinicsStaffAndJobLedger1795643745720,
  CreatedAuditEventsAndAuthTokens1795645224082,
  AddedSessionsValidAfterToStaff1795645438836,
  AddedTwoFactorSignIn1795646281220,
  CreatedCaseloadExercisesAndAssignments1795646466729,
  AddedHomeworkLinkLifetimeToClinic1795646873477,
  CreatedDigests1795648155000,
  CreatedHttpSessions1795648832218,
  AddedForeignKeyIndexes1795649425431,
  RenamedSummariesQueueToDigests1795650000000,
  AddedHomeworkSessionsValidAfter1795650100000,
  AddedDigestEmailDetailToClinic1795650200000,
  CreatedPasswordResetRequests1795650300000,
  AddedWeeklyDigestChoiceToStaff1795650400000,
  CreatedMeasures1795650417000,
  CreatedMeasureResponses1795650417100,
  ScopedPendingInvitationsToTheirClinic1795650500000,
  AddedAudienceToPrompts1795651818000,
  CreatedAssignmentReviewComments1795651818100,
  AddedNeutralPartnerEmailsToClinic1795652000000,
  CreatedCheckInSchedules1795700000000,
  AddedOffTrackThresholdsToClinic1795710000000,
  AddedCheckInScoresIndex1795710000100,
  CreatedSafetyPauses1795720000000,
  AddedPhasesAndPartnerRoles1795740000000,
  CreatedSessions1795750000000,
  LinkedNotesToSessions1795750100000,
  CreatedCalendarFeeds1795750200000,
  CreatedApiTokens1795760000000,
  CreatedAssignmentSeries1795770000000,
  CreatedPrograms1795780000000,
  CreatedAgreements1795790000000,
  AddedEngagementThresholdsToClinic1795800000000,
  AddedSequenceToSessions1795810000000,
  LinkedHomeworkDueDatesToSessions1795810100000,
  CreatedAgreementConfirmationRequests1795840000000,
  MarkedConcerningCheckInAnswers1795850000000,
  AddedCheckInProgramSteps1795860000000,
  CreatedEmailLinkSecrets1795865000000,
];
