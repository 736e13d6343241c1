import { describe, expect, it } from '@jest/globals';
import { resourcesFor } from './access';

describe('resourcesFor', () => {
  it('gives admins staff and the audit log, in menu order', () => {
    expect(resourcesFor('admin')).toEqual(['staff', 'audit']);
  });

  it('gives therapists neither', () => {
    expect(resourcesFor('therapist')).toEqual([]);
  });

  it('gives nothing to the signed-out or to a role it does not know', () => {
    expect(resourcesFor(null)).toEqual([]);
    expect(resourcesFor(undefined)).toEqual([]);
    expect(resourcesFor('superuser')).toEqual([]);
    expect(resourcesFor(['admin'])).toEqual([]);
  });
});
