/**
 * Node front end of the event readers: expands files, folders (recursively, bounded, without following
 * symlink loops) and `-` (stdin), reads each input and yields its events and problems, with the host
 * taken from the events (`Computer`) or, when they lack it, from the folder the file sits in.
 */
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ReadProblem, WlanEvent } from '../events/model.js';
import { readEvents, readEventsStream, type ReadOptions } from '../events/read.js';
import { EventSink } from '../events/sink.js';
import { evtxProblemWhere, readEvtxRecords } from '../events/from-evtx.js';
import { readEvtxFile } from './evtx-file.js';
import { evtxHook } from '../read-log.js';
import { oldestFirst } from '../events/order.js';

export interface ReadInputsOptions {
  /** Deepest folder level entered below a folder argument (default 8). */
  readonly maxDepth?: number;
  /** Most files read in all (default 100 000). */
  readonly maxFiles?: number;
  /** Files larger than this are read as streams where the format allows (default 16 MiB). */
  readonly streamAbove?: number;
  /** Keep events of every provider. */
  readonly allProviders?: boolean;
  /** Stream used for `-` (default: process.stdin). */
  readonly stdin?: AsyncIterable<Uint8Array>;
}

export interface InputResult {
  /** The path as found (or `-`). */
  readonly file: string;
  readonly format: string;
  readonly host: string | null;
  /** Where `host` came from. */
  readonly hostSource: 'events' | 'folder' | null;
  readonly events: WlanEvent[];
  readonly problems: ReadProblem[];
  readonly skipped: number;
  readonly ignored: number;
}

interface Found {
  readonly path: string;
  /** Folder argument the file was found under, or null for a file argument. */
  readonly root: string | null;
}

const EVTX_MAGIC = 'ElfFile\0';

/** Files named by the arguments, folders expanded in name order. Problems for what cannot be listed. */
export async function* expandInputs(
  args: readonly string[],
  options: ReadInputsOptions,
  problems: ReadProblem[],
): AsyncGenerator<Found> {
  const maxDepth = options.maxDepth ?? 8;
  let budget = options.maxFiles ?? 100_000;
  let overBudgetNoted = false;
  /** Files left unread for the file budget are reported once, wherever the budget ran out. */
  const noteOverBudget = (file: string): void => {
    if (overBudgetNoted) return;
    overBudgetNoted = true;
    problems.push({ file, where: 'arguments', message: `more than ${options.maxFiles ?? 100_000} files; the rest are not read` });
  };
  const seenDirs = new Set<string>();
  // A file named twice, or found again through a symlink or an overlapping folder argument, is read
  // once: read twice, each of its failures would be counted twice.
  const seenFiles = new Set<string>();
  const firstSight = async (path: string): Promise<boolean> => {
    let real: string;
    try {
      real = await realpath(path);
    } catch {
      return true; // the read that follows reports why it cannot be opened
    }
    if (seenFiles.has(real)) return false;
    seenFiles.add(real);
    return true;
  };

  async function* walk(dir: string, root: string, depth: number): AsyncGenerator<Found> {
    let real: string;
    try {
      real = await realpath(dir);
    } catch (e) {
      problems.push({ file: dir, where: 'folder', message: `cannot resolve: ${(e as Error).message}` });
      return;
    }
    if (seenDirs.has(real)) return; // a symlink loop or a folder given twice
    seenDirs.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      problems.push({ file: dir, where: 'folder', message: `cannot list: ${(e as Error).message}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const ent of entries) {
      const p = join(dir, ent.name);
      if (budget <= 0) {
        noteOverBudget(p);
        return;
      }
      let st;
      try {
        st = await stat(p);
      } catch (e) {
        problems.push({ file: p, where: 'file', message: `cannot read: ${(e as Error).message}` });
        continue;
      }
      if (st.isDirectory()) {
        if (depth >= maxDepth) {
          problems.push({ file: p, where: 'folder', message: `deeper than ${maxDepth} folder levels; not entered` });
          continue;
        }
        yield* walk(p, root, depth + 1);
      } else if (st.isFile()) {
        if (!(await firstSight(p))) continue;
        budget--;
        yield { path: p, root };
      }
    }
  }

  for (const arg of args) {
    if (budget <= 0) {
      noteOverBudget(arg);
      return;
    }
    if (arg === '-') {
      budget--;
      yield { path: '-', root: null };
      continue;
    }
    let st;
    try {
      st = await stat(arg);
    } catch (e) {
      problems.push({ file: arg, where: 'file', message: `cannot read: ${(e as Error).message}` });
      continue;
    }
    if (st.isDirectory()) yield* walk(arg, arg, 0);
    else if (await firstSight(arg)) {
      budget--;
      yield { path: arg, root: null };
    }
  }
}

/** Counts the hosts named by a file's events, to report the most frequent one. */
class HostTally {
  private readonly counts = new Map<string, number>();
  add(host: string | null): void {
    if (host !== null && (this.counts.size < 1024 || this.counts.has(host))) this.counts.set(host, (this.counts.get(host) ?? 0) + 1);
  }
  best(): string | null {
    let best: string | null = null;
    let n = 0;
    for (const [h, c] of this.counts) if (c > n) [best, n] = [h, c];
    return best;
  }
}

/** For `root/HOST/…/file`, the first folder below the root; null for files directly in the root. */
function hostOfFolder(found: Found): string | null {
  if (found.root === null) return null;
  const rel = relative(found.root, found.path);
  const parts = rel.split(sep);
  return parts.length >= 2 ? (parts[0] ?? null) : null;
}

/** One item of the streaming read: an event or a problem as it comes, then a closing line per file. */
export type InputItem =
  | { readonly type: 'event'; readonly event: WlanEvent }
  | { readonly type: 'problem'; readonly problem: ReadProblem }
  | {
      readonly type: 'file';
      readonly file: string;
      readonly format: string;
      readonly host: string | null;
      readonly hostSource: InputResult['hostSource'];
      readonly events: number;
      readonly skipped: number;
      readonly ignored: number;
    };

type FileItem = Extract<InputItem, { type: 'event' | 'problem' }> | { readonly type: 'summary'; readonly format: string; readonly skipped: number; readonly ignored: number };

async function* readEvtxItems(path: string, options: ReadInputsOptions): AsyncGenerator<FileItem> {
  const sink = new EventSink(path, 'evtx', { allProviders: options.allProviders });
  const ready: WlanEvent[] = [];
  sink.onEvent = (e) => ready.push(e);
  let problemsSeen = 0;
  try {
    // Chunk by chunk from the file: memory stays flat whatever the file size.
    const it = readEvtxFile(path);
    for await (const rec of it) {
      // The same checks as for an .evtx read from bytes: a record without a valid id is reported, not kept.
      readEvtxRecords([rec], sink);
      for (const event of ready.splice(0)) yield { type: 'event', event };
      for (; problemsSeen < sink.problems.length; problemsSeen++) {
        const problem = sink.problems[problemsSeen];
        if (problem) yield { type: 'problem', problem };
      }
    }
    for (const p of it.summary.problems) sink.skip(evtxProblemWhere(p), p.message);
    const unlisted = it.summary.problemCount - it.summary.problems.length;
    if (unlisted > 0) sink.skipUnlisted(unlisted, it.summary.problems.length, 'EVTX reader');
  } catch (e) {
    sink.skip('byte 0x0', `EVTX file could not be read: ${(e as Error).message}`);
  }
  sink.finish();
  for (const event of ready.splice(0)) yield { type: 'event', event };
  for (; problemsSeen < sink.problems.length; problemsSeen++) {
    const problem = sink.problems[problemsSeen];
    if (problem) yield { type: 'problem', problem };
  }
  yield { type: 'summary', format: 'evtx', skipped: sink.skipped, ignored: sink.ignored };
}

async function* readStreamItems(chunks: AsyncIterable<Uint8Array>, name: string, readOptions: ReadOptions): AsyncGenerator<FileItem> {
  // Streamed inputs that are read whole (an .evtx on stdin, a large archive) need the EVTX reader too.
  for await (const item of readEventsStream(chunks, name, { ...readOptions, evtx: evtxHook(name) })) {
    if (item.type === 'event') yield { type: 'event', event: item.event };
    else if (item.type === 'problem') yield { type: 'problem', problem: item.problem };
    else yield { type: 'summary', format: item.format, skipped: item.skipped, ignored: item.ignored };
  }
}

const NEWEST_FIRST =
  'events run newest first in a file too large to turn around in memory: connection attempts may be split; export oldest first (Get-WinEvent -Oldest) for exact grouping';

/** Timed events looked at before deciding whether a streamed file runs newest first. */
const ORDER_SAMPLE = 64;

/**
 * A streamed file cannot be turned around without holding it whole, so a newest-first one
 * (Get-WinEvent's default order) is read as it is, and the reader is told why attempts may split.
 */
async function* warnNewestFirst(items: AsyncGenerator<FileItem>, file: string): AsyncGenerator<FileItem> {
  let forward = 0;
  let backward = 0;
  let previous = Number.NaN;
  let decided = false;
  for await (const item of items) {
    if (!decided && item.type === 'event' && item.event.time !== null) {
      const t = Date.parse(/[zZ]$/.test(item.event.time) ? item.event.time : `${item.event.time}Z`);
      if (!Number.isNaN(t)) {
        if (!Number.isNaN(previous)) {
          if (t > previous) forward++;
          else if (t < previous) backward++;
        }
        previous = t;
        if (forward + backward >= ORDER_SAMPLE) {
          decided = true;
          if (backward > forward) {
            yield { type: 'problem', problem: { file, where: 'input', message: NEWEST_FIRST } };
          }
        }
      }
    }
    yield item;
  }
  if (!decided && backward > forward) {
    yield { type: 'problem', problem: { file, where: 'input', message: NEWEST_FIRST } };
  }
}

async function* readFileItems(path: string, readOptions: ReadOptions): AsyncGenerator<FileItem> {
  const bytes = await readFile(path);
  // An archive may hold an .evtx: the format readers get the project's EVTX reader for it.
  const res = await readEvents(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), path, { ...readOptions, evtx: evtxHook(path) });
  for (const event of oldestFirst(res.events)) yield { type: 'event', event };
  for (const problem of res.problems) yield { type: 'problem', problem };
  yield { type: 'summary', format: res.format, skipped: res.skipped, ignored: res.ignored };
}

async function isEvtx(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const head = new Uint8Array(8);
    const { bytesRead } = await fh.read(head, 0, 8, 0);
    return bytesRead === 8 && new TextDecoder('latin1').decode(head) === EVTX_MAGIC;
  } finally {
    await fh.close();
  }
}

/**
 * Reads every input named by `args`, streaming: events and problems are handed out as they are
 * read, so memory does not grow with the input (.evtx chunk by chunk, event XML event by event,
 * other formats a file at a time). Each file ends with a `file` item. Never throws for bad files.
 */
export async function* readInputItems(args: readonly string[], options: ReadInputsOptions = {}): AsyncGenerator<InputItem> {
  const listProblems: ReadProblem[] = [];
  const readOptions: ReadOptions = { allProviders: options.allProviders };
  // Whole reads cost several times the file in memory, and let newest-first exports be turned
  // around; past this size memory matters more, and streamed files are read in file order.
  const streamAbove = options.streamAbove ?? 16 * 1024 * 1024;
  const flushListProblems = function* (): Generator<InputItem> {
    for (const problem of listProblems.splice(0)) {
      yield { type: 'problem', problem };
      yield { type: 'file', file: problem.file, format: 'none', host: null, hostSource: null, events: 0, skipped: 1, ignored: 0 };
    }
  };
  for await (const found of expandInputs(args, options, listProblems)) {
    yield* flushListProblems();
    const folderHost = hostOfFolder(found);
    const hosts = new HostTally();
    let events = 0;
    let folderUsed = false;
    let summary: Extract<FileItem, { type: 'summary' }> = { type: 'summary', format: 'none', skipped: 0, ignored: 0 };
    try {
      let items: AsyncGenerator<FileItem>;
      if (found.path === '-') items = readStreamItems(options.stdin ?? (process.stdin as AsyncIterable<Uint8Array>), '-', readOptions);
      // A pipe or device (`<(zcat log.gz)`, /dev/stdin) cannot be peeked at or sized: it is read once, as a stream.
      else if (!(await stat(found.path)).isFile()) items = readStreamItems(createReadStream(found.path) as AsyncIterable<Uint8Array>, found.path, readOptions);
      else if (await isEvtx(found.path)) items = readEvtxItems(found.path, options);
      else if ((await stat(found.path)).size > streamAbove) items = warnNewestFirst(readStreamItems(createReadStream(found.path) as AsyncIterable<Uint8Array>, found.path, readOptions), found.path);
      else items = readFileItems(found.path, readOptions);
      for await (const item of items) {
        if (item.type === 'summary') summary = item;
        else if (item.type === 'problem') yield item;
        else {
          events++;
          let event = item.event;
          // Events without a Computer take the host from the folder they were found in.
          if (event.host === null && folderHost !== null) {
            event = { ...event, host: folderHost };
            folderUsed = true;
          } else hosts.add(event.host);
          yield { type: 'event', event };
        }
      }
    } catch (e) {
      yield { type: 'problem', problem: { file: found.path, where: 'file', message: `cannot read: ${(e as Error).message}` } };
      yield { type: 'file', file: found.path, format: 'none', host: null, hostSource: null, events, skipped: summary.skipped + 1, ignored: summary.ignored };
      continue;
    }
    const fromEvents = hosts.best();
    const host = fromEvents ?? (folderUsed ? folderHost : null);
    yield { type: 'file', file: found.path, format: summary.format, host, hostSource: fromEvents !== null ? 'events' : host !== null ? 'folder' : null, events, skipped: summary.skipped, ignored: summary.ignored };
  }
  yield* flushListProblems();
}

/** Reads every input and collects each file's events: for small inputs and tests; prefer readInputItems. */
export async function* readInputs(args: readonly string[], options: ReadInputsOptions = {}): AsyncGenerator<InputResult> {
  let events: WlanEvent[] = [];
  let problems: ReadProblem[] = [];
  for await (const item of readInputItems(args, options)) {
    if (item.type === 'event') events.push(item.event);
    else if (item.type === 'problem') problems.push(item.problem);
    else {
      yield { file: item.file, format: item.format, host: item.host, hostSource: item.hostSource, events, problems, skipped: item.skipped, ignored: item.ignored };
      events = [];
      problems = [];
    }
  }
}
