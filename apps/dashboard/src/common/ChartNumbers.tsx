import { Box } from '@mui/material';
import type { ReactNode } from 'react';
import { visuallyHidden } from './visuallyHidden';

/**
 * "Show the numbers": the table behind a chart, folded under the chart, for anyone who would rather
 * read than compare heights (and for screen readers, which get the caption). Every chart in the
 * dashboard uses this one, so they read and look alike. The first column names the row; the
 * others are numbers, right-aligned with their headings.
 */
export const ChartNumbers = ({ caption, children }: { caption: string; children: ReactNode }) => (
  <Box
    component="details"
    sx={{ mt: 1, '& summary': { cursor: 'pointer', color: 'primary.main', typography: 'body2' } }}
  >
    <summary>Show the numbers</summary>
    <Box
      component="table"
      sx={{
        mt: 1,
        borderCollapse: 'collapse',
        typography: 'body2',
        '& th, & td': { textAlign: 'left', py: 0.5, pr: 2, borderBottom: 1, borderColor: 'divider' },
        '& td, & thead th:not(:first-of-type)': { textAlign: 'right' },
      }}
    >
      <caption style={visuallyHidden}>{caption}</caption>
      {children}
    </Box>
  </Box>
);
