import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

/**
 * Trellis's own words where react-admin's defaults read like a generic admin kit ("Element
 * created", "The form is not valid. Please check for errors"). Keyed exactly like react-admin's
 * messages; another language adds a file of the same shape.
 */
export const TRELLIS_EN = {
  ra: {
    action: {
      back: 'Go back',
      toggle_theme: 'Switch between light and dark',
      update_application: 'Reload Trellis',
    },
    auth: {
      logout: 'Sign out',
      user_menu: 'Account menu',
    },
    page: {
      dashboard: 'Home',
      error: 'Something went wrong',
      loading: 'Loading',
      not_found: 'Page not found',
      empty: 'No %{name} yet',
      invite: 'Add the first one?',
      access_denied: 'Not available to your role',
      authentication_error: 'Sign-in could not be checked',
    },
    message: {
      invalid_form: 'Some fields need your attention: see the messages under them.',
      unsaved_changes: 'You have changes that are not saved. Leave this page anyway?',
      not_found: 'The address may be mistyped, or the page has moved.',
      error: 'Something went wrong and this could not be finished. Please try again.',
      loading: 'Just a moment…',
      access_denied: 'This page is not available to your role.',
      are_you_sure: 'Are you sure?',
      placeholder_data_warning: 'Could not refresh: what you see may be out of date.',
    },
    navigation: {
      no_results: 'Nothing found',
      no_filtered_results: 'Nothing matches these filters.',
      clear_filters: 'Clear filters',
      skip_nav: 'Skip to the main content',
    },
    notification: {
      created: 'Added.',
      updated: 'Changes saved. |||| %{smart_count} changes saved.',
      deleted: 'Deleted. |||| %{smart_count} deleted.',
      bad_item: 'That record could not be read.',
      item_doesnt_exist: 'This record no longer exists, or is not yours to see.',
      http_error: 'Trellis could not reach the server. Check your connection and try again.',
      data_provider_error: 'Something went wrong. Please try again.',
      canceled: 'Cancelled.',
      logged_out: 'You were signed out. Please sign in again.',
      not_authorized: 'This is not available to your role.',
      application_update_available: 'A new version of Trellis is ready.',
      offline: 'You are offline: Trellis could not load this.',
    },
    validation: {
      required: 'Required.',
      minLength: 'At least %{min} characters.',
      maxLength: 'At most %{max} characters.',
      minValue: 'At least %{min}.',
      maxValue: 'At most %{max}.',
      number: 'Enter a number.',
      email: 'Enter an email address like name@example.com.',
      oneOf: 'Choose one of: %{options}.',
      regex: 'This does not have the expected form.',
    },
  },
} as const;

type Messages = { [key: string]: string | Messages };

const merge = (base: Messages, over: Messages): Messages =>
  Object.fromEntries(
    [...new Set([...Object.keys(base), ...Object.keys(over)])].map((key) => {
      const a = base[key];
      const b = over[key];
      if (b === undefined) return [key, a];
      if (typeof a === 'object' && typeof b === 'object') return [key, merge(a, b)];
      return [key, b];
    }),
  );

/** react-admin's English with Trellis's words over it: every key react-admin needs is present. */
export const trellisEnglish = merge(
  englishMessages as unknown as Messages,
  TRELLIS_EN as unknown as Messages,
) as unknown as TranslationMessages;
