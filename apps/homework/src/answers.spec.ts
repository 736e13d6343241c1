import { describe, expect, it } from '@jest/globals';
import { checklist, longText, scale, singleChoice } from '@trellis/domain';
import {
  characterCount,
  characterWarning,
  checklistHint,
  collectAnswers,
  describeAnswer,
  fieldName,
  sanitizeAnswers,
  withoutPrompts,
} from './answers';

const feelings = longText('feelings', 'How did this week feel?', { maxLength: 500 });
const closeness = scale('closeness', 'How close do you feel?', 'Not at all', 'Very close');
const moment = singleChoice('moment', 'Best moment', [
  ['talk', 'Our talk on Sunday'],
  ['walk', 'The walk'],
]);
const needs = checklist(
  'needs',
  'What would help?',
  [
    ['time', 'Time together'],
    ['space', 'Some space'],
    ['words', 'Kind words'],
  ],
  { maxSelected: 2 },
);
const prompts = [feelings, closeness, moment, needs];

/** What a form would hold: control name → values of the filled-in / checked controls. */
const reader =
  (values: Record<string, string[]>) =>
  (name: string): readonly string[] =>
    values[name] ?? [];

describe('collectAnswers', () => {
  it('reads each kind from the form', () => {
    const answers = collectAnswers(
      prompts,
      reader({
        [fieldName('feelings')]: ['Tired,\r\nbut hopeful'],
        [fieldName('closeness')]: ['7'],
        [fieldName('moment')]: ['walk'],
        [fieldName('needs')]: ['time', 'words', 'time'],
      }),
    );
    expect(answers).toEqual({
      feelings: 'Tired,\nbut hopeful',
      closeness: 7,
      moment: 'walk',
      needs: ['time', 'words'],
    });
  });

  it('sends cleared text and checklists as empty (so a draft forgets them), leaves unpicked choices out', () => {
    expect(collectAnswers(prompts, reader({}))).toEqual({ feelings: '', needs: [] });
  });

  it('reads 0 on a scale as an answer', () => {
    expect(collectAnswers([closeness], reader({ [fieldName('closeness')]: ['0'] }))).toEqual({ closeness: 0 });
  });
});

describe('sanitizeAnswers', () => {
  it('keeps what fits the prompts and drops the rest', () => {
    expect(
      sanitizeAnswers(prompts, {
        feelings: 'ok',
        closeness: 11,
        moment: 'gone',
        needs: ['words', 'nope', 'time'],
        extra: 'x',
      }),
    ).toEqual({ feelings: 'ok', needs: ['time', 'words'] });
    expect(sanitizeAnswers(prompts, { closeness: 3, moment: 'talk', feelings: 5 })).toEqual({
      closeness: 3,
      moment: 'talk',
    });
  });

  it('returns nothing for a body that is not a map', () => {
    expect(sanitizeAnswers(prompts, null)).toEqual({});
    expect(sanitizeAnswers(prompts, ['a'])).toEqual({});
  });
});

describe('withoutPrompts', () => {
  it('leaves out the named answers', () => {
    expect(withoutPrompts({ a: 'x', b: 1, c: [] }, ['b'])).toEqual({ a: 'x', c: [] });
  });
});

describe('character counter', () => {
  it('counts against the limit', () => {
    expect(characterCount(0, 2000)).toBe('0 / 2,000 characters');
    expect(characterCount(1234, 5000)).toBe('1,234 / 5,000 characters');
  });

  it('announces only on crossing "nearly full" and "full"', () => {
    expect(characterWarning(10, 2000, 9)).toBeUndefined();
    expect(characterWarning(1900, 2000, 1899)).toBe('100 characters left.');
    expect(characterWarning(1950, 2000, 1949)).toBeUndefined();
    expect(characterWarning(2000, 2000, 1999)).toBe('You’ve reached the limit of 2,000 characters.');
    expect(characterWarning(2000, 2000, 2000)).toBeUndefined();
    expect(characterWarning(45, 50, 44)).toBe('5 characters left.');
  });
});

describe('checklistHint', () => {
  it('words the min/max rule', () => {
    expect(checklistHint(needs)).toBe('Choose 1 to 2 options.');
    expect(checklistHint({ ...needs, required: false })).toBe('Choose up to 2 options.');
    expect(checklistHint({ ...needs, required: false, maxSelected: undefined })).toBe('Choose all that apply.');
    expect(checklistHint({ ...needs, minSelected: 2, maxSelected: undefined })).toBe('Choose at least 2 options.');
    expect(checklistHint({ ...needs, minSelected: 2, maxSelected: 2 })).toBe('Choose 2 options.');
  });
});

describe('describeAnswer', () => {
  it('reads answers back in words', () => {
    expect(describeAnswer(feelings, 'Tired')).toBe('Tired');
    expect(describeAnswer(feelings, '  ')).toBeNull();
    expect(describeAnswer(closeness, 7)).toBe('7 on a scale from 0 to 10 (0 = Not at all, 10 = Very close)');
    expect(describeAnswer(moment, 'walk')).toBe('The walk');
    expect(describeAnswer(needs, ['words', 'time'])).toEqual(['Time together', 'Kind words']);
    expect(describeAnswer(needs, [])).toBeNull();
    expect(describeAnswer(moment, undefined)).toBeNull();
  });
});
