import { validateAnswers } from '../exercises/answer-validation';
import { promptsForRole } from '../exercises/partner-roles';
import { validatePromptDefinitions } from '../exercises/prompt-definition-validation';
import { concerningCheckInAnswers } from './safety-check-in';
import {
  safetyScreenMinutes,
  safetyScreenPrompts,
  safetyScreenQuestionsOf,
  type SafetyScreenQuestions,
  validateSafetyScreenQuestions,
} from './safety-screen';

const SCREEN: SafetyScreenQuestions = {
  questions: [
    {
      label: 'In the past year, has your partner pushed, slapped or hit you?',
      options: [
        { label: 'No', concerning: false },
        { label: 'Yes', concerning: true },
      ],
    },
    {
      label: 'Do you feel safe in your current relationship?',
      options: [
        { label: 'Yes', concerning: false },
        { label: 'No', concerning: true },
        { label: 'Not sure', concerning: true },
      ],
    },
  ],
  freeTextQuestion: 'Anything else your counselor should know?',
};

const pathsOf = (questions: unknown, freeText: unknown = null) =>
  validateSafetyScreenQuestions(questions, freeText).map((p) => p.path);

describe('a clinic safety screen', () => {
  it('accepts a screen with a concerning option and a calm one on each question', () => {
    expect(validateSafetyScreenQuestions(SCREEN.questions, SCREEN.freeTextQuestion)).toEqual([]);
    expect(validateSafetyScreenQuestions(SCREEN.questions, null)).toEqual([]);
  });

  it('becomes check-in prompts, every one for the counselor only, judged by the one rule', () => {
    const prompts = safetyScreenPrompts(SCREEN);
    expect(prompts.map((p) => [p.id, p.kind, p.audience, p.required])).toEqual([
      ['q1', 'single_choice', 'counselor_only', true],
      ['q2', 'single_choice', 'counselor_only', true],
      ['anything_else', 'long_text', 'counselor_only', false],
    ]);
    const screen = { prompts };
    expect(concerningCheckInAnswers(screen, { q1: 'o1', q2: 'o1' })).toEqual([]);
    expect(concerningCheckInAnswers(screen, { q1: 'o2', q2: 'o1' })).toEqual(['q1']);
    expect(concerningCheckInAnswers(screen, { q1: 'o2', q2: 'o3', anything_else: 'he hits me' })).toEqual(['q1', 'q2']);
    // The partner's page: answerable, and no word of what is concerning.
    const shown = promptsForRole(prompts, 'not_set');
    expect(JSON.stringify(shown)).not.toContain('concerning');
    expect(validateAnswers(shown, { q1: 'o1', q2: 'o1' }, { mode: 'submit' })).toEqual([]);
    // Apart from the marks and the question count, what any exercise's prompts must be.
    expect(validatePromptDefinitions(shown).filter((p) => p.path !== 'prompts')).toEqual([]);
  });

  it('reads back as the admin wrote it, and estimates minutes', () => {
    expect(safetyScreenQuestionsOf(safetyScreenPrompts(SCREEN))).toEqual(SCREEN);
    expect(safetyScreenQuestionsOf(safetyScreenPrompts({ ...SCREEN, freeTextQuestion: '  ' })).freeTextQuestion).toBe(
      null,
    );
    expect(safetyScreenMinutes(SCREEN)).toBe(3);
  });

  it('names the field of each problem', () => {
    const option = (label: string, concerning: boolean) => ({ label, concerning });
    const question = { label: 'Q', options: [option('No', false), option('Yes', true)] };
    expect(pathsOf('nope')).toEqual(['questions']);
    expect(pathsOf([])).toEqual(['questions']);
    expect(pathsOf(Array.from({ length: 11 }, () => question))).toEqual(['questions']);
    // No concerning option anywhere: it could never alert anyone.
    expect(pathsOf([{ label: 'Q', options: [option('No', false), option('Yes', false)] }])).toEqual(['questions']);
    // Every option concerning: every answer would pause joint work.
    expect(pathsOf([{ label: 'Q', options: [option('No', true), option('Yes', true)] }])).toEqual([
      'questions[0].options',
    ]);
    expect(pathsOf([{ ...question, label: ' ' }])).toEqual(['questions[0].label']);
    expect(pathsOf([{ ...question, label: 'x'.repeat(301) }])).toEqual(['questions[0].label']);
    expect(pathsOf([{ ...question, options: [option('Yes', true)] }])).toEqual(['questions[0].options']);
    expect(pathsOf([{ ...question, options: [option('No', false), option('', true)] }])).toEqual([
      'questions[0].options[1].label',
    ]);
    expect(pathsOf([{ ...question, options: [option('No', false), option(' no', true)] }])).toEqual([
      'questions[0].options[1].label',
    ]);
    expect(pathsOf([{ ...question, options: [option('No', false), { label: 'Yes', concerning: 'yes' }] }])).toEqual([
      'questions[0].options[1].concerning',
      'questions',
    ]);
    expect(pathsOf([{ ...question, audience: 'shared' }])).toEqual(['questions[0].audience']);
    expect(pathsOf([{ ...question, options: [option('No', false), { ...option('Yes', true), id: 'x' }] }])).toEqual([
      'questions[0].options[1].id',
    ]);
    expect(pathsOf([question, 'q'])).toEqual(['questions[1]']);
    expect(pathsOf([question], '')).toEqual(['freeTextQuestion']);
    expect(pathsOf([question], 42)).toEqual(['freeTextQuestion']);
    expect(pathsOf([question], 'x'.repeat(301))).toEqual(['freeTextQuestion']);
  });
});
