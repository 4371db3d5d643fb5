// Injected into the CommonJS bundles of the CLI's log commands (see package.json "build"): the
// bundled modules locate files next to them through import.meta.url, which CommonJS lacks.
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;
