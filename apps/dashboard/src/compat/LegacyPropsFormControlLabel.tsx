import MuiFormControlLabel, { type FormControlLabelProps } from '@mui/material/FormControlLabel';
import { cloneElement, forwardRef, isValidElement, type ReactElement, type Ref } from 'react';

type ControlProps = { slotProps?: { input?: unknown } };

/**
 * MUI's FormControlLabel, accepting the `inputRef` MUI 9 removed (react-admin's BooleanInput passes
 * it so a form can focus the switch on an error): it goes to the control's input slot, where MUI 9
 * takes it, instead of reaching the `<label>` as an unknown DOM prop.
 */
export const LegacyPropsFormControlLabel = forwardRef<
  HTMLLabelElement,
  FormControlLabelProps & { inputRef?: Ref<HTMLInputElement> }
>(function FormControlLabel({ inputRef, control, ...rest }, ref) {
  let wired = control;
  if (inputRef && isValidElement(control)) {
    const element = control as ReactElement<ControlProps>;
    const input = element.props.slotProps?.input;
    // A slot given as a function is the caller's own: leave it, as MUI would.
    if (typeof input !== 'function') {
      wired = cloneElement(element, {
        slotProps: { ...element.props.slotProps, input: { ...(input as object | undefined), ref: inputRef } },
      });
    }
  }
  return <MuiFormControlLabel ref={ref} control={wired} {...rest} />;
});
