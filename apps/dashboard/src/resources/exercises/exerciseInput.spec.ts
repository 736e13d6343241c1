import { describe, expect, it } from '@jest/globals';
import { longText, scale } from '@trellis/domain';
import { blankExercise, exerciseProblems } from './exerciseInput';

const valid = {
  title: 'Evening check-in',
  strategy: 'communication' as const,
  purpose: 'Ten calm minutes.',
  instructions: 'Answer on your own.',
  estimatedMinutes: 10,
  prompts: [
    longText('day', 'How was your day?'),
    scale('close', 'How close do you feel?', 'Far', 'Close'),
    longText('wish', 'One wish?'),
  ],
};

describe('exerciseProblems', () => {
  it('accepts a complete exercise', () => {
    expect(exerciseProblems(valid)).toEqual({});
  });

  it('names missing details and out-of-range minutes', () => {
    expect(exerciseProblems({ ...valid, title: ' ', estimatedMinutes: 0 })).toEqual({
      title: 'This is required.',
      estimatedMinutes: 'A whole number of minutes from 1 to 240.',
    });
    expect(exerciseProblems({ ...valid, estimatedMinutes: Number('') })).toHaveProperty('estimatedMinutes');
  });

  it('includes the prompts’ problems, keyed like the API', () => {
    const problems = exerciseProblems(blankExercise());
    expect(problems).toMatchObject({
      title: 'This is required.',
      purpose: 'This is required.',
      'prompts.0.label': 'Give this prompt a label.',
      'prompts.1.minLabel': 'Say what the lowest number means.',
    });
  });
});
