/**
 * BinXML value type codes (libevtx document § Value types; [MS-EVEN6] 2.2.12 type system).
 */
export const VT_NULL = 0x00;
export const VT_STRING = 0x01;
export const VT_ANSI = 0x02;
export const VT_INT8 = 0x03;
export const VT_UINT8 = 0x04;
export const VT_INT16 = 0x05;
export const VT_UINT16 = 0x06;
export const VT_INT32 = 0x07;
export const VT_UINT32 = 0x08;
export const VT_INT64 = 0x09;
export const VT_UINT64 = 0x0a;
export const VT_REAL32 = 0x0b;
export const VT_REAL64 = 0x0c;
export const VT_BOOL = 0x0d;
export const VT_BINARY = 0x0e;
export const VT_GUID = 0x0f;
export const VT_SIZET = 0x10;
export const VT_FILETIME = 0x11;
export const VT_SYSTEMTIME = 0x12;
export const VT_SID = 0x13;
export const VT_HEXINT32 = 0x14;
export const VT_HEXINT64 = 0x15;
export const VT_BINXML = 0x21;
export const VT_ARRAY = 0x80;

/** Fixed item sizes; 0 means variable. Index: base type. */
export const FIXED_SIZE: Readonly<Record<number, number>> = {
  [VT_INT8]: 1,
  [VT_UINT8]: 1,
  [VT_INT16]: 2,
  [VT_UINT16]: 2,
  [VT_INT32]: 4,
  [VT_UINT32]: 4,
  [VT_INT64]: 8,
  [VT_UINT64]: 8,
  [VT_REAL32]: 4,
  [VT_REAL64]: 8,
  [VT_BOOL]: 4,
  [VT_GUID]: 16,
  [VT_FILETIME]: 8,
  [VT_SYSTEMTIME]: 16,
  [VT_HEXINT32]: 4,
  [VT_HEXINT64]: 8,
};
