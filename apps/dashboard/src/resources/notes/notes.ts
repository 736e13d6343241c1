import { NOTE_SECTIONS, type NoteFormat, type SessionNoteView } from '@trellis/contracts';

/** `POST /couples/:id/notes` */
export interface NoteBody {
  format: NoteFormat;
  sessionDate: string;
  sections: Record<string, string>;
}

/** Every section of a format, empty, in display order. */
export const emptySections = (format: NoteFormat): Record<string, string> =>
  Object.fromEntries(NOTE_SECTIONS[format].map((section) => [section, '']));

/**
 * The sections a format has, carrying over what was typed when the format changes: same-named
 * sections keep their text (SOAP's assessment and plan become DAP's), and text that has no place
 * in the new format is not silently lost but gathered into its first section.
 */
export const switchFormat = (sections: Record<string, string>, to: NoteFormat): Record<string, string> => {
  const next = emptySections(to);
  const leftovers: string[] = [];
  for (const [section, text] of Object.entries(sections)) {
    if (!text.trim()) continue;
    if (section in next) next[section] = text;
    else leftovers.push(text.trim());
  }
  if (leftovers.length > 0) {
    const first = NOTE_SECTIONS[to][0];
    next[first] = [...leftovers, next[first]].filter((text) => text.trim()).join('\n\n');
  }
  return next;
};

/** The note as the API takes it: only the format's own sections, trimmed at the ends. */
export const noteBody = (format: NoteFormat, sessionDate: string, sections: Record<string, string>): NoteBody => ({
  format,
  sessionDate,
  sections: Object.fromEntries(NOTE_SECTIONS[format].map((section) => [section, (sections[section] ?? '').trim()])),
});

/** A draft with nothing written yet cannot be signed: an empty signed note helps nobody. */
export const isBlankNote = (sections: Record<string, string>): boolean =>
  Object.values(sections).every((text) => !text.trim());

/** Newest session first, drafts of the same day above signed notes. */
export const sortNotes = (notes: readonly SessionNoteView[]): SessionNoteView[] =>
  [...notes].sort(
    (a, b) =>
      b.sessionDate.localeCompare(a.sessionDate) ||
      Number(a.signedAt !== null) - Number(b.signedAt !== null) ||
      b.createdAt.localeCompare(a.createdAt),
  );
