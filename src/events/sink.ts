/** Where readers put what they read: events, problems (capped, but always counted), skipped parts. */
import type { ReadProblem, WlanEvent } from './model.js';
import { MAX_PROBLEMS } from './limits.js';
import { normalizeRecord, type RawRecord } from './normalize.js';
import { isRelevantProvider } from './providers.js';

export interface SinkOptions {
  /** Keep events of every provider (default: only WLAN / 802.1X related ones and unnamed ones). */
  readonly allProviders?: boolean;
}

export class EventSink {
  readonly events: WlanEvent[] = [];
  readonly problems: ReadProblem[] = [];
  /** Parts of the input that could not be read (bad events, bad lines, bad archive members). */
  skipped = 0;
  /** Events read correctly but left out because their provider is unrelated to WLAN / 802.1X. */
  ignored = 0;
  /** Events handed out so far (kept in `events` or passed to `onEvent`). */
  recorded = 0;
  private extraProblems = 0;
  /** Called for every event; lets the streaming reader hand events out as they come. */
  onEvent: ((e: WlanEvent) => void) | null = null;

  constructor(
    readonly file: string,
    public format: string,
    private readonly options: SinkOptions = {},
  ) {}

  problem(where: string, message: string, count = 1): void {
    if (this.problems.length >= MAX_PROBLEMS) {
      this.extraProblems += count;
      return;
    }
    this.problems.push(count === 1 ? { file: this.file, where, message } : { file: this.file, where, message, count });
  }

  /** A bad part: reported and counted. */
  skip(where: string, message: string): void {
    this.skipped++;
    this.problem(where, message);
  }

  /** `count` bad parts a reader counted past the `listed` problems it keeps: counted, and reported by one line. */
  skipUnlisted(count: number, listed: number, reader: string): void {
    this.skipped += count;
    this.problem('whole input', `${count} more problem${count === 1 ? '' : 's'} not listed (the ${reader} keeps the first ${listed})`, count);
  }

  record(raw: RawRecord): void {
    if (!this.options.allProviders && !isRelevantProvider(raw.provider, raw.providerGuid)) {
      this.ignored++;
      return;
    }
    const problems: ReadProblem[] = [];
    const event = normalizeRecord(raw, { file: this.file, format: this.format, problems });
    for (const p of problems) this.problem(p.where, p.message);
    this.recorded++;
    if (this.onEvent) this.onEvent(event);
    else this.events.push(event);
  }

  /** Adds a closing note when problems were over the cap. */
  finish(): void {
    if (this.extraProblems > 0) {
      this.problems.push({
        file: this.file,
        where: 'input',
        message: `${this.extraProblems} more problems not listed`,
        count: this.extraProblems,
      });
      this.extraProblems = 0;
    }
  }
}
