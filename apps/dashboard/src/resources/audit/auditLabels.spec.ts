import { describe, expect, it } from '@jest/globals';
import { AUDIT_ACTIONS } from '@trellis/contracts';
import { actionLabel, actorLabel, recordLabel } from './auditLabels';

describe('audit labels', () => {
  it('names actions, and shows an unlabelled one by its code', () => {
    expect(actionLabel('auth.login')).toBe('Sign-in');
    expect(actionLabel('note.sign')).toBe('Session note signed');
    expect(actionLabel('queue.retry')).toBe('Background job retried');
    expect(actionLabel('couples.merge')).toBe('couples.merge');
  });

  it('has words for every action the API records: no raw codes in the trail', () => {
    const unlabelled = AUDIT_ACTIONS.filter((action) => actionLabel(action) === action);
    expect(unlabelled).toEqual([]);
    expect(actionLabel('homework.view')).toBe('Partner opened their homework');
  });

  it('names a record by what it is called when it still exists', () => {
    expect(recordLabel({ recordType: 'couple', recordId: '0f6c1d2e-aaaa-bbbb', recordName: 'Alex & Sam' })).toBe(
      'Couple: Alex & Sam',
    );
    expect(recordLabel({ recordType: 'couple', recordId: '0f6c1d2e-aaaa-bbbb', recordName: null })).toBe(
      'Couple 0f6c1d2e',
    );
  });

  it('names the actor, or says what kind of actor it was', () => {
    expect(actorLabel({ actorType: 'staff', actorName: 'Dana Reyes' })).toBe('Dana Reyes');
    expect(actorLabel({ actorType: 'anonymous', actorName: null })).toBe('Not signed in');
    expect(actorLabel({ actorType: 'client_link', actorName: null })).toBe('Client (homework link)');
  });

  it('shortens record ids', () => {
    expect(recordLabel({ recordType: 'staff_user', recordId: '0f6c1d2e-aaaa-bbbb' })).toBe('Staff member 0f6c1d2e');
    expect(recordLabel({ recordType: 'couple', recordId: null })).toBe('Couple');
    expect(recordLabel({ recordType: 'job', recordId: 'email/41' })).toBe('Background job email/41');
    expect(recordLabel({ recordType: 'widget', recordId: null })).toBe('widget');
    expect(recordLabel({ recordType: null, recordId: null })).toBeNull();
  });
});
