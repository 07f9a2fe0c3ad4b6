import fs from 'node:fs';
import { MAX_UPLOAD_BYTES } from '../server/app.ts';
import { CliError } from './cli-context.ts';

/**
 * Reads a file named on the command line under the same size limit as an upload (20 MB); what it holds is then read
 * under the upload budgets (server/files/parse-upload.ts). `advice` says what to do with a bigger file.
 */
export function readInputFile(file: string, advice: string): Buffer {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new CliError(`${file} không phải là một tệp.`);
    size = stat.size;
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`Không tìm thấy tệp ${file}.`);
  }
  const limitMb = MAX_UPLOAD_BYTES / (1024 * 1024);
  if (size > MAX_UPLOAD_BYTES) throw new CliError(`Tệp ${file} lớn hơn ${limitMb} MB (giới hạn như khi tải lên); ${advice}.`);
  return fs.readFileSync(file);
}
