/** Node-only entry (`wlanreason/node`): files, folders and stdin. */
export { readEvtxFile, readEvtxFileChunks } from './evtx-file.js';
export { dumpEvtx, type EvtxDumpFormat, type EvtxDumpOptions, type EvtxDumpResult } from './evtx-dump.js';
export { readInputItems, readInputs, type InputItem, type InputResult, type ReadInputsOptions } from './read-inputs.js';
export { dumpEvtxParallel, dumpEvtxToFd, type EvtxParallelOptions } from './evtx-parallel.js';
