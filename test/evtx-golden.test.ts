/**
 * Golden tests: every record of the sample files agrees with libevtx's `evtxexport -f xml`
 * (record ids, event ids, providers, times, every EventData/UserData value), after normalising
 * the documented formatting differences only.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractGeneric } from '../src/evtx/event.js';
import { renderGeneric } from '../src/evtx/render-xml.js';
import { readEvtx, renderRecordXml, type EvtxDataItem, type EvtxRecord } from '../src/evtx/index.js';
import { goldenEvents, hasEvtxexport, normalise, readBytes, runEvtxexport, sharedFile, sharedPresent } from './evtx-support.test.js';

const SAMPLES: { file: string; records: number; firstId: number; lastId: number }[] = [
  { file: 'samples/evtx/system.evtx', records: 1881, firstId: 1, lastId: 1881 },
  { file: 'samples/evtx/security.evtx', records: 2261, firstId: 1, lastId: 2261 },
  { file: 'samples/evtx/Application_no_crc32.evtx', records: 17, firstId: 426, lastId: 442 },
  { file: 'samples/real/evtx/bevatsal1122-System-wlan-chunks.evtx', records: 620, firstId: 123, lastId: 25877 },
];

/**
 * libevtx 20181227 prints a negative Int32 as -(2^31 - |v|) (e.g. -330 as -2147483318), a
 * sign-handling bug; Windows and python-evtx print -330. Map ours to its form to compare the rest.
 */
function libevtxInt(d: EvtxDataItem): string {
  if (d.type === 0x07 && typeof d.value === 'number' && d.value < 0) return String(-(2 ** 31 + d.value));
  return d.text;
}

for (const s of SAMPLES) {
  test(`golden: ${s.file}`, (t) => {
    if (!sharedPresent) return t.skip(`../shared not present: golden test of ${s.file}`);
    const it = readEvtx(readBytes(sharedFile(s.file)));
    const records: EvtxRecord[] = [...it];
    assert.equal(records.length, s.records);
    assert.equal(it.summary.records, s.records);
    assert.equal(it.summary.skippedRecords, 0);
    assert.equal(it.summary.skippedChunks, 0);
    assert.equal(records[0]!.recordId, s.firstId);
    assert.equal(records[records.length - 1]!.recordId, s.lastId);
    for (let i = 1; i < records.length; i++) assert.ok(records[i]!.fileOffset > records[i - 1]!.fileOffset, 'file order');
    for (const r of records) {
      assert.equal(r.system.eventRecordId, r.recordId, `EventRecordID of record ${r.recordId}`);
      assert.match(r.written, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
    }

    if (!hasEvtxexport()) return t.skip('evtxexport (libevtx-utils) not installed: comparison skipped');
    const golden = goldenEvents(runEvtxexport(sharedFile(s.file)));
    assert.equal(golden.length, records.length, 'evtxexport record count');
    let values = 0;
    let cutAtNul = 0;
    for (let i = 0; i < records.length; i++) {
      const r = records[i]!;
      const g = golden[i]!;
      const where = `record ${r.recordId}`;
      assert.equal(r.recordId, g.recordId, where);
      assert.equal(r.system.eventId, g.eventId, where);
      assert.equal(r.system.provider, g.provider, where);
      assert.equal(r.system.timeCreated, g.timeCreated === null ? null : normalise(g.timeCreated), where);
      let ours = r.data.map((d) => [d.name, normalise(libevtxInt(d))]);
      let theirs = g.data.map((d) => [d.name, normalise(d.text)]);
      // libevtx stops writing a record at a NUL inside a string value (it ends the C string and
      // the rest of the record); compare up to there. python-evtx and Windows keep the rest.
      const nul = ours.findIndex(([, text]) => text!.includes('\0'));
      if (nul >= 0) {
        assert.equal(theirs.length, nul + 1, `${where}: libevtx output cut at the NUL`);
        assert.equal(theirs[nul]![1]!.replace(/\n$/, ''), ours[nul]![1]!.split('\0')[0], where);
        ours = ours.slice(0, nul);
        theirs = theirs.slice(0, nul);
        cutAtNul++;
      }
      assert.deepEqual(ours, theirs, where);
      values += r.data.length;
    }
    assert.ok(values > 0 || s.records < 100, 'some data values were compared');
    t.diagnostic(`${records.length} records, ${values} values compared; ${cutAtNul} records with an embedded NUL compared up to it`);
  });
}

// The comparison utilities pin their own behaviour too.

test('support: normalise only the documented libevtx differences', () => {
  assert.equal(normalise('0x00000000'), '0x0');
  assert.equal(normalise('0x0005000A'), '0x5000a');
  assert.equal(normalise('{9580D7DD-0379-4658-9870-D5BE7D52D6DE}'), '{9580d7dd-0379-4658-9870-d5be7d52d6de}');
  assert.equal(normalise('2021-03-31T23:51:45.018767400Z'), '2021-03-31T23:51:45.0187674Z');
  assert.equal(normalise('\n'), '');
  assert.equal(normalise('12'), '12');
  assert.equal(normalise('0x'), '0x');
});

test('support: parseXml reads evtxexport-style events', () => {
  const xml = `<Event xmlns="x"><System><Provider Name="P &amp; Q"/><EventID Qualifiers="0">7</EventID></System>
  <EventData><Data Name="A">1 &lt; 2</Data><Data/><Binary>00FF</Binary></EventData></Event>
  <Event xmlns="x"><System><EventRecordID>9</EventRecordID></System><UserData><X xmlns="y"><L1>a</L1><N><L2>b</L2></N><E/></X></UserData></Event>`;
  const ev = goldenEvents(xml);
  assert.equal(ev.length, 2);
  assert.equal(ev[0]!.provider, 'P & Q');
  assert.equal(ev[0]!.eventId, 7);
  assert.deepEqual(ev[0]!.data, [
    { name: 'A', text: '1 < 2' },
    { name: '1', text: '' },
    { name: 'Binary', text: '00FF' },
  ]);
  assert.equal(ev[1]!.recordId, 9);
  assert.deepEqual(ev[1]!.data.map((d) => d.name), ['L1', 'L2', 'E']);
});

test('per-template extraction plan agrees with the generic tree walk', (t) => {
  if (!sharedPresent) return t.skip('../shared not present: plan vs walk comparison');
  let n = 0;
  for (const s of SAMPLES) {
    for (const r of readEvtx(readBytes(sharedFile(s.file)))) {
      const g = extractGeneric(r.nodes);
      assert.deepEqual(g.system, r.system, `${s.file} record ${r.recordId}`);
      assert.deepEqual(g.data, r.data, `${s.file} record ${r.recordId}`);
      n++;
    }
  }
  assert.equal(n, 1881 + 2261 + 17 + 620);
});

test('compiled template rendering agrees with the generic tree walk', (t) => {
  if (!sharedPresent) return t.skip('../shared not present: compiled vs generic rendering');
  let n = 0;
  for (const s of SAMPLES) {
    for (const r of readEvtx(readBytes(sharedFile(s.file)))) {
      assert.equal(renderRecordXml(r), renderGeneric(r.nodes, []), `${s.file} record ${r.recordId}`);
      n++;
    }
  }
  assert.equal(n, 1881 + 2261 + 17 + 620);
});
