export { renderWevtutil, renderSavedXml, renderXmlView } from './xml.js';
export { renderJson, renderCsv, utf16leWithBom, usDateTime } from './powershell.js';
export { renderSavedText } from './text.js';
export { renderMessage, hasMessageTemplate } from './message.js';
export { xmlValue, escapeXml, keywordsHex } from './values.js';
