/** Event -> template key, template and substitution values. */
import type { ScenarioEvent } from '../scenario/types.js';
import { buildTemplate, SYS, SYSTEM_SLOTS } from './template.js';
import type { TemplateSpec } from './template.js';
import { encodeValue, guidBytes, NULL_VALUE, sidBytes, VT } from './values.js';
import type { SubValue } from './values.js';

const templateCache = new Map<string, { readonly spec: TemplateSpec; readonly signature: string }>();

export function templateKey(ev: ScenarioEvent): string {
  return `${ev.providerGuid}/${ev.eventId}/${ev.version}`;
}

/**
 * The template comes from the event's own field list, so any well-formed ScenarioEvent can be written;
 * two events sharing a key must share that list, or the second would be rendered with wrong names.
 */
export function templateFor(ev: ScenarioEvent): TemplateSpec {
  const key = templateKey(ev);
  const signature = ev.data.map((d) => `${d.name}:${d.type}`).join(',');
  const cached = templateCache.get(key);
  if (cached !== undefined) {
    if (cached.signature !== signature) throw new Error(`event ${ev.eventId} v${ev.version}: field list differs from an earlier event with the same template key`);
    return cached.spec;
  }
  const spec = buildTemplate(key, ev.data.map((d) => ({ name: d.name, type: d.type })));
  templateCache.set(key, { spec, signature });
  return spec;
}

function fixed(type: number, size: number, write: (view: DataView) => void): SubValue {
  const bytes = new Uint8Array(size);
  write(new DataView(bytes.buffer));
  return { type, bytes };
}

export function substitutionValues(ev: ScenarioEvent): SubValue[] {
  const values = new Array<SubValue>(SYSTEM_SLOTS + ev.data.length).fill(NULL_VALUE);
  const str = (s: string): SubValue => encodeValue('UnicodeString', s);
  values[SYS.ProviderName] = str(ev.provider);
  values[SYS.ProviderGuid] = { type: VT.Guid, bytes: guidBytes(ev.providerGuid) };
  values[SYS.EventId] = fixed(VT.UInt16, 2, (v) => v.setUint16(0, ev.eventId, true));
  values[SYS.Version] = fixed(VT.UInt8, 1, (v) => v.setUint8(0, ev.version));
  values[SYS.Level] = fixed(VT.UInt8, 1, (v) => v.setUint8(0, ev.level));
  values[SYS.Task] = fixed(VT.UInt16, 2, (v) => v.setUint16(0, ev.task, true));
  values[SYS.Opcode] = fixed(VT.UInt8, 1, (v) => v.setUint8(0, ev.opcode));
  values[SYS.Keywords] = fixed(VT.HexInt64, 8, (v) => v.setBigUint64(0, ev.keywords, true));
  values[SYS.TimeCreated] = fixed(VT.FileTime, 8, (v) => v.setBigUint64(0, ev.timeCreated, true));
  values[SYS.RecordId] = fixed(VT.UInt64, 8, (v) => v.setBigUint64(0, ev.recordId, true));
  values[SYS.ProcessId] = fixed(VT.UInt32, 4, (v) => v.setUint32(0, ev.processId, true));
  values[SYS.ThreadId] = fixed(VT.UInt32, 4, (v) => v.setUint32(0, ev.threadId, true));
  values[SYS.Channel] = str(ev.channel);
  values[SYS.Computer] = str(ev.computer);
  if (ev.userId !== null) values[SYS.UserId] = { type: VT.Sid, bytes: sidBytes(ev.userId) };
  ev.data.forEach((d, i) => {
    values[SYSTEM_SLOTS + i] = encodeValue(d.type, d.value);
  });
  return values;
}
