import { validatePromptDefinitions } from './prompt-definition-validation';
import { checklist, longText, scale, singleChoice } from './prompt-builders';

const good = (): Array<Record<string, unknown>> =>
  [
    longText('story', 'What happened?'),
    scale('mood', 'How do you feel?', 'Awful', 'Great'),
    checklist(
      'areas',
      'Which areas?',
      [
        ['a', 'A'],
        ['b', 'B'],
        ['c', 'C'],
      ],
      { minSelected: 1, maxSelected: 2 },
    ),
    singleChoice('pick', 'Which one?', [
      ['yes', 'Yes'],
      ['no', 'No'],
    ]),
  ].map((prompt) => ({ ...prompt }));

/** A copy of the good prompts with one prompt's fields replaced. */
function withPrompt(index: number, changes: Record<string, unknown>): unknown[] {
  const prompts = good();
  prompts[index] = { ...prompts[index], ...changes };
  return prompts;
}

const paths = (prompts: unknown) => validatePromptDefinitions(prompts).map((problem) => problem.path);

describe('validatePromptDefinitions', () => {
  it('accepts a well-formed set of prompts', () => {
    expect(validatePromptDefinitions(good())).toEqual([]);
  });

  it('needs a list of three to six prompts', () => {
    expect(validatePromptDefinitions('nope')).toEqual([{ path: 'prompts', message: 'Prompts must be a list.' }]);
    expect(validatePromptDefinitions(good().slice(0, 2))).toEqual([
      { path: 'prompts', message: 'An exercise needs between 3 and 6 prompts (it has 2).' },
    ]);
    const seven = [...good(), ...good().slice(0, 3)].map((prompt, i) => ({ ...prompt, id: `p${i}` }));
    expect(paths(seven)).toEqual(['prompts']);
    expect(paths(good().slice(0, 3))).toEqual([]);
    expect(paths([...good(), longText('extra1', 'One'), longText('extra2', 'Two')])).toEqual([]);
  });

  it('needs stable slug ids that are unique within the exercise', () => {
    expect(paths(withPrompt(1, { id: 'story' }))).toEqual(['prompts[1].id']);
    for (const id of ['Story', '1st', 'two words', 'a__b', 'trailing-', '', 'x'.repeat(65), 7]) {
      expect(paths(withPrompt(0, { id }))).toEqual(['prompts[0].id']);
    }
    expect(paths(withPrompt(0, { id: 'what-happened_2' }))).toEqual([]);
  });

  it('needs a non-empty label of at most 300 characters, and optional help text', () => {
    expect(paths(withPrompt(0, { label: '  ' }))).toEqual(['prompts[0].label']);
    expect(paths(withPrompt(0, { label: undefined }))).toEqual(['prompts[0].label']);
    expect(paths(withPrompt(0, { label: 'x'.repeat(301) }))).toEqual(['prompts[0].label']);
    expect(paths(withPrompt(0, { label: 'x'.repeat(300) }))).toEqual([]);
    expect(paths(withPrompt(0, { help: '' }))).toEqual(['prompts[0].help']);
    expect(paths(withPrompt(0, { help: 'x'.repeat(1001) }))).toEqual(['prompts[0].help']);
  });

  it('needs a known kind, a boolean required flag and no unknown fields', () => {
    expect(paths(withPrompt(0, { kind: 'essay' }))).toEqual(['prompts[0].kind']);
    expect(paths(withPrompt(0, { required: 'yes' }))).toEqual(['prompts[0].required']);
    expect(paths(withPrompt(0, { options: [] }))).toEqual(['prompts[0].options']);
    expect(paths(withPrompt(3, { minSelected: 1 }))).toEqual(['prompts[3].minSelected']);
    expect(paths([...good().slice(0, 3), null])).toEqual(['prompts[3]']);
  });

  it('needs at least one required prompt', () => {
    const prompts = good().map((prompt) => ({ ...prompt, required: false }));
    expect(validatePromptDefinitions(prompts)).toEqual([
      { path: 'prompts', message: 'Mark at least one prompt as required, so an empty submission is not possible.' },
    ]);
  });

  it('accepts prompts for one role and counts three to six prompts for each side', () => {
    const hurt = (id: string) => longText(id, 'For the hurt partner', { forRole: 'hurt' });
    const other = (id: string) => longText(id, 'For the other partner', { forRole: 'broke_trust' });
    expect(paths([...good(), hurt('h1'), hurt('h2'), other('o1'), other('o2')])).toEqual([]);
    expect(validatePromptDefinitions([...good(), hurt('h1'), hurt('h2'), hurt('h3')])).toEqual([
      {
        path: 'prompts',
        message: 'An exercise needs between 3 and 6 prompts for the partner who was hurt (it has 7).',
      },
    ]);
    expect(paths(withPrompt(0, { forRole: 'everyone' }))).toEqual(['prompts[0].forRole']);
  });

  it('needs something required for each side when the common prompts are all optional', () => {
    const optional = good().map((prompt) => ({ ...prompt, required: false }));
    const hurt = longText('h', 'For the hurt partner', { forRole: 'hurt' });
    const other = longText('o', 'For the other partner', { forRole: 'broke_trust' });
    expect(paths([...optional.slice(0, 2), hurt, other])).toEqual([]);
    expect(paths([...optional.slice(0, 2), hurt, { ...other, required: false }])).toEqual(['prompts']);
  });

  it('checks long-text limits', () => {
    expect(paths(withPrompt(0, { maxLength: 5001 }))).toEqual(['prompts[0].maxLength']);
    expect(paths(withPrompt(0, { maxLength: 0 }))).toEqual(['prompts[0].maxLength']);
    expect(paths(withPrompt(0, { maxLength: undefined }))).toEqual(['prompts[0].maxLength']);
    expect(paths(withPrompt(0, { maxLength: 5000, minLength: 10 }))).toEqual([]);
    expect(paths(withPrompt(0, { maxLength: 100, minLength: 101 }))).toEqual(['prompts[0].minLength']);
    expect(paths(withPrompt(0, { minLength: 2.5 }))).toEqual(['prompts[0].minLength']);
  });

  it('checks scales: whole numbers within 0–10, min below max, short end labels', () => {
    expect(paths(withPrompt(1, { min: 1, max: 5 }))).toEqual([]);
    expect(paths(withPrompt(1, { min: -1 }))).toEqual(['prompts[1].min']);
    expect(paths(withPrompt(1, { max: 11 }))).toEqual(['prompts[1].max']);
    expect(paths(withPrompt(1, { max: 7.5 }))).toEqual(['prompts[1].max']);
    expect(validatePromptDefinitions(withPrompt(1, { min: 5, max: 5 }))).toEqual([
      { path: 'prompts[1].max', message: 'The top of the scale must be higher than the bottom.' },
    ]);
    expect(paths(withPrompt(1, { minLabel: '' }))).toEqual(['prompts[1].minLabel']);
    expect(paths(withPrompt(1, { maxLabel: 'x'.repeat(81) }))).toEqual(['prompts[1].maxLabel']);
  });

  it('checks options: 2–12 of them, slug ids unique within the prompt, labels present', () => {
    const options = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `o${i}`, label: `Option ${i}` }));
    expect(paths(withPrompt(3, { options: options(1) }))).toEqual(['prompts[3].options']);
    expect(paths(withPrompt(3, { options: options(12) }))).toEqual([]);
    expect(paths(withPrompt(3, { options: options(13) }))).toEqual(['prompts[3].options']);
    expect(paths(withPrompt(3, { options: 'yes,no' }))).toEqual(['prompts[3].options']);
    expect(
      paths(
        withPrompt(3, {
          options: [
            { id: 'yes', label: 'Yes' },
            { id: 'yes', label: 'Also yes' },
            { id: 'No', label: '' },
            { id: 'maybe', label: 'Maybe', colour: 'red' },
            'plain',
          ],
        }),
      ),
    ).toEqual([
      'prompts[3].options[1].id',
      'prompts[3].options[2].id',
      'prompts[3].options[2].label',
      'prompts[3].options[3].colour',
      'prompts[3].options[4]',
    ]);
  });

  it('checks checklist selection limits against the number of options', () => {
    expect(paths(withPrompt(2, { minSelected: 3, maxSelected: 3 }))).toEqual([]);
    expect(paths(withPrompt(2, { minSelected: 4, maxSelected: undefined }))).toEqual(['prompts[2].minSelected']);
    expect(paths(withPrompt(2, { maxSelected: 0 }))).toEqual(['prompts[2].maxSelected']);
    expect(paths(withPrompt(2, { maxSelected: 4 }))).toEqual(['prompts[2].maxSelected']);
    expect(validatePromptDefinitions(withPrompt(2, { minSelected: 3, maxSelected: 2 }))).toEqual([
      { path: 'prompts[2].maxSelected', message: 'The maximum cannot be lower than the minimum.' },
    ]);
  });
});
