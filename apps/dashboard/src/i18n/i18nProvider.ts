import polyglotI18nProvider from 'ra-i18n-polyglot';
import { trellisEnglish } from './trellisEnglish';

/**
 * Every message react-admin shows goes through here. English only for now; a language is one more
 * messages file and an entry in the list (react-admin then offers a language switcher).
 */
export const i18nProvider = polyglotI18nProvider(() => trellisEnglish, 'en', [{ locale: 'en', name: 'English' }], {
  allowMissing: true,
});
