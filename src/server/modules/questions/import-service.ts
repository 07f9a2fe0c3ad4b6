import { duplicateKey, duplicateProblems, searchText } from '../../../domain/question-bank/keys.ts';
import type { ParsedQuestion, QuestionProblem } from '../../../domain/question-bank/types.ts';
import type { Actor } from '../../../domain/roles.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { recordAudit } from '../audit/repository.ts';
import { bankForActor, ensureTopic } from '../banks/service.ts';
import { parseQuestionFile } from './parse-file.ts';
import * as repo from './repository.ts';

export interface QuestionImportPreview {
  questions: ParsedQuestion[];
  problems: QuestionProblem[];
}

/** Parses a file and, when a bank is given, flags likely duplicates of its questions. Writes nothing. */
export async function previewQuestionImport(ctx: AppContext, actor: Actor | null, input: { fileName: string; file: Uint8Array;
  bankId?: number }): Promise<QuestionImportPreview> {
  const parsed = await parseQuestionFile(input.fileName, input.file);
  let existing = new Set<string>();
  if (input.bankId !== undefined && actor) {
    const bank = await bankForActor(ctx.db, actor, input.bankId, 'use');
    existing = await repo.duplicateKeysOf(ctx.db, bank.id);
  }
  const problems = [...parsed.problems, ...duplicateProblems(parsed.questions, existing)]
    .sort((a, b) => (a.question ?? 0) - (b.question ?? 0) || a.line - b.line);
  return { questions: parsed.questions, problems };
}

/** Writes the chosen questions into the bank in one transaction: topics by name, images once, version 1 each. */
export async function applyQuestionImport(ctx: AppContext, actor: Actor, bankId: number, questions: ParsedQuestion[], fileName: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const bank = await bankForActor(trx, actor, bankId, 'use');
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
        bank_id: bank.id, topic_id: topicId, difficulty: q.difficulty, source: fileName, search_folded: searchText(q),
        duplicate_key: duplicateKey(q.stem), created_by: actor.userId || null,
        content_json: JSON.stringify({ stem: q.stem, stemImages, options }), correct_index: q.options.findIndex((o) => o.correct), at,
      });
    }
    await recordAudit(trx, { at, actorUserId: actor.userId, action: 'questions.import', entityType: 'question_bank',
      entityId: bank.id, unitId: bank.unit_id,
      summary: `Nhập ${questions.length} câu hỏi từ tệp "${fileName}" vào ngân hàng ${bank.name} (${topicsCreated} chuyên đề mới)` });
    return { imported: questions.length, topicsCreated, total: await repo.countQuestions(trx, bank.id) };
  });
}
