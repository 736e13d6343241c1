import { lazy } from 'react';

const AssignmentReviewPage = lazy(() =>
  import('./AssignmentReviewPage').then((m) => ({ default: m.AssignmentReviewPage })),
);

// Homework has no list of its own (it lives on each couple's page, and the API has no flat list of
// it), so no menu entry and no icon: only the review screen, as the show view. App.tsx also serves
// it at `/assignments/:id`, the address every link to it uses.
export const assignments = {
  show: AssignmentReviewPage,
  recordRepresentation: 'title',
  options: { label: 'Homework' },
};
