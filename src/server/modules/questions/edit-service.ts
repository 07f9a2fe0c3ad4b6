import { duplicateKey, searchText } from '../../../domain/question-bank/keys.ts';
import { questionContentProblems, type EditableOption } from '../../../domain/question-bank/validate.ts';
import type { Actor } from '../../../domain/roles.ts';
import { normalizeText } from '../../../domain/text.ts';
import type { Executor } from '../../db/database.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { errors } from '../../errors.ts';
import { recordAudit } from '../audit/repository.ts';
import { bankForActor } from '../banks/service.ts';
import { findTopic } from '../banks/repository.ts';
import * as repo from './repository.ts';
import { assessmentsUsingVersions } from '../assessments/repository.ts';
import { letteredOptions, readContent } from './content.ts';


async function questionForActor(db: Executor, actor: Actor, id: number) {
  const row = await repo.findQuestion(db, id);
  if (!row || row.deleted_at) throw errors.notFound('question_not_found', 'câu hỏi');
  const bank = await bankForActor(db, actor, row.bank_id, 'use');
  return { row, bank };
}

export async function getQuestion(ctx: AppContext, actor: Actor, id: number) {
  const { row } = await questionForActor(ctx.db, actor, id);
  const content = readContent(row.content_json);
  const versions = await repo.versionsOf(ctx.db, row.id);
  const uses = await assessmentsUsingVersions(ctx.db, versions.map((v) => v.id));
  return {
    id: row.id, bankId: row.bank_id, version: row.current_version, topicId: row.topic_id, topic: row.topic_name,
    difficulty: row.difficulty, stem: content.stem, stemImages: content.stemImages,
    options: letteredOptions(content, row.correct_index),
    versions: versions.map((v) => ({ version: v.version, createdAt: v.created_at, createdBy: v.display_name, locked: v.locked === 1,
      usedBy: uses.filter((u) => u.version_id === v.id).map((u) => ({ id: u.id, title: u.title, opensAt: u.opens_at })) })),
  };
}

/**
 * Saves an edit. A version that a published assessment uses is never changed: the edit becomes a new version
 * and results keep pointing at the old one. Images stay with the options in their position.
 */
export async function editQuestion(ctx: AppContext, actor: Actor, id: number, input: {
  stem: string; options: EditableOption[]; topicId?: number | null; difficulty?: string | null;
}) {
  return ctx.db.transaction().execute(async (trx) => {
    const { row, bank } = await questionForActor(trx, actor, id);
    const problems = questionContentProblems(input.stem, input.options);
    if (problems.length) throw errors.invalid('invalid_question', `${problems.join('. ')}.`, { problems });
    if (input.topicId != null) {
      const topic = await findTopic(trx, input.topicId);
      if (!topic || topic.bank_id !== bank.id) throw errors.notFound('topic_not_found', 'chuyên đề trong ngân hàng này');
    }
    const before = readContent(row.content_json);
    const stem = normalizeText(input.stem);
    const options = input.options.map((o, i) => ({ text: normalizeText(o.text), pinned: o.pinned, images: before.options[i]?.images ?? [] }));
    const content = JSON.stringify({ stem, stemImages: before.stemImages, options });
    const correctIndex = input.options.findIndex((o) => o.correct);
    const at = nowIso(ctx);
    const newVersion = row.locked === 1;
    const version = newVersion ? row.current_version + 1 : row.current_version;
    if (newVersion) {
      await repo.addVersion(trx, { question_id: row.id, version, content_json: content, correct_index: correctIndex,
        created_by: actor.userId || null, created_at: at });
    } else {
      await repo.updateVersionInPlace(trx, row.version_id, content, correctIndex);
    }
    const parsedLike = { stem, options: options.map((o) => ({ text: o.text })) } as Parameters<typeof searchText>[0];
    await repo.updateQuestionRow(trx, row.id, {
      topic_id: input.topicId === undefined ? undefined : input.topicId,
      difficulty: input.difficulty === undefined ? undefined : input.difficulty,
      current_version: version, search_folded: searchText(parsedLike), duplicate_key: duplicateKey(stem), updated_at: at,
    });
    await recordAudit(trx, { at, actorUserId: actor.userId, action: 'question.edit', entityType: 'question', entityId: row.id,
      unitId: bank.unit_id, summary: `Sửa câu hỏi #${row.id} của ngân hàng ${bank.name}${newVersion ? ` (phiên bản ${version})` : ''}` });
    return { id: row.id, version, newVersion };
  });
}

export async function deleteQuestion(ctx: AppContext, actor: Actor, id: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const { row, bank } = await questionForActor(trx, actor, id);
    const at = nowIso(ctx);
    await repo.updateQuestionRow(trx, row.id, { deleted_at: at, updated_at: at });
    await recordAudit(trx, { at, actorUserId: actor.userId, action: 'question.delete', entityType: 'question', entityId: row.id,
      unitId: bank.unit_id, summary: `Xóa câu hỏi #${row.id} khỏi ngân hàng ${bank.name}` });
  });
}
