import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { IsNull } from 'typeorm';
import { HOMEWORK_CSRF_HEADER } from '@trellis/contracts';
import { Client, Clinic, Couple, Exercise, StaffUser } from '@trellis/data';
import {
  type AnswerMap,
  BUILT_IN_EXERCISES,
  checklist,
  longText,
  scale,
  singleChoice,
  type Prompt,
} from '@trellis/domain';
import type { BrowserStack } from '../support/browser-stack';
import { followEmailedLink } from '../support/email-links';
import { createClinic, createCouple, createStaff } from '../support/factories';
import { setPassword, signIn } from '../support/sign-in';

// The dashboard's couple and assignment screens are still being built: the therapist's side is
// arranged through the API (a signed-in supertest agent) and factories; the browser drives the
// client's homework page and the admin screens that exist.

const DAY = 24 * 3600 * 1000;
export const CLINIC_NAME = 'Harbour Counselling';
export const THERAPIST_NAME = 'Dana Reyes';
export const PARTNER_NAMES = ['Alex Morgan', 'Sam Taylor'] as const;

export type StaffAgent = Awaited<ReturnType<typeof signIn>>;

/** A clinic of its own with a signed-in therapist and one couple whose partners consent to email. */
export async function practiceWithCouple(stack: BrowserStack) {
  const { db, app } = stack;
  const clinic = await createClinic(db, { name: CLINIC_NAME });
  const therapist = await createStaff(db, clinic, { name: THERAPIST_NAME });
  await setPassword(db, therapist);
  const { couple, partners } = await createCouple(db, clinic, therapist, { displayName: 'Alex & Sam' });
  for (const [i, partner] of partners.entries()) {
    partner.name = PARTNER_NAMES[i];
    await db.getRepository(Client).update({ id: partner.id }, { name: partner.name });
  }
  const asTherapist = await signIn(app, therapist.email);
  return { clinic, therapist, couple, partners, asTherapist };
}

/** One more couple in the therapist's caseload, with people's names (for screens worth looking at). */
export async function namedCouple(
  stack: BrowserStack,
  clinic: Clinic,
  therapist: StaffUser,
  displayName: string,
  names: readonly [string, string],
  overrides: Partial<Couple> = {},
): Promise<{ couple: Couple; partners: [Client, Client] }> {
  const { couple, partners } = await createCouple(stack.db, clinic, therapist, { displayName, ...overrides });
  for (const [i, partner] of partners.entries()) {
    partner.name = names[i];
    await stack.db.getRepository(Client).update({ id: partner.id }, { name: partner.name });
  }
  return { couple, partners };
}

/**
 * A partner opens their emailed link and submits complete answers through the homework API
 * (what the homework page does, without a browser): for screens that need submitted answers.
 */
export async function submitFromEmailedLink(stack: BrowserStack, email: string, answers: AnswerMap): Promise<void> {
  const message = await stack.mailbox.waitForMessageTo(email, new RegExp(`Homework from ${CLINIC_NAME}`));
  const { token } = await followEmailedLink(stack.origin, message.raw, 'homework');
  const partner = request.agent(stack.app.getHttpServer());
  await partner.post('/api/v1/homework/session').set(HOMEWORK_CSRF_HEADER, '1').send({ token }).expect(200);
  await partner.post('/api/v1/homework/current/submit').set(HOMEWORK_CSRF_HEADER, '1').send({ answers }).expect(200);
}

/** Assigns an exercise to the couple as the therapist; the worker then emails both partners. */
export async function assign(
  asTherapist: StaffAgent,
  exerciseId: string,
  coupleId: string,
  message = 'Take your time with this one.',
  dueAt = new Date(Date.now() + 5 * DAY),
): Promise<string> {
  const res = await asTherapist.agent
    .post('/api/v1/assignments')
    .set('x-csrf-token', asTherapist.csrfToken)
    .send({ exerciseId, coupleIds: [coupleId], dueAt: dueAt.toISOString(), message, shareAnswersAfterBoth: false })
    .expect(201);
  return res.body.data[0].id as string;
}

/** A built-in exercise (its prompts from the catalog, its id from the database). */
export async function builtInExercise(
  stack: BrowserStack,
  key: string,
): Promise<{ id: string; title: string; prompts: readonly Prompt[] }> {
  const definition = BUILT_IN_EXERCISES.find((e) => e.key === key);
  if (!definition) throw new Error(`no built-in exercise ${key}`);
  const row = await stack.db.getRepository(Exercise).findOneByOrFail({ key, clinicId: IsNull() });
  return { id: row.id, title: definition.title, prompts: definition.prompts };
}

/** One prompt of each kind (choice, scale, checklist, text), all required: the clinic's own exercise. */
export const MIXED_PROMPTS: readonly Prompt[] = [
  singleChoice('when', 'When did you last feel really listened to?', [
    ['today', 'Today'],
    ['this_week', 'This week'],
    ['longer', 'Longer ago than that'],
  ]),
  scale('listened', 'How listened to do you feel at the moment?', 'Not at all', 'Completely', { min: 1, max: 5 }),
  checklist(
    'helps',
    'What helps you feel listened to? Choose any that apply.',
    [
      ['eye_contact', 'Eye contact'],
      ['no_phones', 'Phones put away'],
      ['questions', 'Questions about what I said'],
    ],
    { minSelected: 1 },
  ),
  longText('example', 'Describe a moment when you felt listened to.', { maxLength: 1000 }),
];

export async function createMixedExercise(asTherapist: StaffAgent): Promise<{ id: string; title: string }> {
  const title = `Feeling listened to ${randomUUID().slice(0, 4)}`;
  const res = await asTherapist.agent
    .post('/api/v1/exercises')
    .set('x-csrf-token', asTherapist.csrfToken)
    .send({
      title,
      strategy: 'communication',
      purpose: 'Notice what helps each of you feel heard.',
      instructions: 'Answer on your own. There are no wrong answers.',
      estimatedMinutes: 5,
      prompts: MIXED_PROMPTS,
    })
    .expect(201);
  return { id: res.body.id as string, title };
}
