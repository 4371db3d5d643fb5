/**
 * wlanreason: why did this Windows Wi-Fi connection fail?
 * The public library API. Everything here runs unchanged in Node, browsers, Deno and Bun.
 */
export type { Bucket, CodeEntry, CodeRange, Family, MeaningSource, ObservedMessage, RangeConstant } from './catalog/types.js';
export { BUCKETS, FAMILIES } from './catalog/types.js';
export { decode, MAX_DECODE_INPUT, type DecodeOptions, type DecodeResult, type InputReading, type Interpretation, type UnknownReason } from './catalog/decode.js';
export { describe, reasonCodeToString, type Description } from './catalog/describe.js';
export { matchText, normalizeText, type TextMatch } from './catalog/text-match.js';
export { search, type SearchHit, type SearchOptions } from './catalog/search.js';
export { findAnnotations, type Annotation } from './events/explain.js';
export { familyOfField } from './events/field-family.js';
export { bucketLabel, familyLabel, parseFamily } from './catalog/labels.js';
export { hex32 } from './catalog/read-number.js';
export { allEntries, entriesOf, lookupName, lookupValue, rangeOf } from './catalog/tables.js';
export {
  RANGES,
  RANGE_CONSTANTS,
  WLAN_REASON_CODE,
  ONEX_REASON_CODE,
  L2_REASON_CODE,
  DOT11_REASON_CODE,
  DOT11_STATUS_CODE,
} from './generated/catalog.js';

// Log readers: every format into one normalized event model.
export type { EventCode, EventKind, EventOrigin, EventText, ReadProblem, WlanEvent } from './events/model.js';
export { detectFormat, readEvents, readEventsStream, readEventsSync, type InputFormat, type ReadOptions, type ReadResult, type StreamItem } from './events/index.js';
export { readLog, readLogSync } from './read-log.js';

// Analysis: connection attempts, decisive reasons, summaries, reports.
export {
  createAnalyzer,
  renderReportText,
  summaryToJson,
  attemptToNdjson,
  eventToNdjson,
  escapeTerminal,
  Redactor,
  type Analyzer,
  type AnalyzerOptions,
  type ReportTextOptions,
} from './analysis/index.js';
export type { Attempt, DecisiveReason, Summary } from './analysis/index.js';
