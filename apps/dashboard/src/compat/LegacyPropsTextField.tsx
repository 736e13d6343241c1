import MuiTextField, { type TextFieldProps } from '@mui/material/TextField';
import { forwardRef } from 'react';
import { foldLegacyTextFieldProps } from './legacyTextFieldProps';

/** MUI's TextField, accepting the prop names MUI 9 removed (see foldLegacyTextFieldProps). */
export const LegacyPropsTextField = forwardRef<HTMLDivElement, TextFieldProps>(function TextField(props, ref) {
  const folded = foldLegacyTextFieldProps(props as Record<string, unknown>) as TextFieldProps;
  return <MuiTextField ref={ref} {...folded} />;
});
