/** Readers of every log format into the normalized event model. */
export type { EventCode, EventKind, EventOrigin, EventText, ReadProblem, WlanEvent } from './model.js';
export { detectFormat, detectTextFormat, type InputFormat } from './detect.js';
export {
  readEvents,
  readEventsStream,
  readEventsSync,
  type EvtxReadOutput,
  type ReadOptions,
  type ReadResult,
  type StreamItem,
} from './read.js';
export { evtxRecordToRaw, type EvtxProblemLike, type EvtxRecordLike } from './from-evtx.js';
export { parseMessage, eventIdOfHeader } from './message-text.js';
export { codeFamily, eventKind } from './classify.js';
export { XmlRefusedError, XmlTokenizer, decodeEntities } from './xml-tokenizer.js';
