import type { AssignmentDetail, AssignmentSummary, ReviewComment } from '@trellis/contracts';
import { Assignment, Client, HomeworkResponse } from '@trellis/data';
import { deriveAssignmentStatus, deriveResponseStatus, homeworkEmailState } from '@trellis/domain';

export interface ResponseWithClient {
  response: HomeworkResponse;
  client: Client;
  emailSentAt: Date | null;
  /** A link email for this response is queued, not yet sent. */
  emailPending: boolean;
  /** A link email for this response failed for good. */
  emailFailed: boolean;
}

export function toSummary(a: Assignment, responses: ResponseWithClient[], now = new Date()): AssignmentSummary {
  const { status, overdue } = deriveAssignmentStatus(
    {
      dueAt: a.dueAt,
      cancelledAt: a.cancelledAt,
      reviewedAt: a.reviewedAt,
      responses: responses.map((r) => r.response),
    },
    now,
  );
  return {
    id: a.id,
    coupleId: a.coupleId,
    exerciseId: a.exerciseId,
    title: a.title,
    strategy: a.strategy,
    dueAt: a.dueAt.toISOString(),
    dueBeforeSession:
      a.dueSessionId && a.dueHoursBeforeSession !== null
        ? { sessionId: a.dueSessionId, hours: a.dueHoursBeforeSession }
        : null,
    status,
    overdue,
    shareAnswersAfterBoth: a.shareAnswersAfterBoth,
    createdAt: a.createdAt.toISOString(),
    reviewedAt: a.reviewedAt?.toISOString() ?? null,
    series: a.seriesId && a.seriesOccurrence ? { id: a.seriesId, occurrence: a.seriesOccurrence } : null,
    partners: responses
      .sort((x, y) => x.client.position - y.client.position)
      .map(({ response, client, emailSentAt, emailPending, emailFailed }) => ({
        clientId: client.id,
        position: client.position,
        name: client.name,
        status: deriveResponseStatus(response),
        startedAt: response.startedAt?.toISOString() ?? null,
        lastSavedAt: response.lastSavedAt?.toISOString() ?? null,
        submittedAt: response.submittedAt?.toISOString() ?? null,
        linkOpenedAt: response.linkOpenedAt?.toISOString() ?? null,
        emailSentAt: emailSentAt?.toISOString() ?? null,
        email: homeworkEmailState({
          emailConsent: client.emailConsent,
          lastSentAt: emailSentAt,
          pending: emailPending,
          failed: emailFailed,
        }),
      })),
  };
}

export function toDetail(
  a: Assignment,
  responses: ResponseWithClient[],
  reviewComments: ReviewComment[],
): AssignmentDetail {
  const submitted = (position: 1 | 2) => {
    const found = responses.find((r) => r.client.position === position);
    return found?.response.submittedAt ? found.response.answers : null;
  };
  return {
    ...toSummary(a, responses),
    purpose: a.purpose,
    instructions: a.instructions,
    message: a.message,
    prompts: a.prompts,
    reviewComments,
    answers: { 1: submitted(1), 2: submitted(2) },
  };
}
