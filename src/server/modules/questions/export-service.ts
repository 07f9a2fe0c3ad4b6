import { writeAiken } from '../../../domain/question-bank/aiken/write-aiken.ts';
import { writeGift } from '../../../domain/question-bank/gift/write-gift.ts';
import {
  exportLosses,
  exportLossSummary,
  writeQtiZip,
  writeQuestionsDocx,
  writeQuestionsXlsx,
  type ExportFormat,
} from '../../../domain/question-bank/export/index.ts';
import type { Difficulty, ParsedQuestion } from '../../../domain/question-bank/types.ts';
import type { Actor } from '../../../domain/roles.ts';
import type { AppContext } from '../../context.ts';
import { bankForActor } from '../banks/service.ts';
import * as repo from './repository.ts';
import { imageIdsOf, letteredOptions, readContent } from './content.ts';

export type { ExportFormat };

/** The response header that carries the export's notice of what was lost. */
export const EXPORT_NOTICE_HEADER = 'x-export-notice';

/** The bank (or one topic) as parse-shaped questions, images included: what every writer takes. */
export async function loadForExport(ctx: AppContext, actor: Actor, bankId: number, topicId?: number) {
  const bank = await bankForActor(ctx.db, actor, bankId, 'use');
  // Questions without a topic first on both databases (PostgreSQL sorts NULL last): in Word they must come before the
  // first topic heading, or they would read back under it.
  const rows = (await repo.questionsForExport(ctx.db, bank.id, topicId)).sort(
    (a, b) => Number(a.topic_name !== null) - Number(b.topic_name !== null),
  );
  const contents = rows.map((r) => readContent(r.content_json));
  const imageIds = [...new Set(contents.flatMap(imageIdsOf))];
  const images = await repo.imagesByIds(ctx.db, imageIds);
  const questions: ParsedQuestion[] = rows.map((r, i) => ({
    number: i + 1,
    line: 0,
    stem: contents[i].stem,
    ...(contents[i].stemRich ? { stemRich: contents[i].stemRich } : {}),
    topic: r.topic_name,
    difficulty: r.difficulty as Difficulty | null,
    images: contents[i].stemImages.map((id) => images.get(id)!).filter(Boolean),
    options: letteredOptions(contents[i], r.correct_index).map((o) => ({
      ...o,
      images: o.images.map((id) => images.get(id)!).filter(Boolean),
    })),
  }));
  return { bank, questions };
}

/**
 * The file, and what the format could not carry (counted per question; `notice` says it in one Vietnamese sentence,
 * null when nothing is lost). The web shows the notice after the download, the CLI prints it on stderr.
 */
export async function exportQuestions(ctx: AppContext, actor: Actor, bankId: number, format: ExportFormat, topicId?: number) {
  const { bank, questions } = await loadForExport(ctx, actor, bankId, topicId);
  const title = `Ngân hàng câu hỏi: ${bank.name}`;
  const bytes =
    format === 'docx'
      ? await writeQuestionsDocx(questions, { title })
      : format === 'xlsx'
        ? await writeQuestionsXlsx(questions, { title })
        : format === 'qti'
          ? await writeQtiZip(questions, { title })
          : new TextEncoder().encode(format === 'gift' ? writeGift(questions) : writeAiken(questions));
  const ext = { docx: 'docx', xlsx: 'xlsx', qti: 'zip', gift: 'gift', aiken: 'txt' }[format];
  const losses = exportLosses(questions, format);
  return {
    fileName: `${bank.code}${format === 'qti' ? '-qti' : ''}.${ext}`,
    body: Buffer.from(bytes),
    count: questions.length,
    bank,
    losses,
    notice: exportLossSummary(format, losses),
  };
}
