/** The `CodeDecoder` backed by the project's own catalog. */
import { lookupValue, rangeOf } from '../catalog/tables.js';
import { matchText } from '../catalog/text-match.js';
import type { CodeDecoder } from './decoder.js';

export const catalogDecoder: CodeDecoder = {
  lookup: (family, value) => lookupValue(family, value),
  range: (family, value) => rangeOf(family, value),
  matchText: (text, family) => matchText(text, family === null ? {} : { family }),
};
