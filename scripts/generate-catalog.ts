/**
 * Builds `src/generated/catalog.ts` from the raw facts in `data/src/`.
 *
 *   node dist/scripts/generate-catalog.js           regenerate
 *   node dist/scripts/generate-catalog.js --check   exit 1 (and name the file) if regenerating would change it
 *
 * Numbers of SDK codes are never typed by hand: they are evaluated from the header excerpts in
 * `data/src/headers/` (defines, enums with auto-increment, + - * / and parentheses).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUCKETS, FAMILIES, type Bucket, type CodeEntry, type CodeRange, type Family, type MeaningSource, type ObservedMessage, type ObservedTextRecord, type RangeConstant } from '../src/catalog/types.js';

/** Path of the generated module, relative to the repository root. */
export const GENERATED_PATH = 'src/generated/catalog.ts';

const MEANING_SOURCES: readonly MeaningSource[] = ['documented', 'header', 'standard', 'observed', 'derived'];
/** Names with these endings are range bounds and sizes, not codes. */
const RANGE_CONSTANT = /_(?:BASE|CONNECT_BASE|END|RANGE_SIZE|GROUP_SIZE|MIN|MAX)$/;
const MAX_EXPRESSION_DEPTH = 64;
const MAX_HEADER_BYTES = 1 << 20;
const MAX_JSON_BYTES = 8 << 20;

export class CatalogDataError extends Error {
  override readonly name = 'CatalogDataError';
}

// ---------------------------------------------------------------------------------------------
// Header excerpts: #define and enum members, with the comment just above each.

export interface HeaderSymbol {
  readonly name: string;
  /** Expression text; for an enum member without `=`, the previous member plus one. */
  readonly expression: string;
  readonly file: string;
  readonly line: number;
  /** Comment lines right above the symbol (after the last empty comment line), joined by spaces. */
  readonly comment: string | null;
}

export interface HeaderFile {
  readonly file: string;
  /** First line of the excerpt: `source: repository @ commit : path ...`. */
  readonly citation: string;
  readonly symbols: readonly HeaderSymbol[];
}

const DEFINE = /^#define\s+([A-Za-z_][A-Za-z0-9_]*)\s+(.+)$/;
const ENUM_MEMBER = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?:=\s*([^,]+?))?\s*,?\s*$/;

/** Reads one excerpt. Line continuations are joined; only comments directly above a symbol stick to it. */
export function parseHeader(file: string, text: string): HeaderFile {
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  const firstLine = raw[0] ?? '';
  // The citation is the repository @ commit : path part; a trailing "(excerpt ...)" note is dropped.
  const citation = firstLine.replace(/^\/\/\s*source:\s*/, '').replace(/\s+\(excerpt[^)]*\)\s*$/, '').trim();
  if (!firstLine.startsWith('// source:') || citation.length === 0) {
    throw new CatalogDataError(`${file}:1: the first line must cite its source ("// source: repository @ commit : path")`);
  }
  // Join backslash continuations, remembering the line each logical line started on.
  const lines: { text: string; line: number }[] = [];
  for (let i = 1; i < raw.length; i++) {
    let textLine = raw[i] ?? '';
    const start = i + 1;
    while (textLine.endsWith('\\') && i + 1 < raw.length) {
      i++;
      textLine = textLine.slice(0, -1) + ' ' + (raw[i] ?? '').trim();
    }
    lines.push({ text: textLine, line: start });
  }

  const symbols: HeaderSymbol[] = [];
  let pending: string[] = [];
  let inBlockComment = false;
  let inEnum = false;
  let previousEnum: string | null = null;
  for (const { text: full, line } of lines) {
    const t = full.trim();
    if (inBlockComment) {
      if (t.includes('*/')) inBlockComment = false;
      continue;
    }
    if (t.startsWith('/*')) {
      const close = t.indexOf('*/', 2);
      if (close < 0) {
        inBlockComment = true;
        pending = [];
      } else {
        const body = t.slice(2, close).trim();
        pending = body.length > 0 ? [body] : [];
      }
      continue;
    }
    if (t.startsWith('//')) {
      const body = t.slice(2).trim();
      // An empty comment line closes a heading: what follows it is the symbol's own comment.
      if (body.length === 0) pending = [];
      else pending.push(body);
      continue;
    }
    if (t.length === 0) {
      pending = [];
      continue;
    }
    const comment = pending.length > 0 ? pending.join(' ') : null;
    pending = [];
    const define = DEFINE.exec(t);
    if (define?.[1] && define[2]) {
      symbols.push({ name: define[1], expression: stripTrailingComment(define[2]), file, line, comment });
      continue;
    }
    if (/\benum\b/.test(t)) {
      inEnum = true;
      previousEnum = null;
      continue;
    }
    if (inEnum) {
      if (t === '{') continue;
      if (t.startsWith('}')) {
        inEnum = false;
        continue;
      }
      const member = ENUM_MEMBER.exec(t);
      if (!member?.[1]) throw new CatalogDataError(`${file}:${line}: cannot read enum member "${t}"`);
      const expression = member[2] ? member[2].trim() : previousEnum === null ? '0' : `${previousEnum} + 1`;
      symbols.push({ name: member[1], expression, file, line, comment });
      previousEnum = member[1];
    }
  }
  if (inBlockComment) throw new CatalogDataError(`${file}: unterminated /* comment`);
  return { file, citation, symbols };
}

function stripTrailingComment(expression: string): string {
  return expression.replace(/\/\/.*$/, '').replace(/\/\*.*?\*\//g, '').trim();
}

// ---------------------------------------------------------------------------------------------
// Expression evaluation: integers, identifiers, + - * / and parentheses, as the C preprocessor
// would compute them for these headers (unsigned 32-bit results).

type Token = { kind: 'num'; value: number } | { kind: 'id'; name: string } | { kind: 'op'; op: string };

function tokenize(expression: string, where: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(0[xX][0-9a-fA-F]+|\d+)[uUlL]*|([A-Za-z_][A-Za-z0-9_]*)|([-+*/()]))/y;
  let at = 0;
  while (at < expression.length) {
    if (/^\s*$/.test(expression.slice(at))) break;
    re.lastIndex = at;
    const m = re.exec(expression);
    if (!m) throw new CatalogDataError(`${where}: unexpected "${expression.slice(at).trim()}" in "${expression}"`);
    if (m[1]) tokens.push({ kind: 'num', value: Number(m[1]) });
    else if (m[2]) tokens.push({ kind: 'id', name: m[2] });
    else if (m[3]) tokens.push({ kind: 'op', op: m[3] });
    at = re.lastIndex;
  }
  return tokens;
}

/** Resolves names to numbers, evaluating each symbol once; cycles and unknown names are errors. */
export class SymbolTable {
  private readonly symbols = new Map<string, HeaderSymbol>();
  private readonly values = new Map<string, number>();
  private readonly active = new Set<string>();

  add(symbol: HeaderSymbol): void {
    if (!this.symbols.has(symbol.name)) this.symbols.set(symbol.name, symbol);
  }

  get(name: string): HeaderSymbol | undefined {
    return this.symbols.get(name);
  }

  value(name: string, depth = 0): number {
    const known = this.values.get(name);
    if (known !== undefined) return known;
    const symbol = this.symbols.get(name);
    if (!symbol) throw new CatalogDataError(`unknown symbol ${name}`);
    const value = this.evaluate(symbol.expression, `${symbol.file}:${symbol.line}`, depth);
    this.values.set(name, value);
    return value;
  }

  evaluate(expression: string, where: string, depth = 0): number {
    if (depth > MAX_EXPRESSION_DEPTH) throw new CatalogDataError(`${where}: expressions nest deeper than ${MAX_EXPRESSION_DEPTH}`);
    const tokens = tokenize(expression, where);
    let pos = 0;
    const peek = (): Token | undefined => tokens[pos];
    const isOp = (op: string): boolean => {
      const t = tokens[pos];
      return t !== undefined && t.kind === 'op' && t.op === op;
    };
    const primary = (): number => {
      const t = tokens[pos++];
      if (!t) throw new CatalogDataError(`${where}: "${expression}" ends too early`);
      if (t.kind === 'num') return t.value;
      if (t.kind === 'id') {
        if (this.active.has(t.name)) throw new CatalogDataError(`${where}: ${t.name} is defined in terms of itself`);
        this.active.add(t.name);
        try {
          return this.value(t.name, depth + 1);
        } finally {
          this.active.delete(t.name);
        }
      }
      if (t.op === '(') {
        const inner = sum();
        if (!isOp(')')) throw new CatalogDataError(`${where}: missing ")" in "${expression}"`);
        pos++;
        return inner;
      }
      if (t.op === '-') return -primary();
      if (t.op === '+') return primary();
      throw new CatalogDataError(`${where}: unexpected "${t.op}" in "${expression}"`);
    };
    const product = (): number => {
      let left = primary();
      while (isOp('*') || isOp('/')) {
        const op = (peek() as { op: string }).op;
        pos++;
        const right = primary();
        if (op === '*') left *= right;
        else {
          if (right === 0) throw new CatalogDataError(`${where}: division by zero in "${expression}"`);
          left = Math.trunc(left / right);
        }
      }
      return left;
    };
    const sum = (): number => {
      let left = product();
      while (isOp('+') || isOp('-')) {
        const op = (peek() as { op: string }).op;
        pos++;
        const right = product();
        left = op === '+' ? left + right : left - right;
      }
      return left;
    };
    const value = sum();
    if (pos !== tokens.length) throw new CatalogDataError(`${where}: trailing tokens in "${expression}"`);
    if (!Number.isSafeInteger(value) || value < 0 || value > 0xffffffff) {
      throw new CatalogDataError(`${where}: "${expression}" = ${value} is not an unsigned 32-bit value`);
    }
    return value;
  }
}

export function hex32(value: number): string {
  return '0x' + (value >>> 0).toString(16).toUpperCase().padStart(8, '0');
}

// ---------------------------------------------------------------------------------------------
// Data files.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function readJson(path: string, label: string): JsonObject {
  let parsed: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    if (text.length > MAX_JSON_BYTES) throw new Error(`larger than ${MAX_JSON_BYTES} bytes`);
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CatalogDataError(`${label}: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new CatalogDataError(`${label}: expected a JSON object`);
  return parsed as JsonObject;
}

function str(value: Json | undefined, where: string): string {
  if (typeof value !== 'string' || value.trim().length === 0) throw new CatalogDataError(`${where}: expected a non-empty string`);
  return value;
}

function strOrNull(value: Json | undefined, where: string): string | null {
  if (value === undefined || value === null) return null;
  return str(value, where);
}

function arr(value: Json | undefined, where: string): Json[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new CatalogDataError(`${where}: expected an array`);
  return value;
}

function obj(value: Json | undefined, where: string): JsonObject {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) throw new CatalogDataError(`${where}: expected an object`);
  return value;
}

function isFamily(value: string): value is Family {
  return (FAMILIES as readonly string[]).includes(value);
}

interface DocPage {
  readonly names: ReadonlySet<string>;
  readonly xpNames: ReadonlySet<string>;
  readonly xpTables: ReadonlySet<string>;
}

function readDocPage(dataDir: string): DocPage {
  const path = join(dataDir, 'doc-page.json');
  if (!existsSync(path)) return { names: new Set(), xpNames: new Set(), xpTables: new Set() };
  const doc = readJson(path, 'doc-page.json');
  const names = new Set<string>();
  for (const [i, table] of arr(doc['tables'], 'doc-page.json tables').entries()) {
    for (const name of arr(obj(table, `doc-page.json tables[${i}]`)['names'], `doc-page.json tables[${i}].names`)) names.add(str(name, 'doc-page.json name'));
  }
  const xp = obj(doc['xpSp3'], 'doc-page.json xpSp3');
  return {
    names,
    xpNames: new Set(arr(xp['names'], 'xpSp3.names').map((n) => str(n, 'xpSp3.names'))),
    xpTables: new Set(arr(xp['tables'], 'xpSp3.tables').map((n) => str(n, 'xpSp3.tables'))),
  };
}

interface LoadedHeaders {
  readonly table: SymbolTable;
  readonly files: Map<string, HeaderFile>;
}

/** Current headers first so their definitions win; legacy excerpts only add names (checked later). */
function loadHeaders(dataDir: string, tables: readonly { json: JsonObject; label: string }[]): LoadedHeaders {
  const files = new Map<string, HeaderFile>();
  const load = (rel: string): HeaderFile => {
    const known = files.get(rel);
    if (known) return known;
    const path = join(dataDir, rel);
    if (!existsSync(path)) throw new CatalogDataError(`${rel}: header excerpt not found`);
    const text = readFileSync(path, 'utf8');
    if (text.length > MAX_HEADER_BYTES) throw new CatalogDataError(`${rel}: excerpt larger than ${MAX_HEADER_BYTES} bytes`);
    const parsed = parseHeader(rel, text);
    files.set(rel, parsed);
    return parsed;
  };
  const headerDir = join(dataDir, 'headers');
  const all = existsSync(headerDir) ? readdirSync(headerDir).filter((f) => f.endsWith('.h')).sort() : [];
  const legacy = new Set<string>();
  for (const { json, label } of tables) for (const l of arr(json['legacyHeaders'], `${label} legacyHeaders`)) legacy.add(str(l, `${label} legacyHeaders`));
  const table = new SymbolTable();
  for (const f of all) {
    const rel = `headers/${f}`;
    if (!legacy.has(rel)) for (const s of load(rel).symbols) table.add(s);
  }
  for (const rel of [...legacy].sort()) for (const s of load(rel).symbols) table.add(s);
  // A legacy excerpt that redefines a current name must agree with it.
  for (const rel of legacy) {
    for (const s of load(rel).symbols) {
      const current = table.get(s.name);
      if (current && current.file !== rel) {
        const legacyValue = table.evaluate(s.expression, `${s.file}:${s.line}`);
        if (legacyValue !== table.value(s.name)) {
          throw new CatalogDataError(`${s.file}:${s.line}: ${s.name} = ${hex32(legacyValue)} disagrees with ${current.file} (${hex32(table.value(s.name))})`);
        }
      }
    }
  }
  return { table, files };
}

interface BuiltCatalog {
  readonly entries: CodeEntry[];
  readonly rangeConstants: RangeConstant[];
  readonly ranges: CodeRange[];
  readonly observed: ObservedTextRecord[];
}

function readMessages(value: Json | undefined, where: string): ObservedMessage[] {
  return arr(value, where).map((m, i) => {
    const o = obj(m, `${where}[${i}]`);
    return { text: str(o['text'], `${where}[${i}].text`), lang: str(o['lang'], `${where}[${i}].lang`), source: str(o['source'], `${where}[${i}].source`) };
  });
}

function buildCatalog(dataDir: string): BuiltCatalog {
  const jsonFiles = readdirSync(dataDir).filter((f) => f.endsWith('.json')).sort();
  const codeTables: { json: JsonObject; label: string }[] = [];
  for (const f of jsonFiles) {
    const json = readJson(join(dataDir, f), f);
    if (Array.isArray(json['rows'])) codeTables.push({ json, label: f });
  }
  const { table, files } = loadHeaders(dataDir, codeTables);
  const doc = readDocPage(dataDir);
  const citationOf = (file: string): string => files.get(file)?.citation ?? file;

  // Ranges first: entries are placed in them.
  const ranges: CodeRange[] = [];
  const rangesPath = join(dataDir, 'ranges.json');
  if (existsSync(rangesPath)) {
    const json = readJson(rangesPath, 'ranges.json');
    for (const [i, r] of arr(json['ranges'], 'ranges.json ranges').entries()) {
      const where = `ranges.json ranges[${i}]`;
      const o = obj(r, where);
      const family = str(o['family'], `${where}.family`);
      if (!isFamily(family)) throw new CatalogDataError(`${where}: unknown family ${family}`);
      const connect = strOrNull(o['connectBase'], `${where}.connectBase`);
      const range: CodeRange = {
        family,
        range: str(o['range'], `${where}.range`),
        first: table.evaluate(str(o['first'], `${where}.first`), where),
        last: table.evaluate(str(o['last'], `${where}.last`), where),
        connectBase: connect === null ? null : table.evaluate(connect, where),
        description: str(o['description'], `${where}.description`),
      };
      if (range.last < range.first) throw new CatalogDataError(`${where}: last is below first`);
      ranges.push(range);
    }
  }
  const rangeFor = (family: Family, value: number): CodeRange | undefined => {
    let best: CodeRange | undefined;
    for (const r of ranges) {
      if (r.family !== family || value < r.first || value > r.last) continue;
      if (!best || r.last - r.first < best.last - best.first) best = r;
    }
    return best;
  };

  const entries: CodeEntry[] = [];
  const claimed = new Set<string>();
  for (const { json, label } of codeTables) {
    const familyName = str(json['family'], `${label} family`);
    if (!isFamily(familyName)) throw new CatalogDataError(`${label}: unknown family ${familyName}`);
    const family: Family = familyName;
    const fileSource = str(json['source'], `${label} source`);
    const hints = json['hints'] === undefined ? {} : obj(json['hints'], `${label} hints`);
    const header = strOrNull(json['header'], `${label} header`);
    for (const [i, rowJson] of arr(json['rows'], `${label} rows`).entries()) {
      const where = `${label} rows[${i}]`;
      const row = obj(rowJson, where);
      const name = str(row['name'], `${where}.name`);
      let value: number;
      let symbol: HeaderSymbol | undefined;
      if (typeof row['value'] === 'number') {
        value = row['value'];
        if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new CatalogDataError(`${where}: value out of range`);
      } else if (row['value'] === undefined || row['value'] === null) {
        symbol = table.get(name);
        if (!symbol) throw new CatalogDataError(`${where}: ${name} has no value and no header definition`);
        value = table.value(name);
        claimed.add(name);
      } else throw new CatalogDataError(`${where}: value must be a number or absent`);
      const aliases = arr(row['aliases'], `${where}.aliases`).map((a) => str(a, `${where}.aliases`));
      for (const alias of aliases) {
        const defined = table.get(alias);
        if (defined) {
          if (table.value(alias) !== value) throw new CatalogDataError(`${where}: alias ${alias} = ${hex32(table.value(alias))}, not ${hex32(value)}`);
          claimed.add(alias);
        }
      }
      const hintRaw = str(row['hint'], `${where}.hint`);
      const hint = hintRaw.startsWith('@') ? str(hints[hintRaw.slice(1)], `${where}.hint ${hintRaw}`) : hintRaw;
      const bucket = str(row['bucket'], `${where}.bucket`);
      if (!(BUCKETS as readonly string[]).includes(bucket)) throw new CatalogDataError(`${where}: unknown bucket ${bucket}`);
      const meaningSource = str(row['meaningSource'], `${where}.meaningSource`);
      if (!(MEANING_SOURCES as readonly string[]).includes(meaningSource)) throw new CatalogDataError(`${where}: unknown meaningSource ${meaningSource}`);
      const category = strOrNull(row['category'], `${where}.category`);
      let xpSp3: boolean | null;
      if (typeof row['xpSp3'] === 'boolean' || row['xpSp3'] === null) xpSp3 = row['xpSp3'];
      else if ([name, ...aliases].some((n) => doc.xpNames.has(n))) xpSp3 = true;
      else xpSp3 = category !== null && doc.xpTables.has(category) ? false : null;
      const range = rangeFor(family, value);
      const source = strOrNull(row['source'], `${where}.source`) ?? (symbol ? citationOf(symbol.file) : fileSource);
      entries.push({
        name,
        aliases,
        value,
        hex: hex32(value),
        family,
        range: strOrNull(row['range'], `${where}.range`) ?? range?.range ?? null,
        half: range && range.connectBase !== null ? (value >= range.connectBase ? 'connect' : 'capability') : null,
        category,
        meaning: str(row['meaning'], `${where}.meaning`),
        meaningSource: meaningSource as MeaningSource,
        headerComment: symbol?.comment ?? strOrNull(row['headerComment'], `${where}.headerComment`),
        messages: readMessages(row['messages'], `${where}.messages`),
        xpSp3,
        introduced: strOrNull(row['introduced'], `${where}.introduced`),
        bucket: bucket as Bucket,
        hint,
        source,
      });
    }
    // Values a standard reserves: an unknown value there is "reserved", not just "unknown".
    if (json['reserved'] !== undefined) {
      for (const [i, pair] of arr(json['reserved'], `${label} reserved`).entries()) {
        const bounds = arr(pair, `${label} reserved[${i}]`);
        const first = bounds[0];
        const last = bounds[1];
        if (typeof first !== 'number' || typeof last !== 'number' || first > last) throw new CatalogDataError(`${label} reserved[${i}]: expected [first, last]`);
        ranges.push({ family, range: 'reserved', first, last, connectBase: null, description: `reserved in ${fileSource.split(',')[0]}` });
      }
    }
    // Every code of a table's header must have a row: nothing the SDK defines is left out.
    if (header !== null) {
      const parsed = files.get(header);
      if (!parsed) throw new CatalogDataError(`${label}: header ${header} was not loaded`);
      for (const s of parsed.symbols) {
        if (!RANGE_CONSTANT.test(s.name) && !claimed.has(s.name)) throw new CatalogDataError(`${s.file}:${s.line}: ${s.name} has no row in ${label}`);
      }
    }
  }

  const seen = new Map<string, CodeEntry>();
  for (const e of entries) {
    const key = `${e.family}:${e.name}`;
    if (seen.has(key)) throw new CatalogDataError(`${e.name} appears twice in family ${e.family}`);
    seen.set(key, e);
  }
  const familyIndex = (f: Family): number => FAMILIES.indexOf(f);
  entries.sort((a, b) => familyIndex(a.family) - familyIndex(b.family) || a.value - b.value || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  ranges.sort((a, b) => familyIndex(a.family) - familyIndex(b.family) || a.first - b.first || a.last - b.last);

  const rangeConstants: RangeConstant[] = [];
  const legacy = new Set<string>();
  for (const { json, label } of codeTables) for (const l of arr(json['legacyHeaders'], `${label} legacyHeaders`)) legacy.add(str(l, label));
  for (const [rel, parsed] of [...files.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (legacy.has(rel)) continue;
    for (const s of parsed.symbols) {
      if (!RANGE_CONSTANT.test(s.name)) continue;
      rangeConstants.push({ name: s.name, value: table.value(s.name), hex: hex32(table.value(s.name)), expression: s.expression.replace(/\s+/g, ' '), source: parsed.citation });
    }
  }
  rangeConstants.sort((a, b) => a.value - b.value || (a.name < b.name ? -1 : 1));

  const observed: ObservedTextRecord[] = [];
  const observedPath = join(dataDir, 'observed-texts.json');
  if (existsSync(observedPath)) {
    const json = readJson(observedPath, 'observed-texts.json');
    for (const [i, t] of arr(json['texts'], 'observed-texts.json texts').entries()) {
      const where = `observed-texts.json texts[${i}]`;
      const o = obj(t, where);
      const familyRaw = strOrNull(o['family'], `${where}.family`);
      if (familyRaw !== null && !isFamily(familyRaw)) throw new CatalogDataError(`${where}: unknown family ${familyRaw}`);
      const name = strOrNull(o['name'], `${where}.name`);
      let code: number | null = typeof o['code'] === 'number' ? o['code'] : null;
      let family: Family | null = familyRaw;
      if (name !== null) {
        const entry = entries.find((e) => e.name === name && (family === null || e.family === family));
        if (!entry) throw new CatalogDataError(`${where}: ${name} is not in the catalog`);
        if (code !== null && code !== entry.value) throw new CatalogDataError(`${where}: code ${code} disagrees with ${name} (${entry.value})`);
        code = entry.value;
        family = entry.family;
      }
      const eventId = o['eventId'];
      observed.push({
        text: str(o['text'], `${where}.text`),
        lang: str(o['lang'], `${where}.lang`),
        eventId: typeof eventId === 'number' ? eventId : null,
        field: strOrNull(o['field'], `${where}.field`),
        family,
        code,
        name,
        source: str(o['source'], `${where}.source`),
        note: strOrNull(o['note'], `${where}.note`),
      });
    }
  }
  return { entries, rangeConstants, ranges, observed };
}

// ---------------------------------------------------------------------------------------------
// Output.

/** Typed constants for FFI users: prefix stripped, values as numbers. */
const CONSTANT_OBJECTS: readonly { exportName: string; family: Family; prefixes: readonly string[]; rangePrefix: string | null; hex: boolean }[] = [
  { exportName: 'WLAN_REASON_CODE', family: 'wlan', prefixes: ['WLAN_REASON_CODE_'], rangePrefix: 'WLAN_REASON_CODE_', hex: true },
  { exportName: 'ONEX_REASON_CODE', family: 'onex', prefixes: ['ONEX_REASON_CODE_', 'ONEX_'], rangePrefix: null, hex: true },
  { exportName: 'L2_REASON_CODE', family: 'l2', prefixes: ['L2_REASON_CODE_'], rangePrefix: 'L2_REASON_CODE_', hex: true },
  { exportName: 'DOT11_REASON_CODE', family: 'dot11-reason', prefixes: ['DOT11_REASON_CODE_', 'DOT11_REASON_'], rangePrefix: null, hex: false },
  { exportName: 'DOT11_STATUS_CODE', family: 'dot11-status', prefixes: ['DOT11_STATUS_CODE_', 'DOT11_STATUS_'], rangePrefix: null, hex: false },
];

function shortName(name: string, prefixes: readonly string[]): string {
  for (const p of prefixes) if (name.startsWith(p) && name.length > p.length) return name.slice(p.length);
  return name;
}

function constantObject(spec: (typeof CONSTANT_OBJECTS)[number], built: BuiltCatalog): string {
  const members = new Map<string, number>();
  const put = (key: string, value: number): void => {
    const safe = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : '_' + key.replace(/[^A-Za-z0-9_$]/g, '_');
    if (!members.has(safe)) members.set(safe, value);
  };
  for (const e of built.entries) {
    if (e.family !== spec.family) continue;
    put(shortName(e.name, spec.prefixes), e.value);
    for (const a of e.aliases) put(shortName(a, spec.prefixes), e.value);
  }
  if (spec.rangePrefix !== null) {
    for (const c of built.rangeConstants) if (c.name.startsWith(spec.rangePrefix)) put(c.name.slice(spec.rangePrefix.length), c.value);
  }
  const sorted = [...members.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  const body = sorted.map(([k, v]) => `  ${k}: ${spec.hex ? hex32(v) : String(v)},`).join('\n');
  return `export const ${spec.exportName} = {\n${body}${body ? '\n' : ''}} as const;\n`;
}

/** One JSON value per line inside a template literal: V8 parses JSON faster than object literals. */
function jsonArray(values: readonly unknown[]): string {
  const lines = values.map((v) => '  ' + JSON.stringify(v));
  const text = `[\n${lines.join(',\n')}\n]`;
  return '`' + text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
}

function renderCatalog(built: BuiltCatalog): string {
  const parts: string[] = [];
  parts.push('// generated by scripts/generate-catalog.ts — do not edit. Sources: data/src/.\n');
  parts.push("import type { CodeRange, ObservedTextRecord, RangeConstant } from '../catalog/types.js';\n");
  // Start-up parses no entry: lookups find an entry's position from ENTRY_KEYS and parse its JSON then.
  const keys = built.entries.map((e) => `${FAMILIES.indexOf(e.family)}, ${e.value}`);
  parts.push(`/** Family (index into FAMILIES) and value of every entry, in entry order: family, value, family, value, … */\nexport const ENTRY_KEYS: readonly number[] = [\n${keys.map((k) => `  ${k},`).join('\n')}\n];\n`);
  parts.push(`/** Every catalog entry as JSON, sorted by family, value, name; parsed one by one when used. */\nexport const ENTRY_JSON: readonly string[] = [\n${built.entries.map((e) => `  ${JSON.stringify(JSON.stringify(e))},`).join('\n')}\n];\n`);
  parts.push(`/** Range bounds and sizes of l2cmn.h / wlanapi.h, sorted by value. */\nexport const RANGE_CONSTANTS: readonly RangeConstant[] = JSON.parse(${jsonArray(built.rangeConstants)});\n`);
  parts.push(`/** Component ranges per family. */\nexport const RANGES: readonly CodeRange[] = JSON.parse(${jsonArray(built.ranges)});\n`);
  parts.push(`/** Windows message texts seen in real logs (code null: known text, code not recorded). */\nexport const OBSERVED_TEXTS: readonly ObservedTextRecord[] = JSON.parse(${jsonArray(built.observed)});\n`);
  for (const spec of CONSTANT_OBJECTS) parts.push(constantObject(spec, built));
  return parts.join('\n');
}

/** Every generated file for the data in `dataDir`, keyed by its path relative to the repository root. */
export const VERSION_PATH = 'src/generated/version.ts';

/** The package version as a constant, so `--version` reads no file at start-up. */
function renderVersion(dataDir: string): string {
  const pkg = readJson(join(resolve(dataDir), '..', '..', 'package.json'), 'package.json');
  const version = str(pkg['version'], 'package.json version');
  return `// generated by scripts/generate-catalog.ts from package.json — do not edit\nexport const VERSION = ${JSON.stringify(version)};\n`;
}

export function generateCatalogSource(dataDir: string): Map<string, string> {
  const built = buildCatalog(resolve(dataDir));
  return new Map([
    [GENERATED_PATH, renderCatalog(built)],
    [VERSION_PATH, renderVersion(dataDir)],
  ]);
}

/** The repository root: the nearest directory upwards holding `data/src/SCHEMA.md` (bounded walk). */
export function findRepoRoot(from: string): string | null {
  let dir = resolve(from);
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'data', 'src', 'SCHEMA.md')) && existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  const root = findRepoRoot(dirname(fileURLToPath(import.meta.url))) ?? findRepoRoot(process.cwd());
  if (!root) {
    process.stderr.write('generate-catalog: repository root (with data/src/SCHEMA.md) not found\n');
    return 2;
  }
  let outputs: Map<string, string>;
  try {
    outputs = generateCatalogSource(join(root, 'data', 'src'));
  } catch (error) {
    process.stderr.write(`generate-catalog: ${(error as Error).message}\n`);
    return 2;
  }
  let differs = 0;
  for (const [rel, content] of outputs) {
    const path = join(root, rel);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (current === content) continue;
    if (check) {
      process.stdout.write(`${rel}: differs from a fresh generation (run node dist/scripts/generate-catalog.js)\n`);
      differs++;
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      process.stdout.write(`wrote ${rel}\n`);
    }
  }
  return differs > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
