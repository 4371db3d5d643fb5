/**
 * Compiled XML plans are shared between templates of the same GUID and shape (every chunk defines
 * its templates again). Templates that differ in anything the XML shows must never share one; all
 * variants below use the same GUID on purpose.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderGeneric, renderNodes } from '../src/evtx/render-xml.js';
import { sameNodes } from '../src/evtx/render-plan.js';
import type { EvtxElement, EvtxNode, EvtxTemplate, EvtxTypedValue } from '../src/evtx/types.js';

const S = (index: number, optional = false): EvtxNode => ({ kind: 'subst', index, type: 1, optional });
const T = (text: string): EvtxNode => ({ kind: 'text', text });
function el(name: string, attrs: [string, EvtxNode[]][], children: EvtxNode[]): EvtxElement {
  return { kind: 'element', name, attrs: attrs.map(([n, value]) => ({ name: n, value })), children };
}

/** Fresh objects on every call, like a new chunk defining the same template again. */
const variants: (() => EvtxNode[])[] = [
  () => [el('Event', [['a', [S(0)]]], [el('X', [], [S(1)])])],
  () => [el('Event', [['b', [S(0)]]], [el('X', [], [S(1)])])],
  () => [el('Event', [['a', [S(1)]]], [el('X', [], [S(0)])])],
  () => [el('Event', [['a', [S(0)]]], [el('X', [], [S(1, true)])])],
  () => [el('Event', [['a', [S(0)]]], [el('Y', [], [S(1)])])],
  () => [el('Event', [['a', [S(0)], ], ['c', [T('k')]]], [el('X', [], [S(1)])])],
  () => [el('Event', [['a', [S(0)]]], [el('X', [], [S(1)]), T('t')])],
  () => [el('Event', [['a', [S(0)]]], [el('X', [], [S(1)]), T('u')])],
  () => [el('Event', [['a', [S(0)]]], [el('X', [], [S(1)]), { kind: 'charref', code: 65 }])],
  () => [el('Event', [['a', [S(0)]]], [el('X', [], [S(1)]), { kind: 'entity', name: 'amp' }])],
  () => [el('Event', [['a', [S(0)]]], [el('X', [], [S(1)]), { kind: 'cdata', text: 't' }])],
  // Counts and lengths next to each other: (2 attributes, name of 15) against (21, 5) and so on.
  () => [el('E', [['n', []], ['abcdefghijklmno', []]], [])],
  () => [el('E', Array.from({ length: 21 }, (_, i): [string, EvtxNode[]] => ['abcd' + String.fromCharCode(97 + i), []]), [])],
];

function template(nodes: EvtxNode[], slot: boolean): EvtxTemplate {
  const t = { offset: 0, guid: '{00000000-0000-0000-0000-000000000000}', nodes };
  return slot ? Object.assign(t, { renderPlan: null }) : t;
}

const values: EvtxTypedValue[] = [
  { type: 1, value: 'v0' },
  { type: 1, value: 'v1<' },
];
const nullSecond: EvtxTypedValue[] = [{ type: 1, value: 'v0' }, { type: 0, value: null }];

test('same shape compares equal, any difference unequal', () => {
  for (let i = 0; i < variants.length; i++) {
    for (let j = 0; j < variants.length; j++) {
      assert.equal(sameNodes(variants[i]!(), variants[j]!(), 0), i === j, `variants ${i} and ${j}`);
    }
  }
});

test('a template holding a template instance is never taken as alike', () => {
  const inner = template([el('X', [], [S(0)])], false);
  const doc = (): EvtxNode[] => [el('E', [], [{ kind: 'template', template: inner, values }])];
  assert.equal(sameNodes(doc(), doc(), 0), false);
});

test('rendering through shared plans matches the tree walk for every variant, in any order', () => {
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < variants.length; i++) {
      const j = round === 1 ? variants.length - 1 - i : i;
      for (const vals of [values, nullSecond]) {
        for (const slot of [true, false]) {
          const t = template(variants[j]!(), slot);
          const doc: EvtxNode[] = [{ kind: 'template', template: t, values: vals }];
          assert.equal(renderNodes(doc, []), renderGeneric(t.nodes, vals), `variant ${j} round ${round}`);
        }
      }
    }
  }
});
