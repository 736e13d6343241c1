/**
 * MUI 9 removed TextField's `InputProps`, `inputProps`, `InputLabelProps`, `FormHelperTextProps`
 * and `SelectProps` in favour of `slotProps`. react-admin 5.15 (the latest) still passes the old
 * names next to `slotProps`, so MUI hands them on to a `<div>` and React warns about unknown DOM
 * props. This folds each old prop into its slot, the slot's own values winning (react-admin already
 * copies most of them there), so nothing it sets is lost and nothing reaches the DOM.
 */
const SLOT_OF_LEGACY_PROP = {
  InputProps: 'input',
  inputProps: 'htmlInput',
  InputLabelProps: 'inputLabel',
  FormHelperTextProps: 'formHelperText',
  SelectProps: 'select',
} as const;

type Props = Record<string, unknown> & { slotProps?: Record<string, unknown> };

export function foldLegacyTextFieldProps(props: Props): Props {
  const { slotProps, ...rest } = props;
  const slots: Record<string, unknown> = { ...slotProps };
  for (const [legacy, slot] of Object.entries(SLOT_OF_LEGACY_PROP)) {
    if (!(legacy in rest)) continue;
    const value = rest[legacy];
    delete rest[legacy];
    if (!isPlainObject(value)) continue;
    const current = slots[slot];
    // A slot given as a function (MUI's callback form) is the caller's last word: keep it as is.
    if (typeof current === 'function') continue;
    slots[slot] = { ...value, ...(isPlainObject(current) ? current : {}) };
  }
  return Object.keys(slots).length ? { ...rest, slotProps: slots } : rest;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
