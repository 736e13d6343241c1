import { describe, expect, it } from '@jest/globals';
import { createTheme } from '@mui/material/styles';
import { typography } from './themeTypography';

describe('the theme’s typography', () => {
  it('writes buttons and tabs in sentence case, not ALL CAPS', () => {
    expect(createTheme({ typography }).typography.button.textTransform).toBe('none');
  });
});
