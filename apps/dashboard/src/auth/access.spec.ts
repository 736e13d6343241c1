import { describe, expect, it } from '@jest/globals';
import { resourcesFor } from './access';

describe('resourcesFor', () => {
  it('gives admins everything, in menu order (for those with a list)', () => {
    expect(resourcesFor('admin')).toEqual([
      'couples',
      'assignments',
      'exercises',
      'programs',
      'measures',
      'digests',
      'staff',
      'audit',
    ]);
  });

  it('gives therapists their caseload and its homework, the library and their digests, but neither staff nor the audit log', () => {
    expect(resourcesFor('therapist')).toEqual([
      'couples',
      'assignments',
      'exercises',
      'programs',
      'measures',
      'digests',
    ]);
  });

  it('gives nothing to the signed-out or to a role it does not know', () => {
    expect(resourcesFor(null)).toEqual([]);
    expect(resourcesFor(undefined)).toEqual([]);
    expect(resourcesFor('superuser')).toEqual([]);
    expect(resourcesFor(['admin'])).toEqual([]);
  });
});
