/** The messages of an unreadable Word file. Budgets (zip bombs, huge documents) are in files/limits.ts. */

export const NOT_DOCX_MESSAGE = 'Tệp không phải là tệp Word .docx hợp lệ.';
