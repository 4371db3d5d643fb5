#!/usr/bin/env node
/**
 * The `wlanreason` command. Start-up stays light: decoding a code loads the catalog only;
 * the log readers and the analysis load when a command needs them.
 */
import { parseArgs, UsageError } from './args.js';
import { parseFamily } from '../catalog/labels.js';
import type { Family } from '../catalog/types.js';
import { processIo, type CliIo } from './io.js';
import { safeText } from './style.js';
import { VERSION } from '../generated/version.js';

const COMMANDS = new Set(['decode', 'search', 'list', 'explain', 'evtx', 'analyze', 'help']);

const HELP: Record<string, string> = {
  main: `wlanreason: why did this Windows Wi-Fi connection fail?

Usage:
  wlanreason <code|name|text>...       decode reason codes, names or Windows message texts
  wlanreason search <words>...         find codes by words
  wlanreason list [--family F]         list the catalog
  wlanreason explain [file|-]          annotate every code and message in a text
  wlanreason analyze [files|folders|-] explain the failed connections in Wi-Fi logs
  wlanreason evtx <file>               dump the records of an .evtx file

Options:
  --json             machine-readable output
  --color, --no-color force colour on or off (default: on for a terminal, off with NO_COLOR)
  -h, --help         help for a command (wlanreason <command> --help)
  -v, --version      the version

Exit status: 0 everything understood, 1 some input unknown or unreadable, 2 usage error.
`,
  decode: `Usage: wlanreason [decode] <code|name|text>... [--family F] [--all] [--json]

Decodes each input: decimal (327687), hex (0x50007, 0x00050007), signed (-2143158251), hex without 0x,
names with or without their prefix (NO_VISIBLE_AP), snippets (Reason Code: 0x50005) and Windows
message texts. Every plausible interpretation is listed, best first.

  --family F   only this family: wlan, onex, l2, dot11-reason, dot11-status, disconnect, eap
  --all        list every alternative interpretation
  --json       JSON output
`,
  search: `Usage: wlanreason search <words>... [--family F] [--format table|json|csv|md]

Finds codes whose name, meaning, header comment, known messages or hint contain every word.
Exit status 1 when nothing matches.
`,
  list: `Usage: wlanreason list [--family F] [--format table|json|csv|md]

Lists the catalog, or one family of it.
`,
  explain: `Usage: wlanreason explain [file|-] [--json]

Reads any text (a pasted event, event XML, a log, a forum post; stdin when no file or -) and prints it
with every code, code name and known Windows message annotated in place.
`,
  evtx: `Usage: wlanreason evtx <file> [--xml|--json|--ndjson] [--skip-bad]

Dumps the records of a Windows .evtx file (XML by default; large files on worker threads when 4 or
more cores are free). Each damaged chunk or record is reported on stderr with its offset. Without
--skip-bad the dump stops there (the output stays well-formed); with it, the damaged part is skipped
and the rest is read. Exit status 1 when anything was damaged.
`,
  analyze: `Usage: wlanreason analyze [files|folders|-]... [--json|--ndjson] [--since T] [--until T]
                          [--ssid S] [--host H] [--redact]

Reads Wi-Fi logs (.evtx, event XML, PowerShell JSON/CSV exports, wlan reports, event text; plain, gzip
or zip), groups the events into connection attempts and reports why each failed.
With no input it analyses the bundled example log.

  --json        the summary as JSON          --ndjson   one attempt per line
  --since T     from this time (ISO 8601)    --until T  up to this time
  --ssid S      only this network            --host H   only this computer
  --redact      replace SSIDs, MACs, user and computer names with stable pseudonyms
`,
};

/**
 * Loads a command that needs the log readers, from the bundle of its module that the build writes
 * beside the compiled CLI modules (one file loads several times faster than the modules it holds).
 * The bundles are CommonJS, so that the start-up bundle (dist/wlanreason.cjs) reads them with a
 * synchronous `require`, without the ES module loader's asynchronous steps (measured: about 5 ms
 * of a run). The specifier is a variable on purpose: the start-up bundle leaves them out.
 */
async function heavy<T>(name: string): Promise<T> {
  await tuneCompiler();
  if (typeof __filename === 'string' && typeof require === 'function') return require(`${__dirname}/src/cli/${name}.bundle.cjs`) as T;
  // Run as ES modules (dist/src/cli/main.js): the bundle beside this file.
  return (await import(new URL(`${name}.bundle.cjs`, import.meta.url).href)) as T;
}

/**
 * The log commands run much code a few thousand times each, and V8 (11.3, in Node 20) hands every
 * function to its optimizing compiler after little work: in a 50 MB dump that compiler's queue
 * held about 0.3 s of work, mostly lukewarm functions (template compilation), while the hot ones
 * waited for their turn on the second core. With a budget four times V8's default the lukewarm
 * ones stay in the baseline tiers: 0.34 s instead of 0.37 s for that dump (side by side, hyperfine;
 * two to eight times the default measured alike, larger ones slower). Only on the V8 release it was
 * measured on, where the flag is known: elsewhere V8 decides alone.
 */
async function tuneCompiler(): Promise<void> {
  if (!process.versions.v8.startsWith('11.3.')) return;
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString('--interrupt-budget=270336');
}

function familyFlag(value: string | true | undefined): Family | undefined {
  if (value === undefined || value === true) return undefined;
  const family = parseFamily(value);
  if (!family) throw new UsageError(`unknown family ${value.slice(0, 30)} (wlan, onex, l2, dot11-reason, dot11-status, disconnect, eap)`);
  return family;
}

function colorFlag(argv: readonly string[]): boolean | undefined {
  if (argv.includes('--no-color')) return false;
  if (argv.includes('--color')) return true;
  return undefined;
}

const COMMON = ['--json', '--color', '--no-color', '--help', '-h'];

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const first = argv[0];
  if (first === undefined) {
    io.err(HELP.main ?? '');
    return 2;
  }
  if (first === '--version' || first === '-v') {
    io.out(VERSION + '\n');
    return 0;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = argv[1];
    io.out((topic && HELP[topic]) || HELP.main || '');
    return 0;
  }
  const command = COMMANDS.has(first) ? first : 'decode';
  const rest = COMMANDS.has(first) ? argv.slice(1) : argv;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(HELP[command] ?? HELP.main ?? '');
    return 0;
  }

  switch (command) {
    case 'decode': {
      const args = parseArgs(rest, { values: ['--family'], booleans: [...COMMON, '--all'] });
      if (args.positional.length === 0) throw new UsageError('nothing to decode');
      const { runDecode } = await import('./decode-command.js');
      return runDecode(args.positional, { json: args.flags.has('--json'), all: args.flags.has('--all'), family: familyFlag(args.flags.get('--family')) }, io);
    }
    case 'search':
    case 'list': {
      const args = parseArgs(rest, { values: ['--family', '--format'], booleans: COMMON });
      const { parseListFormat, runList, runSearch } = await import('./list-command.js');
      const format = args.flags.has('--json') ? 'json' : parseListFormat(args.flags.get('--format') as string | undefined);
      const family = familyFlag(args.flags.get('--family'));
      if (command === 'list') {
        if (args.positional.length > 0) throw new UsageError(`list takes no arguments (did you mean search ${args.positional[0]}?)`);
        return runList(family, format, io);
      }
      if (args.positional.length === 0) throw new UsageError('search needs words');
      return runSearch(args.positional, family, format, io);
    }
    case 'explain': {
      const args = parseArgs(rest, { booleans: COMMON });
      if (args.positional.length > 1) throw new UsageError('explain reads one file (or - for stdin)');
      const { readInput, bytesToText } = await import('./read-text.js');
      const path = args.positional[0] ?? '-';
      // Waiting silently on a terminal looks like a hang.
      if (path === '-' && io.stdinIsTTY) io.err(io.style.dim('Reading the text to explain from the terminal; end it with Ctrl-D (Ctrl-Z Enter on Windows).\n'));
      let bytes: Uint8Array;
      try {
        bytes = await readInput(path);
      } catch (e) {
        io.err(`wlanreason: cannot read ${safeText(path)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
        return 1;
      }
      const { explainText } = await import('./explain-command.js');
      return explainText(bytesToText(bytes), io, args.flags.has('--json'));
    }
    case 'evtx': {
      const args = parseArgs(rest, { booleans: [...COMMON, '--xml', '--ndjson', '--skip-bad'] });
      if (args.positional.length !== 1) throw new UsageError('evtx takes one file');
      if (['--xml', '--json', '--ndjson'].filter((f) => args.flags.has(f)).length > 1) throw new UsageError('choose one of --xml, --json and --ndjson');
      const { runEvtx } = await heavy<typeof import('./evtx-command.js')>('./evtx-command');
      const format = args.flags.has('--json') ? 'json' : args.flags.has('--ndjson') ? 'ndjson' : 'xml';
      return runEvtx(args.positional[0] ?? '', { format, skipBad: args.flags.has('--skip-bad') }, io);
    }
    case 'analyze': {
      const args = parseArgs(rest, { values: ['--since', '--until', '--ssid', '--host'], booleans: [...COMMON, '--ndjson', '--redact'] });
      const { runAnalyze } = await heavy<typeof import('./analyze-command.js')>('./analyze-command');
      return runAnalyze(args, io);
    }
  }
  return 2;
}

const argv = process.argv.slice(2);
const io = processIo(colorFlag(argv));
run(argv, io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // By name: command modules loaded on demand carry their own copy of the class.
    if (error instanceof UsageError || (error instanceof Error && error.name === 'UsageError')) {
      io.err(`wlanreason: ${safeText(error.message)} (see wlanreason --help)\n`);
      process.exitCode = 2;
    } else {
      // One line, never a stack trace; WLANREASON_DEBUG shows it for bug reports.
      const message = error instanceof Error ? error.message : String(error);
      io.err(`wlanreason: internal error: ${safeText(message)}\n`);
      if (process.env.WLANREASON_DEBUG) io.err(String((error as Error)?.stack) + '\n');
      process.exitCode = 1;
    }
  },
);
