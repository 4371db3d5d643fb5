/**
 * Per-template extraction plan: the fixed System and EventData elements of a template are found
 * once per chunk, so each record only evaluates them with its own values. Templates whose shape
 * depends on values fall back to the generic walk in event.ts (both are tested to agree).
 */
import {
  dataPart,
  eachElement,
  emptySystem,
  type EventParts,
  extractGeneric,
  flattenLeaves,
  isDropped,
  pushItem,
  readEventData,
  systemField,
} from './event.js';
import type { EvtxDataItem, EvtxElement, EvtxNode, EvtxTemplate } from './types.js';

/**
 * Extraction plan of a template, computed once per template: the static elements of System and
 * EventData, so records only evaluate them with their values. Null when the template's shape
 * depends on values (a substitution or nested template where an element is expected); then the
 * generic walk is used.
 */
interface Plan {
  readonly system: readonly EvtxElement[];
  /** EventData children (all static elements), or null when EventData needs the generic walk. */
  readonly eventData: readonly EvtxElement[] | null;
  readonly eventDataEl: EvtxElement | null;
  readonly userData: EvtxElement | null;
  /** Substitutions among Event's children (e.g. EventData given as nested BinXML), walked per record. */
  readonly extra: readonly EvtxNode[];
}

const plans = new WeakMap<EvtxTemplate, Plan | null>();

function staticElements(nodes: readonly EvtxNode[]): EvtxElement[] | null {
  const out: EvtxElement[] = [];
  for (const n of nodes) {
    if (n.kind === 'element') out.push(n);
    else if (n.kind === 'subst' || n.kind === 'template') return null;
  }
  return out;
}

function makePlan(t: EvtxTemplate): Plan | null {
  const top = staticElements(t.nodes);
  const ev = top !== null && top.length === 1 && top[0]!.name === 'Event' ? top[0]! : null;
  if (ev === null) return null;
  const parts: EvtxElement[] = [];
  const extra: EvtxNode[] = [];
  for (const c of ev.children) {
    if (c.kind === 'element') parts.push(c);
    else if (c.kind === 'subst') extra.push(c);
    else if (c.kind === 'template') return null;
  }
  let system: EvtxElement[] | null = [];
  let eventData: EvtxElement[] | null = null;
  let eventDataEl: EvtxElement | null = null;
  let userData: EvtxElement | null = null;
  for (const p of parts) {
    if (p.name === 'System') system = staticElements(p.children);
    else if (p.name === 'EventData') {
      eventDataEl = p;
      eventData = staticElements(p.children);
    } else if (p.name === 'UserData') userData = p;
    // An optional substitution directly in a part could drop it; leave such shapes to the walk.
    if (p.children.some((c) => c.kind === 'subst' && c.optional)) return null;
  }
  if (system === null) return null;
  return { system, eventData, eventDataEl, userData, extra };
}

function planOf(t: EvtxTemplate): Plan | null {
  let p = plans.get(t);
  if (p === undefined) {
    p = makePlan(t);
    plans.set(t, p);
  }
  return p;
}

/** Extracts System and data from a record document; missing parts give empty defaults. */
export function extractEvent(nodes: readonly EvtxNode[]): EventParts {
  const only = nodes.length === 1 ? nodes[0]! : null;
  if (only !== null && only.kind === 'template') {
    const plan = planOf(only.template);
    if (plan !== null) {
      const values = only.values;
      const s = emptySystem();
      for (const el of plan.system) if (!isDropped(el, values)) systemField(s, el, values);
      const data: EvtxDataItem[] = [];
      if (plan.eventData !== null) {
        for (const el of plan.eventData) if (!isDropped(el, values)) pushItem(data, el, values, el.name === 'Data');
      } else if (plan.eventDataEl !== null) readEventData(plan.eventDataEl, values, data);
      if (plan.userData !== null) flattenLeaves(plan.userData, values, data, 0);
      if (plan.extra.length > 0) eachElement(plan.extra, values, (part, vals) => dataPart(part, vals, data));
      return { system: s, data };
    }
  }
  return extractGeneric(nodes);
}

