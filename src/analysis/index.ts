/** The analysis: connection attempts, decisive reasons, summaries, redaction and reports. */
import { catalogDecoder } from './default-decoder.js';
import { createAnalyzerWith, type Analyzer, type AnalyzerOptions } from './engine.js';
import type { CodeDecoder } from './decoder.js';

export type { Analyzer, AnalyzerOptions, AnalyzerStats } from './engine.js';
export type { CodeDecoder, TextMatchLike } from './decoder.js';
export type * from './types.js';
export { createAnalyzerWith } from './engine.js';
export { catalogDecoder } from './default-decoder.js';
export { Redactor, type PseudonymKind } from './redact.js';
export { escapeTerminal } from './escape.js';
export { renderReportText, type ReportTextOptions } from './render-text.js';
export { summaryToJson, attemptToNdjson, eventToNdjson, safeStringify } from './json.js';

/** A streaming analyzer over the project's catalog (or `decoder`, when given). */
export function createAnalyzer(options: AnalyzerOptions & { readonly decoder?: CodeDecoder } = {}): Analyzer {
  return createAnalyzerWith(options.decoder ?? catalogDecoder, options);
}
