/** `wlanreason <code|name|text>...`: decode each input. */
import { decode, type DecodeResult } from '../catalog/decode.js';
import type { Family } from '../catalog/types.js';
import type { CliIo } from './io.js';
import { formatAlternatives, formatInterpretation, interpretationJson } from './format-entry.js';
import { safeJson, safeText } from './style.js';

export interface DecodeCommandOptions {
  readonly json: boolean;
  readonly all: boolean;
  readonly family: Family | undefined;
}

export function decodeJson(result: DecodeResult): Record<string, unknown> {
  return result.kind === 'decoded'
    ? { input: result.input, known: true, interpretations: result.interpretations.map(interpretationJson) }
    : { input: result.input, known: false, reason: result.reason, message: result.message };
}

/** Exit code: 0 when every input was understood, 1 otherwise. */
export function runDecode(inputs: readonly string[], options: DecodeCommandOptions, io: CliIo): number {
  const results = inputs.map((input) => decode(input, options.family ? { family: options.family } : {}));
  if (options.json) {
    io.out(safeJson(results.length === 1 && results[0] ? decodeJson(results[0]) : results.map(decodeJson)) + '\n');
  } else {
    const s = io.style;
    results.forEach((result, n) => {
      if (n > 0) io.out('\n');
      io.out(s.cyan(safeText(result.input)) + '\n');
      if (result.kind === 'unknown') {
        io.out(`  ${s.red('unknown')}: ${safeText(result.message)}\n`);
        return;
      }
      const [best, ...rest] = result.interpretations;
      if (best) io.out(formatInterpretation(s, best));
      io.out(formatAlternatives(s, rest, options.all ? Number.MAX_SAFE_INTEGER : 6));
    });
  }
  // A value that only falls in a range ("unknown code in the MSMSEC connect range") is still unknown.
  return results.every((r) => r.kind === 'decoded' && r.interpretations.some((i) => i.entry !== null)) ? 0 : 1;
}
