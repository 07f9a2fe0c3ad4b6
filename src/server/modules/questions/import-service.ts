import { duplicateKey, duplicateProblems, searchText } from '../../../domain/question-bank/keys.ts';
import type { ParsedQuestion, QuestionProblem } from '../../../domain/question-bank/types.ts';
import { questionContentProblems } from '../../../domain/question-bank/validate.ts';
import type { Actor } from '../../../domain/roles.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { recordAudit } from '../audit/repository.ts';
import { bankForActor, ensureTopic } from '../banks/service.ts';
import { parseUpload } from '../../files/parse-upload.ts';
import type { UploadBytes } from '../../files/upload-bytes.ts';
import { parseQuestionFileJob } from './parse-file.ts';
import * as repo from './repository.ts';
import { contentJson } from './content.ts';

export interface QuestionImportPreview {
  questions: ParsedQuestion[];
  problems: QuestionProblem[];
}

/**
 * Parses a file (under the upload budgets, off the event loop on the server: files/parse-upload.ts) and, when a bank
 * is given, flags likely duplicates of its questions. Writes nothing.
 */
export async function previewQuestionImport(
  ctx: AppContext,
  actor: Actor | null,
  input: { fileName: string; file: UploadBytes; bankId?: number },
): Promise<QuestionImportPreview> {
  const parsed = await parseUpload(ctx, parseQuestionFileJob, input.file, input.fileName, ctx.config.uploads.limits);
  let existing = new Set<string>();
  if (input.bankId !== undefined && actor) {
    const bank = await bankForActor(ctx.db, actor, input.bankId, 'use');
    existing = await repo.duplicateKeysOf(ctx.db, bank.id);
  }
  const problems = [...parsed.problems, ...duplicateProblems(parsed.questions, existing)].sort(
    (a, b) => (a.question ?? 0) - (b.question ?? 0) || a.line - b.line,
  );
  return { questions: parsed.questions, problems };
}

/** Writes the chosen questions into the bank in one transaction: topics by name, images once, version 1 each. */
export async function applyQuestionImport(
  ctx: AppContext,
  actor: Actor,
  bankId: number,
  questions: ParsedQuestion[],
  fileName: string,
  importId?: number,
) {
  const problemsOf = (q: ParsedQuestion) => questionContentProblems(q.stem, q.options, q.images.length);
  const broken = questions.filter((q) => problemsOf(q).length > 0);
  if (broken.length > 0) {
    throw fail('question_incomplete', { numbers: broken.map((q) => q.number), problems: problemsOf(broken[0]!) });
  }
  return ctx.db.transaction().execute(async (trx) => {
    const bank = await bankForActor(trx, actor, bankId, 'use');
    if (importId !== undefined) {
      // Checked and marked inside the transaction: two clicks on "Nhập" write the questions once.
      if ((await repo.findImport(trx, importId))?.status !== 'previewed') {
        throw fail('import_done');
      }
      await repo.markImported(trx, importId);
    }
    const at = nowIso(ctx);
    const topicIds = new Map<string, number>();
    let topicsCreated = 0;
    for (const q of questions) {
      let topicId: number | null = null;
      if (q.topic) {
        if (!topicIds.has(q.topic)) {
          const topic = await ensureTopic(trx, ctx, bank.id, q.topic);
          topicIds.set(q.topic, topic.id);
          if (topic.created) topicsCreated += 1;
        }
        topicId = topicIds.get(q.topic)!;
      }
      const stemImages = [];
      for (const image of q.images) stemImages.push(await repo.storeImage(trx, image, at));
      const options = [];
      for (const o of q.options) {
        const images = [];
        for (const image of o.images) images.push(await repo.storeImage(trx, image, at));
        options.push({ text: o.text, pinned: o.pinned, images });
      }
      await repo.insertQuestion(trx, {
        bank_id: bank.id,
        topic_id: topicId,
        difficulty: q.difficulty,
        source: fileName,
        search_folded: searchText(q),
        duplicate_key: duplicateKey(q.stem),
        created_by: actor.userId || null,
        content_json: contentJson({ stem: q.stem, stemRich: q.stemRich, stemImages, options }),
        correct_index: q.options.findIndex((o) => o.correct),
        at,
      });
    }
    await recordAudit(trx, {
      at,
      actorUserId: actor.userId,
      action: 'questions.import',
      entityType: 'question_bank',
      entityId: bank.id,
      unitId: bank.unit_id,
      summary: `Nhập ${questions.length} câu hỏi từ tệp "${fileName}" vào ngân hàng ${bank.name} (${topicsCreated} chuyên đề mới)`,
    });
    return { imported: questions.length, topicsCreated, total: await repo.countQuestions(trx, bank.id) };
  });
}

export const IMPORT_TTL_MS = 24 * 3_600_000;

/** Preview of an upload for the bank page: stored so that any node can commit the ticked questions. */
export async function previewForBank(ctx: AppContext, actor: Actor, bankId: number, fileName: string, file: UploadBytes) {
  const preview = await previewQuestionImport(ctx, actor, { fileName, file, bankId });
  const payload = preview.questions.map((q) => ({
    ...q,
    images: q.images.map(encodeImage),
    options: q.options.map((o) => ({ ...o, images: o.images.map(encodeImage) })),
  }));
  const importId =
    preview.questions.length === 0
      ? null
      : await repo.saveImport(ctx.db, {
          created_by: actor.userId,
          bank_id: bankId,
          file_name: fileName.slice(0, 200),
          payload_json: JSON.stringify(payload),
          created_at: nowIso(ctx),
        });
  return { importId, questions: preview.questions.map(summarise), problems: preview.problems };
}

/** Writes the questions the organiser ticked (by their number in the file). */
export async function commitForBank(ctx: AppContext, actor: Actor, importId: number, numbers: number[]) {
  const stored = await repo.findImport(ctx.db, importId);
  if (!stored || stored.created_by !== actor.userId) throw fail('import_not_found');
  if (stored.status !== 'previewed') throw fail('import_done');
  if (ctx.clock.now().getTime() - Date.parse(stored.created_at) > IMPORT_TTL_MS) {
    throw fail('import_expired');
  }
  const all = (JSON.parse(stored.payload_json) as StoredQuestion[]).map(decodeQuestion);
  const wanted = new Set(numbers);
  const chosen = all.filter((q) => wanted.has(q.number));
  if (chosen.length === 0) throw fail('nothing_chosen');
  return applyQuestionImport(ctx, actor, stored.bank_id, chosen, stored.file_name, importId);
}

type StoredImage = { contentType: string; base64: string };
type StoredQuestion = Omit<ParsedQuestion, 'images' | 'options'> & {
  images: StoredImage[];
  options: (Omit<ParsedQuestion['options'][number], 'images'> & { images: StoredImage[] })[];
};

function encodeImage(image: { contentType: string; data: Uint8Array }): StoredImage {
  return { contentType: image.contentType, base64: Buffer.from(image.data).toString('base64') };
}

function decodeQuestion(q: StoredQuestion): ParsedQuestion {
  const decode = (i: StoredImage) => ({ contentType: i.contentType, data: new Uint8Array(Buffer.from(i.base64, 'base64')) });
  return { ...q, images: q.images.map(decode), options: q.options.map((o) => ({ ...o, images: o.images.map(decode) })) };
}

/** What the preview shows of a question; images are numbered per question (stem first, then options in order). */
function summarise(q: ParsedQuestion) {
  let next = 0;
  const stemImages = q.images.map(() => next++);
  const options = q.options.map((o) => ({
    letter: o.letter,
    text: o.text,
    correct: o.correct,
    pinned: o.pinned,
    images: o.images.map(() => next++),
  }));
  return {
    number: q.number,
    line: q.line,
    stem: q.stem,
    stemRich: q.stemRich ?? null,
    topic: q.topic,
    difficulty: q.difficulty,
    images: next,
    stemImages,
    options,
  };
}

/** One image of a stored preview by its number in summarise's order. */
export function previewImageOf(payloadJson: string, number: number, index: number): { contentType: string; data: Uint8Array } | undefined {
  const question = (JSON.parse(payloadJson) as StoredQuestion[]).find((q) => q.number === number);
  const image = question ? [...question.images, ...question.options.flatMap((o) => o.images)][index] : undefined;
  return image && { contentType: image.contentType, data: new Uint8Array(Buffer.from(image.base64, 'base64')) };
}
