/**
 * The event template: System + EventData as an element tree with substitutions, one per
 * (provider, event id, version). Substitution slots 0–17 are the System header, 18+ the EventData
 * fields in manifest order; this layout is ours (readers take it from the template itself).
 */
import { MANIFEST_TO_VT, VT } from './values.js';
import type { ManifestType } from '../scenario/types.js';

export type TNode =
  | { readonly kind: 'element'; readonly name: string; readonly attrs: readonly TAttr[]; readonly children: readonly TNode[] }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'sub'; readonly index: number; readonly type: number; readonly optional: boolean };

export interface TAttr {
  readonly name: string;
  readonly value: TNode;
}

export const EVENT_NS = 'http://schemas.microsoft.com/win/2004/08/events/event';

export const SYS = {
  ProviderName: 0,
  ProviderGuid: 1,
  Qualifiers: 2,
  EventId: 3,
  Version: 4,
  Level: 5,
  Task: 6,
  Opcode: 7,
  Keywords: 8,
  TimeCreated: 9,
  RecordId: 10,
  ActivityId: 11,
  RelatedActivityId: 12,
  ProcessId: 13,
  ThreadId: 14,
  Channel: 15,
  Computer: 16,
  UserId: 17,
} as const;
export const SYSTEM_SLOTS = 18;

const el = (name: string, attrs: readonly TAttr[], children: readonly TNode[]): TNode => ({ kind: 'element', name, attrs, children });
const sub = (index: number, type: number, optional = false): TNode => ({ kind: 'sub', index, type, optional });
const text = (t: string): TNode => ({ kind: 'text', text: t });

export interface TemplateSpec {
  /** 16 bytes, stored in the template definition. */
  readonly guid: Uint8Array;
  readonly root: TNode;
}

/** Deterministic template GUID from its key (FNV-1a spread over 16 bytes; only uniqueness matters). */
function templateGuid(key: string): Uint8Array {
  const out = new Uint8Array(16);
  let h = 0x811c9dc5;
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ round, 0x01000193) >>> 0;
    out[round * 4] = h & 0xff;
    out[round * 4 + 1] = (h >>> 8) & 0xff;
    out[round * 4 + 2] = (h >>> 16) & 0xff;
    out[round * 4 + 3] = h >>> 24;
  }
  return out;
}

export function buildTemplate(key: string, fields: ReadonlyArray<{ readonly name: string; readonly type: ManifestType }>): TemplateSpec {
  const system = el('System', [], [
    el('Provider', [{ name: 'Name', value: sub(SYS.ProviderName, VT.String) }, { name: 'Guid', value: sub(SYS.ProviderGuid, VT.Guid, true) }], []),
    el('EventID', [{ name: 'Qualifiers', value: sub(SYS.Qualifiers, VT.UInt16, true) }], [sub(SYS.EventId, VT.UInt16)]),
    el('Version', [], [sub(SYS.Version, VT.UInt8)]),
    el('Level', [], [sub(SYS.Level, VT.UInt8)]),
    el('Task', [], [sub(SYS.Task, VT.UInt16)]),
    el('Opcode', [], [sub(SYS.Opcode, VT.UInt8)]),
    el('Keywords', [], [sub(SYS.Keywords, VT.HexInt64)]),
    el('TimeCreated', [{ name: 'SystemTime', value: sub(SYS.TimeCreated, VT.FileTime) }], []),
    el('EventRecordID', [], [sub(SYS.RecordId, VT.UInt64)]),
    el('Correlation', [{ name: 'ActivityID', value: sub(SYS.ActivityId, VT.Guid, true) }, { name: 'RelatedActivityID', value: sub(SYS.RelatedActivityId, VT.Guid, true) }], []),
    el('Execution', [{ name: 'ProcessID', value: sub(SYS.ProcessId, VT.UInt32) }, { name: 'ThreadID', value: sub(SYS.ThreadId, VT.UInt32) }], []),
    el('Channel', [], [sub(SYS.Channel, VT.String)]),
    el('Computer', [], [sub(SYS.Computer, VT.String)]),
    el('Security', [{ name: 'UserID', value: sub(SYS.UserId, VT.Sid, true) }], []),
  ]);
  const eventData = el('EventData', [], fields.map((f, i) =>
    el('Data', [{ name: 'Name', value: text(f.name) }], [sub(SYSTEM_SLOTS + i, MANIFEST_TO_VT[f.type], true)])));
  return { guid: templateGuid(key), root: el('Event', [{ name: 'xmlns', value: text(EVENT_NS) }], [system, eventData]) };
}
