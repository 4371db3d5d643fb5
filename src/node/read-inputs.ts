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
import { evtxProblemWhere, evtxRecordToRaw } from '../events/from-evtx.js';
import { readEvtxFile } from './evtx-file.js';

export interface ReadInputsOptions {
  /** Deepest folder level entered below a folder argument (default 8). */
  readonly maxDepth?: number;
  /** Most files read in all (default 100 000). */
  readonly maxFiles?: number;
  /** Files larger than this are read as streams where the format allows (default 64 MiB). */
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
  const seenDirs = new Set<string>();

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
      if (budget <= 0) return;
      const p = join(dir, ent.name);
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
        budget--;
        yield { path: p, root };
      }
    }
  }

  for (const arg of args) {
    if (budget <= 0) {
      problems.push({ file: arg, where: 'arguments', message: `more than ${options.maxFiles ?? 100_000} files; the rest are not read` });
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
    else {
      budget--;
      yield { path: arg, root: null };
    }
  }
}

/** Most frequent host named by the events, or null. */
function hostOfEvents(events: readonly WlanEvent[]): string | null {
  const counts = new Map<string, number>();
  for (const e of events) if (e.host !== null) counts.set(e.host, (counts.get(e.host) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  for (const [h, c] of counts) if (c > n) [best, n] = [h, c];
  return best;
}

/** For `root/HOST/…/file`, the first folder below the root; null for files directly in the root. */
function hostOfFolder(found: Found): string | null {
  if (found.root === null) return null;
  const rel = relative(found.root, found.path);
  const parts = rel.split(sep);
  return parts.length >= 2 ? (parts[0] ?? null) : null;
}

async function readEvtxPath(path: string, options: ReadInputsOptions): Promise<Omit<InputResult, 'host' | 'hostSource'>> {
  const sink = new EventSink(path, 'evtx', { allProviders: options.allProviders });
  try {
    // Chunk by chunk from the file: memory stays flat whatever the file size.
    const it = readEvtxFile(path);
    for await (const rec of it) {
      if (!Number.isInteger(rec.system.eventId)) continue;
      sink.record(evtxRecordToRaw(rec));
    }
    for (const p of it.summary.problems) sink.skip(evtxProblemWhere(p), p.message);
  } catch (e) {
    sink.skip('byte 0x0', `EVTX file could not be read: ${(e as Error).message}`);
  }
  sink.finish();
  return { file: path, format: 'evtx', events: sink.events, problems: sink.problems, skipped: sink.skipped, ignored: sink.ignored };
}

async function readStream(
  chunks: AsyncIterable<Uint8Array>,
  name: string,
  readOptions: ReadOptions,
): Promise<Omit<InputResult, 'host' | 'hostSource'>> {
  const events: WlanEvent[] = [];
  const problems: ReadProblem[] = [];
  let format = 'unknown';
  let skipped = 0;
  let ignored = 0;
  for await (const item of readEventsStream(chunks, name, readOptions)) {
    if (item.type === 'event') events.push(item.event);
    else if (item.type === 'problem') problems.push(item.problem);
    else ({ format, skipped, ignored } = item);
  }
  return { file: name, format, events, problems, skipped, ignored };
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

/** Read every input named by `args`; one result per file, in order. Never throws for bad files. */
export async function* readInputs(args: readonly string[], options: ReadInputsOptions = {}): AsyncGenerator<InputResult> {
  const listProblems: ReadProblem[] = [];
  const readOptions: ReadOptions = { allProviders: options.allProviders };
  const streamAbove = options.streamAbove ?? 64 * 1024 * 1024;
  const flushListProblems = function* (): Generator<InputResult> {
    for (const p of listProblems.splice(0)) {
      yield { file: p.file, format: 'none', host: null, hostSource: null, events: [], problems: [p], skipped: 1, ignored: 0 };
    }
  };
  for await (const found of expandInputs(args, options, listProblems)) {
    yield* flushListProblems();
    let r: Omit<InputResult, 'host' | 'hostSource'>;
    try {
      if (found.path === '-') {
        const stdin = options.stdin ?? (process.stdin as AsyncIterable<Uint8Array>);
        r = await readStream(stdin, '-', readOptions);
      } else if (await isEvtx(found.path)) {
        r = await readEvtxPath(found.path, options);
      } else if ((await stat(found.path)).size > streamAbove) {
        r = await readStream(createReadStream(found.path) as AsyncIterable<Uint8Array>, found.path, readOptions);
      } else {
        const bytes = await readFile(found.path);
        const res = await readEvents(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), found.path, readOptions);
        r = { file: found.path, format: res.format, events: res.events, problems: res.problems, skipped: res.skipped, ignored: res.ignored };
      }
    } catch (e) {
      yield {
        file: found.path,
        format: 'none',
        host: null,
        hostSource: null,
        events: [],
        problems: [{ file: found.path, where: 'file', message: `cannot read: ${(e as Error).message}` }],
        skipped: 1,
        ignored: 0,
      };
      continue;
    }
    let host = hostOfEvents(r.events);
    let hostSource: InputResult['hostSource'] = host !== null ? 'events' : null;
    if (host === null) {
      host = hostOfFolder(found);
      if (host !== null) hostSource = 'folder';
    }
    const events = hostSource === 'folder' ? r.events.map((e) => (e.host === null ? { ...e, host } : e)) : r.events;
    yield { ...r, events, host, hostSource };
  }
  yield* flushListProblems();
}

