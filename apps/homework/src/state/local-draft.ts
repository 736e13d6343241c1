import { readItem, type StorageLike, writeItem } from './storage';

/**
 * Answers this device has and the server may not have yet. Kept only while unsaved: once the server
 * confirms a save the copy is removed, so a shared phone holds as little as possible of someone's
 * answers.
 */
export interface LocalDraft {
  /** As collected from the form; sanitized against the prompts before use. */
  answers: Record<string, unknown>;
  /** When the person last changed something (this device's clock, ISO 8601). */
  changedAt: string;
  /** The server's `lastSavedAt` this copy was built on (null: nothing saved yet). */
  baseSavedAt: string | null;
}

export interface DraftStore {
  read(): LocalDraft | null;
  write(draft: LocalDraft): void;
  clear(): void;
}

const PREFIX = 'trellis-homework:draft:';

const isLocalDraft = (value: unknown): value is LocalDraft => {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Partial<LocalDraft>;
  return (
    typeof draft.answers === 'object' &&
    draft.answers !== null &&
    !Array.isArray(draft.answers) &&
    typeof draft.changedAt === 'string' &&
    (draft.baseSavedAt === null || typeof draft.baseSavedAt === 'string')
  );
};

/** The copy for one link, stored under its token key (never the token). */
export const draftStore = (storage: StorageLike | undefined, key: string): DraftStore => {
  const name = PREFIX + key;
  return {
    read: () => {
      const raw = readItem(storage, name);
      if (raw === null) return null;
      try {
        const value: unknown = JSON.parse(raw);
        return isLocalDraft(value) ? value : null;
      } catch {
        return null;
      }
    },
    write: (draft) => void writeItem(storage, name, JSON.stringify(draft)),
    clear: () => void writeItem(storage, name, null),
  };
};

/** Unsaved copies older than this are dropped (a link replaced by a fresh one leaves its copy behind). */
export const LOCAL_DRAFT_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Removes this browser's unsaved copies that nobody came back for, so a shared phone does not keep
 * someone's words indefinitely. Copies that cannot be read are removed too.
 */
export const pruneOldDrafts = (
  storage: (StorageLike & { readonly length: number; key(index: number): string | null }) | undefined,
  now: number,
  maxAgeMs = LOCAL_DRAFT_MAX_AGE_MS,
): void => {
  try {
    if (!storage) return;
    const names: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const name = storage.key(i);
      if (name?.startsWith(PREFIX)) names.push(name);
    }
    for (const name of names) {
      const draft = draftStore(storage, name.slice(PREFIX.length)).read();
      const changed = draft ? Date.parse(draft.changedAt) : NaN;
      if (!(now - changed <= maxAgeMs)) storage.removeItem(name);
    }
  } catch {
    // Storage refused: nothing to prune.
  }
};

export interface ServerAnswers {
  status: 'not_started' | 'draft' | 'submitted';
  answers: Record<string, unknown>;
  lastSavedAt: string | null;
}

export type StartingPoint =
  | { source: 'server'; answers: Record<string, unknown>; discardLocal: boolean }
  | { source: 'local'; answers: Record<string, unknown> };

const time = (iso: string | null): number => (iso === null ? NaN : Date.parse(iso));

/**
 * Which answers the form starts with. The device's copy wins ("restore it and save it") when:
 * - nothing was ever saved on the server, or
 * - the server has not saved anything since the copy was made (same `lastSavedAt` it was built
 *   on: no clock comparison needed, so a phone with a wrong clock still keeps its changes), or
 * - the copy was changed after the server's last save (another device saved meanwhile: newest wins).
 * A submitted response always wins: the first submission is what the therapist reads.
 */
export const chooseStartingAnswers = (server: ServerAnswers, local: LocalDraft | null): StartingPoint => {
  if (server.status === 'submitted') return { source: 'server', answers: server.answers, discardLocal: local !== null };
  if (local === null) return { source: 'server', answers: server.answers, discardLocal: false };
  const localWins =
    server.lastSavedAt === null ||
    local.baseSavedAt === server.lastSavedAt ||
    time(local.changedAt) > time(server.lastSavedAt);
  return localWins
    ? { source: 'local', answers: local.answers }
    : { source: 'server', answers: server.answers, discardLocal: true };
};
