/**
 * Hides content from the eye but not from screen readers (captions, column names repeated per
 * answer). Every length is a CSS string: in MUI's `sx`, a bare `width: 1` means 100 %, which once
 * made the review page 2,181 px wide. Works the same in `sx` and in a plain `style`.
 */
export const visuallyHidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  padding: 0,
  margin: '-1px',
  border: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;
