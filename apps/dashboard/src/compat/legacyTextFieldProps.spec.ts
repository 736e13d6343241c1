import { describe, expect, it } from '@jest/globals';
import { foldLegacyTextFieldProps } from './legacyTextFieldProps';

describe('foldLegacyTextFieldProps', () => {
  it('moves each removed prop into its slot', () => {
    const endAdornment = 'clear';
    expect(
      foldLegacyTextFieldProps({
        label: 'Email',
        InputProps: { readOnly: true, endAdornment },
        inputProps: { maxLength: 200 },
        InputLabelProps: { shrink: true },
        FormHelperTextProps: { id: 'help' },
        SelectProps: { native: true },
      }),
    ).toEqual({
      label: 'Email',
      slotProps: {
        input: { readOnly: true, endAdornment },
        htmlInput: { maxLength: 200 },
        inputLabel: { shrink: true },
        formHelperText: { id: 'help' },
        select: { native: true },
      },
    });
  });

  it('lets what the slot already says win, and keeps the rest of both', () => {
    expect(
      foldLegacyTextFieldProps({
        InputProps: { readOnly: false, endAdornment: 'legacy' },
        slotProps: { input: { readOnly: true }, htmlInput: { 'aria-label': 'Search' } },
      }),
    ).toEqual({
      slotProps: { input: { readOnly: true, endAdornment: 'legacy' }, htmlInput: { 'aria-label': 'Search' } },
    });
  });

  it('never lets a removed prop through, even an empty or odd one', () => {
    const folded = foldLegacyTextFieldProps({ InputProps: undefined, InputLabelProps: null, inputProps: [] });
    expect(folded).toEqual({});
  });

  it('keeps a slot given as a function untouched', () => {
    const input = () => ({ readOnly: true });
    expect(foldLegacyTextFieldProps({ InputProps: { readOnly: false }, slotProps: { input } })).toEqual({
      slotProps: { input },
    });
  });
});
