import { describe, expect, it } from '@jest/globals';
import type { AgreementView } from '@trellis/contracts';
import { cellText, confirmationText } from './agreements';

const names: Record<string, string> = { a: 'Alex', b: 'Sam' };
const withConfirmations = (confirmations: AgreementView['confirmations']) => ({ confirmations }) as AgreementView;

describe('agreements on the couple page', () => {
  it('says who confirmed the current wording and who is still to', () => {
    const at = '2026-12-01T10:00:00Z';
    const nameOf = (id: string) => names[id];
    expect(
      confirmationText(
        withConfirmations([
          { clientId: 'a', confirmedAt: at },
          { clientId: 'b', confirmedAt: at },
        ]),
        nameOf,
      ),
    ).toBe('Confirmed by both');
    expect(
      confirmationText(
        withConfirmations([
          { clientId: 'a', confirmedAt: at },
          { clientId: 'b', confirmedAt: null },
        ]),
        nameOf,
      ),
    ).toBe('Confirmed by Alex · waiting for Sam');
    expect(
      confirmationText(
        withConfirmations([
          { clientId: 'a', confirmedAt: null },
          { clientId: 'b', confirmedAt: null },
        ]),
        nameOf,
      ),
    ).toBe('Waiting for Alex and Sam to confirm');
  });

  it('names each answer, and a missing one', () => {
    expect(cellText({ clientId: 'a', answer: 'not_kept', note: null })).toBe('Not kept');
    expect(cellText({ clientId: 'a', answer: null, note: null })).toBe('No answer');
  });
});
