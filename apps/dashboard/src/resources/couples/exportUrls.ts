import { API_ROOT } from '../../data/request';

// Plain links, like the audit CSV: they are GETs, the session cookie goes along, and the browser
// saves the file (or opens the page) itself. The API answers both to the couple's own therapist only.

/** `GET /couples/:id/export`: the whole record as a JSON attachment. */
export const coupleExportUrl = (coupleId: string): string =>
  `${API_ROOT}/couples/${encodeURIComponent(coupleId)}/export`;

/** `GET /couples/:id/export/print`: the same record as a page to print or save as PDF. */
export const couplePrintUrl = (coupleId: string): string => `${coupleExportUrl(coupleId)}/print`;

/** `GET /couples/:id/measures/:measureId/responses/export`: both partners' check-ins as CSV. */
export const checkInsCsvUrl = (coupleId: string, measureId: string): string =>
  `${API_ROOT}/couples/${encodeURIComponent(coupleId)}/measures/${encodeURIComponent(measureId)}/responses/export`;
