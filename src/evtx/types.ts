/** Public data types of the EVTX reader. */

/** BinXML nodes. Templates are compiled once per chunk and shared by every record that uses them. */
export type EvtxNode =
  | EvtxElement
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'cdata'; readonly text: string }
  | { readonly kind: 'charref'; readonly code: number }
  | { readonly kind: 'entity'; readonly name: string }
  | { readonly kind: 'pi'; readonly target: string; readonly data: string }
  | EvtxSubstitution
  | EvtxTemplateInstance;

export interface EvtxElement {
  readonly kind: 'element';
  readonly name: string;
  readonly attrs: readonly EvtxAttribute[];
  readonly children: readonly EvtxNode[];
}

export interface EvtxAttribute {
  readonly name: string;
  /** Text, substitution, character and entity reference nodes. */
  readonly value: readonly EvtxNode[];
}

/** Placeholder in a template, filled from the instance's values by index. */
export interface EvtxSubstitution {
  readonly kind: 'subst';
  readonly index: number;
  /** Value type announced by the token (the value's own descriptor type wins). */
  readonly type: number;
  /** Optional substitution: a NULL value removes the attribute. */
  readonly optional: boolean;
}

export interface EvtxTemplate {
  /** Chunk-relative offset of the definition; the key of the chunk's template cache. */
  readonly offset: number;
  /** Template identifier GUID, `{…}` lower-case. */
  readonly guid: string;
  readonly nodes: readonly EvtxNode[];
}

export interface EvtxTemplateInstance {
  readonly kind: 'template';
  readonly template: EvtxTemplate;
  readonly values: readonly EvtxTypedValue[];
}

/** A nested BinXML fragment carried as a value (type 0x21). */
export interface EvtxBinXml {
  readonly kind: 'binxml';
  readonly nodes: readonly EvtxNode[];
}

/**
 * A decoded value. Strings, GUIDs (`{…}`), SIDs (`S-1-…`) and times (ISO 8601, 7 fractional
 * digits, `Z`) are strings; 8–32-bit integers, floats, HexInt32 and 32-bit size_t are numbers;
 * 64-bit integers, HexInt64 and 64-bit size_t are bigints; binary is a view into the chunk
 * (copy it if you keep it beyond the chunk's lifetime); arrays are arrays of the item values.
 */
export type EvtxValue =
  | null
  | string
  | number
  | bigint
  | boolean
  | Uint8Array
  | EvtxBinXml
  | readonly EvtxValue[];

export interface EvtxTypedValue {
  /** Value type byte from the descriptor (0x01 string … 0x15 HexInt64, 0x21 BinXML, 0x80 | t arrays). */
  readonly type: number;
  readonly value: EvtxValue;
}

export interface EvtxSystem {
  readonly provider: string;
  readonly providerGuid: string | null;
  readonly eventSourceName: string | null;
  readonly eventId: number;
  readonly qualifiers: number | null;
  readonly version: number | null;
  readonly level: number | null;
  readonly task: number | null;
  readonly opcode: number | null;
  readonly keywords: string | null;
  readonly timeCreated: string | null;
  readonly eventRecordId: number | null;
  readonly activityId: string | null;
  readonly relatedActivityId: string | null;
  readonly processId: number | null;
  readonly threadId: number | null;
  readonly channel: string | null;
  readonly computer: string | null;
  readonly userId: string | null;
}

export interface EvtxDataItem {
  /**
   * `<Data Name=…>` of EventData, the element name of other EventData children and of UserData
   * leaf elements; an unnamed `<Data>` gets its 0-based position among the items as name (`'0'`, `'1'`…).
   */
  readonly name: string;
  readonly value: EvtxValue;
  /** Value type (see {@link EvtxTypedValue.type}); 0 for an empty element, 1 for mixed text. */
  readonly type: number;
  /** The value as Windows writes it in event XML (HexInt unpadded lower-case, GUID in braces…). */
  readonly text: string;
}

export interface EvtxRecord {
  /**
   * Event record identifier from the record header. A number: identifiers are counters and stay
   * far below 2^53 in practice; larger ones would lose precision.
   */
  readonly recordId: number;
  readonly chunkIndex: number;
  /** Absolute file offset of the record signature. */
  readonly fileOffset: number;
  /** Record header FILETIME, ISO 8601 UTC with 7 fractional digits. */
  readonly written: string;
  readonly system: EvtxSystem;
  readonly data: readonly EvtxDataItem[];
  /** The record's BinXML document; render it with `renderRecordXml`. */
  readonly nodes: readonly EvtxNode[];
}
