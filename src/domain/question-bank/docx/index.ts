export { parseQuestionDocx, type ParseQuestionDocxOptions } from './parse-docx.ts';
export { NOT_DOCX_MESSAGE } from './messages.ts';
