/** Hard limits applied to hostile input. Every reader bounds its loops and allocations with these. */

/** Longest value kept for one field; longer values are cut and a problem is reported. */
export const MAX_FIELD_CHARS = 64 * 1024;
/** Deepest XML element nesting accepted. */
export const MAX_XML_DEPTH = 64;
/** Most attributes accepted on one XML element. */
export const MAX_XML_ATTRIBUTES = 256;
/** Longest XML attribute value accepted. */
export const MAX_XML_ATTRIBUTE_CHARS = 64 * 1024;
/** Longest XML element or attribute name accepted. */
export const MAX_XML_NAME_CHARS = 256;
/** Most XML elements in one document (a wevtutil export of 1M events has about 30M). */
export const MAX_XML_ELEMENTS = 50_000_000;
/** Most fields kept per event. */
export const MAX_FIELDS_PER_EVENT = 1024;
/** Most entries read from a zip central directory. */
export const MAX_ZIP_ENTRIES = 10_000;
/** Largest decompressed size of one compressed input or zip member. */
export const MAX_DECOMPRESSED_BYTES = 1024 * 1024 * 1024;
/** Most nested archives (a zip inside a gzip inside a zip …). */
export const MAX_ARCHIVE_DEPTH = 4;
/** Most problems recorded per input; the rest are only counted. */
export const MAX_PROBLEMS = 1000;
/** Longest CSV record, in characters. */
export const MAX_CSV_RECORD_CHARS = 4 * 1024 * 1024;
/**
 * Longest text decoded whole: V8's longest string (2^29 - 24 UTF-16 units on 64-bit). Decoding past it
 * aborts the whole process rather than throwing, so larger text inputs are refused before decoding.
 */
export const MAX_TEXT_CHARS = 0x1fffffe8;
/**
 * Most bytes all the archives of one input may expand to, in all members and nesting levels together:
 * this many times the input's size, but never less than MAX_ARCHIVE_FLOOR_BYTES. Deflate alone reaches
 * about 1000:1; logs compress far less, so only bombs (overlapping members, archives of archives) hit it.
 */
export const MAX_ARCHIVE_RATIO = 1000;
export const MAX_ARCHIVE_FLOOR_BYTES = 256 * 1024 * 1024;
