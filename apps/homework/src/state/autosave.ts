/**
 * Saving a draft in the background: a debounce after typing stops, an immediate save on demand
 * (blur, page hidden), retries with backoff while offline, and never two saves in flight at once.
 * DOM-free: the page supplies `save` and shows the status; timers are the global ones (fakeable).
 */

export type SaveOutcome =
  | { kind: 'saved'; savedAt: string }
  /** No answer from the network: retried with backoff and when the browser is back online. */
  | { kind: 'offline' }
  /** The server is busy or failing (429, 5xx): retried, after `afterMs` when it said so. */
  | { kind: 'retry'; afterMs?: number }
  /** The server refused these answers (400); waits for the next change. */
  | { kind: 'invalid'; errors: Record<string, string> }
  /** Saving can never work from this page again (submitted, session over, another person's session). */
  | { kind: 'halt'; reason: HaltReason };

export type HaltReason = 'submitted' | 'unauthorized' | 'switched';

export type AutosaveStatus =
  | { kind: 'saving' }
  | { kind: 'saved'; savedAt: string }
  | { kind: 'offline' }
  | { kind: 'retrying' }
  | { kind: 'invalid'; errors: Record<string, string> }
  | { kind: 'halted'; reason: HaltReason };

export interface AutosaveOptions<T> {
  save: (value: T) => Promise<SaveOutcome>;
  onStatus: (status: AutosaveStatus) => void;
  /** After a successful save; `settled` is false when newer changes already wait for the next one. */
  onSaved?: (savedAt: string, settled: boolean) => void;
  /** Quiet time after the last change before saving. */
  delayMs?: number;
  /** Wait before retry number `attempt` (1, 2, …). */
  retryDelayMs?: (attempt: number) => number;
}

export const AUTOSAVE_DELAY_MS = 1200;

/** 2 s, 4 s, 8 s … up to a minute. */
export const backoffMs = (attempt: number): number => Math.min(60_000, 2000 * 2 ** Math.max(0, attempt - 1));

export class Autosave<T> {
  private readonly delayMs: number;
  private readonly retryDelayMs: (attempt: number) => number;
  private latest: T | undefined;
  private version = 0;
  private savedVersion = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private waitingToRetry = false;
  private attempt = 0;
  private inFlight: Promise<void> | undefined;
  private saveAgain = false;
  private paused = false;
  private halted = false;

  constructor(private readonly options: AutosaveOptions<T>) {
    this.delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
    this.retryDelayMs = options.retryDelayMs ?? backoffMs;
  }

  /** Changes not yet confirmed by the server. */
  get dirty(): boolean {
    return this.version !== this.savedVersion;
  }

  get saving(): boolean {
    return this.inFlight !== undefined;
  }

  /** Something changed: save it once things have been quiet for a moment. */
  change(value: T): void {
    if (this.halted) return;
    this.latest = value;
    this.version++;
    // While waiting out a backoff, the retry will carry the newest answers: typing offline must not
    // turn into one failing request per pause.
    // A save in flight reschedules itself when it settles and finds newer changes.
    if (this.paused || this.waitingToRetry || this.inFlight) return;
    this.schedule(this.delayMs);
  }

  /** Save now (blur, page hidden, Submit); resolves when the save in progress has settled. */
  flush(): Promise<void> {
    if (this.halted || this.paused || !this.dirty) return this.inFlight ?? Promise.resolve();
    if (this.inFlight) {
      this.saveAgain = true;
      return this.inFlight;
    }
    return this.run();
  }

  /** The browser says it is online again: retry at once instead of waiting out the backoff. */
  retryNow(): void {
    if (this.waitingToRetry) void this.run();
  }

  /** Stops saving (e.g. while submitting); resolves once a save in progress has settled. */
  async pause(): Promise<void> {
    this.paused = true;
    this.clearTimer();
    this.waitingToRetry = false;
    await this.inFlight;
  }

  resume(): void {
    if (!this.paused || this.halted) return;
    this.paused = false;
    if (this.dirty) this.schedule(0);
  }

  /** For good: the page is going away or saving can never succeed again. */
  dispose(): void {
    this.halted = true;
    this.clearTimer();
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private run(): Promise<void> {
    this.clearTimer();
    const retrying = this.waitingToRetry;
    this.waitingToRetry = false;
    this.saveAgain = false;
    const version = this.version;
    const value = this.latest as T;
    // Retries keep the "offline" line instead of flickering through "Saving…" every few seconds.
    if (!retrying) this.options.onStatus({ kind: 'saving' });
    const run = (async () => {
      let outcome: SaveOutcome;
      try {
        outcome = await this.options.save(value);
      } catch {
        outcome = { kind: 'retry' };
      }
      this.inFlight = undefined;
      this.settle(outcome, version);
    })();
    this.inFlight = run;
    return run;
  }

  private settle(outcome: SaveOutcome, version: number): void {
    if (this.halted) return;
    switch (outcome.kind) {
      case 'saved': {
        this.attempt = 0;
        this.savedVersion = Math.max(this.savedVersion, version);
        const settled = !this.dirty;
        this.options.onStatus({ kind: 'saved', savedAt: outcome.savedAt });
        this.options.onSaved?.(outcome.savedAt, settled);
        if (!settled && !this.paused) {
          if (this.saveAgain) void this.run();
          else this.schedule(this.delayMs);
        }
        return;
      }
      case 'offline':
      case 'retry': {
        this.attempt++;
        this.options.onStatus({ kind: outcome.kind === 'offline' ? 'offline' : 'retrying' });
        if (this.paused) return;
        this.waitingToRetry = true;
        const wait = outcome.kind === 'retry' ? outcome.afterMs : undefined;
        this.timer = setTimeout(
          () => {
            this.timer = undefined;
            void this.run();
          },
          wait ?? this.retryDelayMs(this.attempt),
        );
        return;
      }
      case 'invalid':
        this.attempt = 0;
        this.options.onStatus({ kind: 'invalid', errors: outcome.errors });
        // Changes made meanwhile may already fix it.
        if (this.version !== version && !this.paused) this.schedule(this.delayMs);
        return;
      case 'halt':
        this.halted = true;
        this.clearTimer();
        this.options.onStatus({ kind: 'halted', reason: outcome.reason });
        return;
    }
  }
}
