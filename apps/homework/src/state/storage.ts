/** The part of `Storage` the page uses, so tests can hand in a Map-backed stand-in. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * localStorage, or undefined where the browser refuses it (some private modes, storage disabled).
 * Every use below also survives a full quota: the page keeps working, only without the local copy.
 */
export const browserStorage = (): Storage | undefined => {
  try {
    const storage = globalThis.localStorage;
    const probe = '__trellis_probe__';
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch {
    return undefined;
  }
};

export const readItem = (storage: StorageLike | undefined, key: string): string | null => {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
};

export const writeItem = (storage: StorageLike | undefined, key: string, value: string | null): boolean => {
  try {
    if (!storage) return false;
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
};
