export { writeQuestionsDocx, docxTopicHeading, isPlainLine, DOCX_TOPIC_PREFIX, type WriteQuestionsDocxOptions } from './write-docx.ts';
export { writeQuestionsXlsx, questionRowValues, QUESTION_SHEET_NAME, type WriteQuestionsXlsxOptions } from './write-xlsx.ts';
export { writeQtiZip, escapeXml, itemId, MATCH_CORRECT, type WriteQtiOptions } from './write-qti.ts';
export { exportLosses, exportLossSummary, EXPORT_FORMATS, EXPORT_FORMAT_NAMES, type ExportFormat, type ExportLoss } from './losses.ts';
