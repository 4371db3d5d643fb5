/**
 * BinXML token codes (libevtx document § Token types; [MS-EVEN6] 2.2.12 BinXml).
 * Bit 0x40 ("more data follows") may be set on several of them; compare `token & ~0x40`.
 */
export const TOK_EOF = 0x00;
export const TOK_OPEN_START = 0x01;
export const TOK_CLOSE_START = 0x02;
export const TOK_CLOSE_EMPTY = 0x03;
export const TOK_END_ELEMENT = 0x04;
export const TOK_VALUE = 0x05;
export const TOK_ATTRIBUTE = 0x06;
export const TOK_CDATA = 0x07;
export const TOK_CHARREF = 0x08;
export const TOK_ENTITYREF = 0x09;
export const TOK_PI_TARGET = 0x0a;
export const TOK_PI_DATA = 0x0b;
export const TOK_TEMPLATE_INSTANCE = 0x0c;
export const TOK_NORMAL_SUBST = 0x0d;
export const TOK_OPTIONAL_SUBST = 0x0e;
export const TOK_FRAGMENT_HEADER = 0x0f;
export const TOK_MORE_FLAG = 0x40;

/** Element start: token, u16 dependency id, u32 data size, then the name reference. */
export const ELEMENT_START_FIXED = 7;
/** Fragment header: token, major 1, minor 1, flags. */
export const FRAGMENT_HEADER_SIZE = 4;
/** Template instance head: token, u8 unknown, u32 template id, u32 definition offset. */
export const TEMPLATE_INSTANCE_HEAD = 10;
/** Template definition head: u32 next definition, 16-byte GUID, u32 data size. */
export const TEMPLATE_DEF_HEAD = 24;
/** Substitution: token, u16 index, u8 value type. */
export const SUBST_SIZE = 4;
