import { describe, expect, it } from '@jest/globals';
import { SAFETY_CHECK_IN_EXERCISE } from '@trellis/domain';
import {
  concerningSummary,
  draftOf,
  errorsAfterEdit,
  previewPrompts,
  requestOf,
  screenProblems,
  starterDraft,
} from './safetyScreen';

describe('the clinic safety screen editor', () => {
  it('starts from Trellis’s own check-in, whose preview marks exactly its concerning answers', () => {
    const request = requestOf(starterDraft());
    expect(screenProblems(request)).toEqual({});
    const prompts = previewPrompts(request);
    expect(prompts).not.toBeNull();
    expect(concerningSummary(prompts ?? [])).toEqual([
      { question: 'Do you feel safe at home?', answers: ['I am not sure', 'No'] },
      { question: 'Are you ever afraid of your partner?', answers: ['Sometimes', 'Often'] },
      {
        question: 'Since we last asked, has your partner done anything that frightened you or hurt you?',
        answers: ['Yes', 'I would rather not say here'],
      },
      { question: 'Do the exercises you do with your partner feel safe for you?', answers: ['I am not sure', 'No'] },
    ]);
    expect(concerningSummary(SAFETY_CHECK_IN_EXERCISE.prompts)).toEqual(concerningSummary(prompts ?? []));
  });

  it('sends trimmed text, and no free-text question when it is switched off', () => {
    const draft = { ...starterDraft(), title: '  Ours ', freeTextOn: false, freeTextQuestion: 'kept in the form' };
    const request = requestOf(draft);
    expect(request.title).toBe('Ours');
    expect(request.freeTextQuestion).toBeNull();
  });

  it('names each problem by the API’s field, before anything is sent', () => {
    const draft = starterDraft();
    const request = requestOf({
      ...draft,
      title: ' ',
      questions: [
        { label: '', options: draft.questions[0].options.map((o) => ({ ...o, concerning: true })) },
        { label: 'Q', options: [{ label: 'Only', concerning: false }] },
      ],
    });
    expect(Object.keys(screenProblems(request)).sort()).toEqual([
      'questions.0.label',
      'questions.0.options',
      'questions.1.options',
      'title',
    ]);
    expect(previewPrompts(request)).toBeNull();
  });

  it('edits a saved screen as it was saved', () => {
    const request = requestOf(starterDraft());
    const prompts = previewPrompts(request) ?? [];
    const view = { id: 'x', version: 3, inUse: true, updatedAt: '', prompts, ...request };
    expect(requestOf(draftOf(view))).toEqual(request);
  });

  it('shows no problems while writing, then keeps the shown ones up to date until they are all fixed', () => {
    const draft = starterDraft();
    const allConcerning = draft.questions[0].options.map((o) => ({ ...o, concerning: true }));
    const broken = requestOf({ ...draft, title: '', questions: [{ ...draft.questions[0], options: allConcerning }] });
    // Nothing saved yet: typing shows nothing.
    expect(errorsAfterEdit({}, broken)).toEqual({});
    const shown = screenProblems(broken);
    expect(Object.keys(shown).sort()).toEqual(['questions.0.options', 'title']);
    // The title written: only the question's message stays.
    const titled = requestOf({
      ...draft,
      title: 'Ours',
      questions: [{ ...draft.questions[0], options: allConcerning }],
    });
    expect(Object.keys(errorsAfterEdit(shown, titled))).toEqual(['questions.0.options']);
    // Everything fixed: no message left from the last save.
    expect(errorsAfterEdit(shown, requestOf({ ...draft, title: 'Ours' }))).toEqual({});
  });
});
