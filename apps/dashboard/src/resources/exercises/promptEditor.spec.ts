import { describe, expect, it } from '@jest/globals';
import { checklist, longText, scale, singleChoice, type Prompt } from '@trellis/domain';
import {
  blankPrompt,
  dottedPath,
  errorsForPrompt,
  nextId,
  promptEditorReducer as reduce,
  promptProblems,
  promptsForSave,
} from './promptEditor';

const story = longText('story', 'What happened?');
const mood = scale('mood', 'How do you feel?', 'Awful', 'Great');
const areas = checklist('areas', 'Which areas?', [
  ['a', 'A'],
  ['b', 'B'],
  ['c', 'C'],
]);
const three: Prompt[] = [story, mood, areas];

describe('promptEditorReducer', () => {
  it('adds prompts of each kind with fresh ids and sensible defaults, up to six', () => {
    let prompts = reduce([], { type: 'add', kind: 'long_text' });
    prompts = reduce(prompts, { type: 'add', kind: 'scale' });
    prompts = reduce(prompts, { type: 'add', kind: 'single_choice' });
    expect(prompts.map((p) => p.id)).toEqual(['q1', 'q2', 'q3']);
    expect(prompts[0]).toEqual({
      kind: 'long_text',
      id: 'q1',
      label: '',
      required: true,
      audience: 'shared',
      maxLength: 2000,
    });
    expect(prompts[1]).toMatchObject({ kind: 'scale', min: 0, max: 10, minLabel: '', maxLabel: '' });
    expect(prompts[2]).toMatchObject({
      options: [
        { id: 'o1', label: '' },
        { id: 'o2', label: '' },
      ],
    });
    for (let i = 0; i < 5; i++) prompts = reduce(prompts, { type: 'add', kind: 'checklist' });
    expect(prompts).toHaveLength(6);
  });

  it('never reuses an id that is still taken', () => {
    const prompts = reduce([longText('q2', 'x'), longText('q1', 'y')], { type: 'add', kind: 'long_text' });
    expect(prompts[2].id).toBe('q3');
    expect(nextId('o', ['o1', 'o3'])).toBe('o2');
  });

  it('removes and reorders, ignoring moves past either end', () => {
    expect(reduce(three, { type: 'remove', index: 1 }).map((p) => p.id)).toEqual(['story', 'areas']);
    expect(reduce(three, { type: 'move', index: 2, by: -1 }).map((p) => p.id)).toEqual(['story', 'areas', 'mood']);
    expect(reduce(three, { type: 'move', index: 0, by: -1 })).toEqual(three);
    expect(reduce(three, { type: 'move', index: 2, by: 1 })).toEqual(three);
  });

  it('keeps whom a prompt is for across a kind change, and drops it when set back to both partners', () => {
    const forHurt = { ...story, forRole: 'hurt' as const };
    const [changed] = reduce([forHurt], { type: 'changeKind', index: 0, kind: 'scale' });
    expect(changed).toMatchObject({ kind: 'scale', forRole: 'hurt' });
    const [both] = reduce([forHurt], { type: 'update', index: 0, field: 'forRole', value: undefined });
    expect(both).not.toHaveProperty('forRole');
    const [other] = reduce([story], { type: 'update', index: 0, field: 'forRole', value: 'broke_trust' });
    expect(other).toMatchObject({ forRole: 'broke_trust' });
  });

  it('changes kind keeping the id, label, help, required flag and audience, and options between choice kinds', () => {
    const withHelp = { ...story, help: 'Take your time.', required: false, audience: 'counselor_only' as const };
    const [changed] = reduce([withHelp], { type: 'changeKind', index: 0, kind: 'scale' });
    expect(changed).toEqual({
      kind: 'scale',
      id: 'story',
      label: 'What happened?',
      help: 'Take your time.',
      required: false,
      audience: 'counselor_only',
      min: 0,
      max: 10,
      minLabel: '',
      maxLabel: '',
    });
    const [single] = reduce([areas], { type: 'changeKind', index: 0, kind: 'single_choice' });
    expect(single).toEqual({
      kind: 'single_choice',
      id: 'areas',
      label: 'Which areas?',
      required: true,
      audience: 'shared',
      options: areas.options,
    });
  });

  it('updates fields, leaving an emptied optional one out', () => {
    let [prompt] = reduce([story], { type: 'update', index: 0, field: 'help', value: 'A hint' });
    expect(prompt.help).toBe('A hint');
    [prompt] = reduce([prompt], { type: 'update', index: 0, field: 'help', value: '' });
    expect('help' in prompt).toBe(false);
    [prompt] = reduce([prompt], { type: 'update', index: 0, field: 'minLength', value: 10 });
    expect(prompt).toMatchObject({ minLength: 10 });
    [prompt] = reduce([prompt], { type: 'update', index: 0, field: 'minLength', value: undefined });
    expect('minLength' in prompt).toBe(false);
  });

  it('adds, edits and removes options within the limits, keeping checklist limits in range', () => {
    let prompts: Prompt[] = [{ ...areas, maxSelected: 3 }];
    prompts = reduce(prompts, { type: 'addOption', index: 0 });
    expect(prompts[0]).toMatchObject({ options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'o1', label: '' }] });
    prompts = reduce(prompts, { type: 'updateOption', index: 0, option: 3, label: 'D' });
    prompts = reduce(prompts, { type: 'removeOption', index: 0, option: 0 });
    prompts = reduce(prompts, { type: 'removeOption', index: 0, option: 0 });
    expect(prompts[0]).toMatchObject({ options: [{ id: 'c' }, { id: 'o1', label: 'D' }], maxSelected: 2 });
    // Two options is the minimum.
    expect(reduce(prompts, { type: 'removeOption', index: 0, option: 0 })).toEqual(prompts);
    // Text prompts have no options.
    expect(reduce([story], { type: 'addOption', index: 0 })).toEqual([story]);
  });
});

describe('who reads the answer', () => {
  it('is set per prompt and checked by the domain rule', () => {
    const [privateStory] = reduce([story], { type: 'update', index: 0, field: 'audience', value: 'counselor_only' });
    expect(privateStory.audience).toBe('counselor_only');
    const [unknown] = reduce([story], { type: 'update', index: 0, field: 'audience', value: 'everyone' });
    expect(promptProblems([unknown, ...three.slice(1)])).toHaveProperty(['prompts.0.audience']);
  });
});

describe('saving prompts', () => {
  it('trims what is sent and leaves out an empty help text', () => {
    const sloppy: Prompt[] = [
      { ...story, label: ' What happened? ', help: '  ' },
      {
        ...singleChoice('pick', 'Pick', [
          ['y', ' Yes '],
          ['n', 'No'],
        ]),
      },
    ];
    expect(promptsForSave(sloppy)).toEqual([
      { kind: 'long_text', id: 'story', label: 'What happened?', required: true, audience: 'shared', maxLength: 2000 },
      {
        kind: 'single_choice',
        id: 'pick',
        label: 'Pick',
        required: true,
        audience: 'shared',
        options: [
          { id: 'y', label: 'Yes' },
          { id: 'n', label: 'No' },
        ],
      },
    ]);
  });

  it('checks with the domain’s rules, keyed like the API’s field errors', () => {
    expect(promptProblems(three)).toEqual({});
    const problems = promptProblems([story, { ...mood, minLabel: '' }, blankPrompt('checklist', 'q3')]);
    expect(problems).toMatchObject({
      'prompts.1.minLabel': 'Say what the lowest number means.',
      'prompts.2.label': 'Give this prompt a label.',
      'prompts.2.options.0.label': 'Give this option a label.',
    });
    expect(promptProblems([story])).toMatchObject({ prompts: expect.stringMatching(/between 3 and 6 prompts/) });
  });

  it('routes field errors to their prompt', () => {
    const errors = {
      prompts: 'Too few.',
      'prompts.1': 'Each prompt must be an object.',
      'prompts.1.label': 'Give this prompt a label.',
      'prompts.12.label': 'Not mine.',
      'prompts.1.options.0.label': 'Give this option a label.',
      title: 'Required',
    };
    expect(errorsForPrompt(errors, 1)).toEqual({
      '': 'Each prompt must be an object.',
      label: 'Give this prompt a label.',
      'options.0.label': 'Give this option a label.',
    });
    expect(dottedPath('prompts[2].options[0].id')).toBe('prompts.2.options.0.id');
  });
});
