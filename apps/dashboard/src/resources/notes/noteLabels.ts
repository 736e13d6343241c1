import { NOTE_FORMATS, type NoteFormat } from '@trellis/contracts';

export const NOTE_FORMAT_LABELS: Record<NoteFormat, string> = {
  soap: 'SOAP',
  dap: 'DAP',
  free: 'Free text',
};

export const NOTE_FORMAT_DESCRIPTIONS: Record<NoteFormat, string> = {
  soap: 'Subjective, Objective, Assessment, Plan',
  dap: 'Data, Assessment, Plan',
  free: 'One block of text',
};

export const noteFormatChoices = NOTE_FORMATS.map((id) => ({
  id,
  name: `${NOTE_FORMAT_LABELS[id]} — ${NOTE_FORMAT_DESCRIPTIONS[id]}`,
}));

/** Section headings, with a prompt for what belongs there. */
export const NOTE_SECTION_LABELS: Record<string, { label: string; hint: string }> = {
  subjective: {
    label: 'Subjective',
    hint: 'What each partner reported: concerns, feelings, their account of the week.',
  },
  objective: { label: 'Objective', hint: 'What you observed: affect, interaction, homework completed.' },
  data: { label: 'Data', hint: 'What was said and observed in the session.' },
  assessment: { label: 'Assessment', hint: 'Your clinical reading: progress, risks, patterns.' },
  plan: { label: 'Plan', hint: 'Next steps: homework, focus for the next session, referrals.' },
  body: { label: 'Note', hint: 'The session in your own words.' },
};

export const sectionLabel = (section: string): string =>
  NOTE_SECTION_LABELS[section]?.label ?? section.charAt(0).toUpperCase() + section.slice(1);
