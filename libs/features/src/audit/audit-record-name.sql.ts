/**
 * What an audit row's record is called, for the admin reading the trail: the couple's or person's
 * name, the homework's title and couple, never clinical text. Each lookup stays inside the row's
 * own clinic; a record since deleted (a revoked invitation) has no name and shows by its id.
 *
 * `record_id` is text (jobs have ids like "email/41"), so it is cast to a uuid only when it is one:
 * the lookups then use each table's primary key.
 */
const RECORD_UUID = `(CASE WHEN a.record_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN a.record_id::uuid END)`;

export const AUDIT_RECORD_NAME_SQL = `CASE a.record_type
  WHEN 'couple' THEN (SELECT c.display_name FROM couple c WHERE c.id = ${RECORD_UUID} AND c.clinic_id = a.clinic_id)
  WHEN 'staff_user' THEN (SELECT s.name FROM staff_user s WHERE s.id = ${RECORD_UUID} AND s.clinic_id = a.clinic_id)
  WHEN 'clinic' THEN (SELECT k.name FROM clinic k WHERE k.id = ${RECORD_UUID} AND k.id = a.clinic_id)
  WHEN 'exercise' THEN (SELECT e.title FROM exercise e WHERE e.id = ${RECORD_UUID} AND (e.clinic_id = a.clinic_id OR e.clinic_id IS NULL))
  WHEN 'assignment' THEN (
    SELECT x.title || ' for ' || c.display_name FROM assignment x JOIN couple c ON c.id = x.couple_id
    WHERE x.id = ${RECORD_UUID} AND x.clinic_id = a.clinic_id)
  WHEN 'homework_response' THEN (
    SELECT cl.name || ': ' || x.title FROM homework_response r
    JOIN client cl ON cl.id = r.client_id JOIN assignment x ON x.id = r.assignment_id
    WHERE r.id = ${RECORD_UUID} AND r.clinic_id = a.clinic_id)
  WHEN 'session_note' THEN (
    SELECT c.display_name || ', session of ' || n.session_date::text FROM session_note n JOIN couple c ON c.id = n.couple_id
    WHERE n.id = ${RECORD_UUID} AND n.clinic_id = a.clinic_id)
END`;
