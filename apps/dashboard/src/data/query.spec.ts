import { describe, expect, it } from '@jest/globals';
import { changedFields, listQuery } from './query';

describe('listQuery', () => {
  it('follows the API list convention', () => {
    const query = listQuery({
      pagination: { page: 2, perPage: 25 },
      sort: { field: 'dueAt', order: 'DESC' },
      filter: { q: 'smith', status: ['active', 'paused'], archived: false, empty: '', unset: undefined },
    });
    expect(query.toString()).toBe(
      'page=2&perPage=25&sort=dueAt&order=DESC&q=smith&status=active&status=paused&archived=false',
    );
  });

  it('sends only the direction for lists kept in a fixed order', () => {
    const query = listQuery({ sort: { field: 'occurredAt', order: 'DESC' }, filter: {}, meta: { orderOnly: true } });
    expect(query.toString()).toBe('order=DESC');
  });

  it('refuses nested filters instead of dropping them', () => {
    expect(() => listQuery({ filter: { couple: { id: 1 } } })).toThrow('couple');
  });
});

describe('changedFields', () => {
  it('keeps only what differs from the previous record', () => {
    const previous = { id: 'c1', name: 'Lee', tags: ['a'], nextSessionAt: null as string | null };
    expect(changedFields({ ...previous, name: 'Lee-Park', tags: ['a'] }, previous)).toEqual({ name: 'Lee-Park' });
    expect(changedFields({ ...previous, tags: ['a', 'b'] }, previous)).toEqual({ tags: ['a', 'b'] });
    expect(changedFields(previous, previous)).toEqual({});
  });
});
