export { parseQuestionDocx, type ParseQuestionDocxOptions } from './parse-docx.ts';
export { NOT_DOCX_MESSAGE, TOO_LARGE_MESSAGE, DEFAULT_MAX_UNCOMPRESSED_BYTES } from './zip-guard.ts';
