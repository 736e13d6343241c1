import { isAnswered, validateAnswers } from './answer-validation';
import { checklist, longText, scale, singleChoice } from './prompt-builders';
import { Prompt } from './prompt.types';

const story = longText('story', 'What happened?', { maxLength: 20, minLength: 5 });
const mood = scale('mood', 'How do you feel?', 'Awful', 'Great');
const tiny = scale('tiny', 'From one to five?', 'Low', 'High', { min: 1, max: 5, required: false });
const areas = checklist(
  'areas',
  'Which areas?',
  [
    ['a', 'A'],
    ['b', 'B'],
    ['c', 'C'],
    ['d', 'D'],
  ],
  { minSelected: 2, maxSelected: 3 },
);
const pick = singleChoice('pick', 'Which one?', [
  ['yes', 'Yes'],
  ['no', 'No'],
]);
const note = longText('note', 'Anything else?', { required: false });
const prompts: Prompt[] = [story, mood, tiny, areas, pick, note];

const complete = { story: 'It was hard.', mood: 4, areas: ['a', 'b'], pick: 'yes' };
const draft = (answers: Record<string, unknown>) => validateAnswers(prompts, answers, { mode: 'draft' });
const submit = (answers: Record<string, unknown>) => validateAnswers(prompts, answers, { mode: 'submit' });

describe('validateAnswers', () => {
  it('accepts a complete set of answers in both modes', () => {
    expect(draft(complete)).toEqual([]);
    expect(submit(complete)).toEqual([]);
    expect(submit({ ...complete, tiny: 5, note: 'More later.' })).toEqual([]);
  });

  describe('missing and empty answers', () => {
    it('are fine in a draft', () => {
      expect(draft({})).toEqual([]);
      expect(draft({ story: '   ', mood: null, areas: [], pick: '' })).toEqual([]);
    });

    it('must be filled in for every required prompt on submit, in prompt order', () => {
      expect(submit({})).toEqual([
        { promptId: 'story', message: 'Please answer this question.' },
        { promptId: 'mood', message: 'Choose a number from 0 to 10.' },
        { promptId: 'areas', message: 'Choose at least 2 options.' },
        { promptId: 'pick', message: 'Please choose one of the options.' },
      ]);
    });

    it('counts blank text and empty lists as not answered', () => {
      expect(submit({ ...complete, story: ' \n ' })).toEqual([
        { promptId: 'story', message: 'Please answer this question.' },
      ]);
      const requiredList = checklist('list', 'Any?', [
        ['x', 'X'],
        ['y', 'Y'],
      ]);
      expect(validateAnswers([requiredList], { list: [] }, { mode: 'submit' })).toEqual([
        { promptId: 'list', message: 'Choose at least one option.' },
      ]);
    });

    it('lets optional prompts stay empty on submit', () => {
      expect(submit({ ...complete, tiny: null, note: '' })).toEqual([]);
    });
  });

  it('reports answers to questions that are not in the exercise, in both modes', () => {
    const problem = { promptId: 'extra', message: 'This question is not part of this exercise.' };
    expect(draft({ extra: 'x' })).toEqual([problem]);
    expect(submit({ ...complete, extra: 'x' })).toEqual([problem]);
    expect(draft(JSON.parse('{"__proto__": "x"}'))).toEqual([
      { promptId: '__proto__', message: 'This question is not part of this exercise.' },
    ]);
  });

  it('does not mistake inherited object properties for answers', () => {
    const ctor = longText('constructor', 'Tricky id?');
    expect(validateAnswers([ctor], {}, { mode: 'submit' })).toEqual([
      { promptId: 'constructor', message: 'Please answer this question.' },
    ]);
  });

  it('rejects something that is not an answers object at all', () => {
    expect(validateAnswers(prompts, [] as unknown as Record<string, unknown>, { mode: 'draft' })).toEqual([
      { promptId: '', message: 'We could not read your answers. Please try again.' },
    ]);
  });

  describe('long text', () => {
    it.each(['draft', 'submit'] as const)('rejects a non-string and text over the maximum (%s)', (mode) => {
      expect(validateAnswers([story], { story: 42 }, { mode })).toEqual([
        { promptId: 'story', message: 'Please write your answer as text.' },
      ]);
      expect(validateAnswers([story], { story: 'x'.repeat(21) }, { mode })).toEqual([
        { promptId: 'story', message: 'Please shorten your answer to 20 characters or fewer (it is 21 now).' },
      ]);
    });

    it('formats large limits for people', () => {
      const long = longText('long', 'Tell us', { maxLength: 5000 });
      expect(validateAnswers([long], { long: 'x'.repeat(5001) }, { mode: 'draft' })[0].message).toBe(
        'Please shorten your answer to 5,000 characters or fewer (it is 5,001 now).',
      );
    });

    it('applies the minimum length only on submit', () => {
      expect(draft({ story: 'abc' })).toEqual([]);
      expect(submit({ ...complete, story: ' abc ' })).toEqual([
        { promptId: 'story', message: 'Please write a little more: at least 5 characters.' },
      ]);
      expect(submit({ ...complete, story: 'abcde' })).toEqual([]);
    });

    it('accepts exactly the maximum length', () => {
      expect(submit({ ...complete, story: 'x'.repeat(20) })).toEqual([]);
    });
  });

  describe('scale', () => {
    it.each([-1, 11, 4.5, Number.NaN, Infinity, '5', true, [5]])('rejects %p in both modes', (value) => {
      const problem = [{ promptId: 'mood', message: 'Choose a number from 0 to 10.' }];
      expect(draft({ mood: value })).toEqual(problem);
      expect(submit({ ...complete, mood: value })).toEqual(problem);
    });

    it('accepts both ends of the range, including 0', () => {
      expect(submit({ ...complete, mood: 0 })).toEqual([]);
      expect(submit({ ...complete, mood: 10 })).toEqual([]);
    });

    it('uses the prompt’s own range in the message', () => {
      expect(draft({ tiny: 0 })).toEqual([{ promptId: 'tiny', message: 'Choose a number from 1 to 5.' }]);
      expect(draft({ tiny: 1 })).toEqual([]);
    });
  });

  describe('checklist', () => {
    it.each(['draft', 'submit'] as const)('rejects unknown options, duplicates and too many (%s)', (mode) => {
      const check = (value: unknown) => validateAnswers([areas], { areas: value }, { mode });
      expect(check('a')).toEqual([{ promptId: 'areas', message: 'Choose from the options shown.' }]);
      expect(check(['a', 'z'])).toEqual([{ promptId: 'areas', message: 'Choose only from the options shown.' }]);
      expect(check(['a', 1])).toEqual([{ promptId: 'areas', message: 'Choose only from the options shown.' }]);
      expect(check(['a', 'a'])).toEqual([{ promptId: 'areas', message: 'Each option can only be chosen once.' }]);
      expect(check(['a', 'b', 'c', 'd'])).toEqual([{ promptId: 'areas', message: 'Choose no more than 3 options.' }]);
    });

    it('allows too few ticks while drafting but not on submit', () => {
      expect(draft({ areas: ['a'] })).toEqual([]);
      expect(submit({ ...complete, areas: ['a'] })).toEqual([
        { promptId: 'areas', message: 'Choose at least 2 options.' },
      ]);
      expect(submit({ ...complete, areas: ['a', 'b', 'c'] })).toEqual([]);
    });

    it('says "option" for a limit of one', () => {
      const one = checklist(
        'one',
        'Just one',
        [
          ['x', 'X'],
          ['y', 'Y'],
        ],
        { maxSelected: 1 },
      );
      expect(validateAnswers([one], { one: ['x', 'y'] }, { mode: 'draft' })).toEqual([
        { promptId: 'one', message: 'Choose no more than 1 option.' },
      ]);
    });
  });

  describe('single choice', () => {
    it.each(['draft', 'submit'] as const)('rejects a choice that is not in the list (%s)', (mode) => {
      for (const value of ['maybe', 'YES', 1, ['yes']]) {
        expect(validateAnswers([pick], { pick: value }, { mode })).toEqual([
          { promptId: 'pick', message: 'Choose one of the options shown.' },
        ]);
      }
      expect(validateAnswers([pick], { pick: 'no' }, { mode })).toEqual([]);
    });
  });

  it('reports at most one problem per prompt and keeps unknown keys last', () => {
    expect(submit({ zzz: 1, pick: 'maybe', story: 7, mood: 3, areas: ['a', 'b'] })).toEqual([
      { promptId: 'story', message: 'Please write your answer as text.' },
      { promptId: 'pick', message: 'Choose one of the options shown.' },
      { promptId: 'zzz', message: 'This question is not part of this exercise.' },
    ]);
  });
});

describe('isAnswered', () => {
  it('treats null, blank text and empty lists as unanswered, and 0 as an answer', () => {
    expect(isAnswered(story, undefined)).toBe(false);
    expect(isAnswered(story, '  ')).toBe(false);
    expect(isAnswered(areas, [])).toBe(false);
    expect(isAnswered(mood, null)).toBe(false);
    expect(isAnswered(mood, 0)).toBe(true);
    expect(isAnswered(pick, 'no')).toBe(true);
  });
});
