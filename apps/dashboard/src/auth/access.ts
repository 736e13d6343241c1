import type { StaffRole } from '@trellis/contracts';

/**
 * Which roles see which resources. A resource missing for a role is absent from both the menu and
 * the routes, not merely hidden; the API refuses those calls anyway (403).
 */
export const RESOURCE_ROLES = {
  couples: ['admin', 'therapist'],
  // Homework: its review screen only. No list (homework lives on each couple's page), so no menu entry.
  assignments: ['admin', 'therapist'],
  exercises: ['admin', 'therapist'],
  // Programs: like exercises, every staff member reads them and builds the clinic's own.
  programs: ['admin', 'therapist'],
  // Measures: like exercises, every staff member reads them and writes the clinic's own.
  measures: ['admin', 'therapist'],
  // Each person's own digests (the API scopes them; admins get them for couples of their own).
  digests: ['admin', 'therapist'],
  staff: ['admin'],
  audit: ['admin'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type ResourceName = keyof typeof RESOURCE_ROLES;

const RESOURCE_NAMES = Object.keys(RESOURCE_ROLES) as ResourceName[];

/** The resources for react-admin's permissions value (the role, or null when signed out). */
export const resourcesFor = (permissions: unknown): ResourceName[] =>
  RESOURCE_NAMES.filter((name) => (RESOURCE_ROLES[name] as readonly unknown[]).includes(permissions));
