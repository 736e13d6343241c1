import { describe, expect, it } from '@jest/globals';
import englishMessages from 'ra-language-english';
import { i18nProvider } from './i18nProvider';
import { TRELLIS_EN } from './trellisEnglish';

const keysOf = (messages: object, prefix = ''): string[] =>
  Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );

describe('Trellis’s own messages', () => {
  it('replaces react-admin’s generic ones', () => {
    expect(i18nProvider.translate('ra.notification.created')).toBe('Added.');
    expect(i18nProvider.translate('ra.notification.updated', { smart_count: 1 })).toBe('Changes saved.');
    expect(i18nProvider.translate('ra.message.invalid_form')).toBe(
      'Some fields need your attention: see the messages under them.',
    );
    expect(i18nProvider.translate('ra.auth.logout')).toBe('Sign out');
    expect(i18nProvider.translate('ra.validation.maxLength', { max: 200 })).toBe('At most 200 characters.');
  });

  it('keeps react-admin’s own words for keys Trellis does not change', () => {
    expect(i18nProvider.translate('ra.action.save')).toBe('Save');
    expect(i18nProvider.translate('ra.action.cancel')).toBe('Cancel');
  });

  it('only overrides keys react-admin has (a typo would silently never show)', () => {
    const known = new Set(keysOf(englishMessages));
    expect(keysOf(TRELLIS_EN).filter((key) => !known.has(key))).toEqual([]);
  });
});
