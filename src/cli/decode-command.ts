/** `wlanreason <code|name|text>...`: decode each input. */
import { decode, type DecodeResult } from '../catalog/decode.js';
import type { Family } from '../catalog/types.js';
import type { CliIo } from './io.js';
import { formatAlternatives, formatInterpretation, interpretationJson } from './format-entry.js';
import { safeText } from './style.js';

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
    io.out(JSON.stringify(results.length === 1 && results[0] ? decodeJson(results[0]) : results.map(decodeJson), null, 2) + '\n');
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
  return results.every((r) => r.kind === 'decoded') ? 0 : 1;
}
