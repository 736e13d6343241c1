import { NOTE_FORMAT_NAMES, NOTE_FORMATS, noteSectionHeading, type NoteFormat } from '@trellis/contracts';

export const NOTE_FORMAT_LABELS: Record<NoteFormat, string> = NOTE_FORMAT_NAMES;

export const NOTE_FORMAT_DESCRIPTIONS: Record<NoteFormat, string> = {
  soap: 'Subjective, Objective, Assessment, Plan',
  dap: 'Data, Assessment, Plan',
  free: 'One block of text',
};

export const noteFormatChoices = NOTE_FORMATS.map((id) => ({
  id,
  name: `${NOTE_FORMAT_LABELS[id]} — ${NOTE_FORMAT_DESCRIPTIONS[id]}`,
}));

/** A prompt under each section's heading (the headings themselves are the contracts'). */
const NOTE_SECTION_HINTS: Record<string, string> = {
  subjective: 'What each partner reported: concerns, feelings, their account of the week.',
  objective: 'What you observed: affect, interaction, homework completed.',
  data: 'What was said and observed in the session.',
  assessment: 'Your clinical reading: progress, risks, patterns.',
  plan: 'Next steps: homework, focus for the next session, referrals.',
  body: 'The session in your own words.',
};

/** Section headings, with a prompt for what belongs there. */
export const NOTE_SECTION_LABELS: Record<string, { label: string; hint: string }> = Object.fromEntries(
  Object.entries(NOTE_SECTION_HINTS).map(([section, hint]) => [section, { label: noteSectionHeading(section), hint }]),
);

export const sectionLabel = noteSectionHeading;

/** What signing asks and answers, the same from the Notes tab and from a session. */
export const SIGN_NOTE_TEXT = {
  title: 'Sign this note?',
  content: 'A signed note is final: nobody can change or delete it. Corrections are added as signed addenda.',
  confirm: 'Sign note',
  blank: 'Write something before signing',
  done: 'Note signed. It can no longer be changed; add an addendum for corrections.',
} as const;
