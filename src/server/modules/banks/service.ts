import { can, scopeOf, type Actor } from '../../../domain/roles.ts';
import { fold, normalizeText } from '../../../domain/text.ts';
import { suggestUnitCode, uniqueCode } from '../../../domain/unit-code.ts';
import type { Executor } from '../../db/database.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { recordAudit } from '../audit/repository.ts';
import { unitForActor } from '../units/service.ts';
import * as repo from './repository.ts';
import { countsByTopic, detachDeletedFromTopic, liveQuestionCount } from '../questions/repository.ts';

export type BankAccess = 'use' | 'own';

/** Owners (bank.manage on the bank's unit) may change and share it; organisers of a unit it is shared with may use it. */
export async function bankForActor(db: Executor, actor: Actor, id: number, access: BankAccess) {
  const bank = await repo.findBank(db, id);
  if (!bank) throw fail('bank_not_found');
  const owns = can(actor, 'bank.manage', bank.unit_path);
  const shares = owns ? [] : await repo.sharesOf(db, [bank.id]);
  const uses = owns || shares.some((s) => can(actor, 'bank.manage', s.unit_path));
  if (!uses) throw fail('bank_not_found');
  if (access === 'own' && !owns) throw fail('forbidden', { action: 'thay đổi hoặc chia sẻ ngân hàng của đơn vị khác' });
  return { ...bank, owns };
}

export async function listBanks(ctx: AppContext, actor: Actor) {
  const scopes = scopeOf(actor, 'bank.manage');
  if (scopes.length === 0) throw fail('forbidden', { action: 'xem ngân hàng câu hỏi' });
  const banks = await repo.banksVisibleFrom(ctx.db, scopes);
  const ids = banks.map((b) => b.id);
  const [shares, topics] = await Promise.all([repo.sharesOf(ctx.db, ids), repo.topicCounts(ctx.db, ids)]);
  return banks.map((b) => ({
    id: b.id,
    code: b.code,
    name: b.name,
    description: b.description,
    unitId: b.unit_id,
    unitName: b.unit_name,
    active: b.active === 1,
    owns: can(actor, 'bank.manage', b.unit_path),
    topicCount: topics.get(b.id) ?? 0,
    sharedWith: shares.filter((s) => s.bank_id === b.id).map((s) => ({ unitId: s.unit_id, unitName: s.unit_name })),
  }));
}

/** Creates a bank owned by a unit; the command line passes a system actor. */
export async function createBank(
  ctx: AppContext,
  actor: Actor,
  input: { name: string; unitId: number; code?: string; description?: string | null },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await unitForActor(trx, actor, input.unitId, 'bank.manage');
    const name = normalizeText(input.name);
    if (!name) throw fail('bank_name_required');
    let code = input.code ? normalizeText(input.code).toUpperCase() : '';
    if (code && !/^[A-Z0-9][A-Z0-9._-]*$/.test(code)) {
      throw fail('invalid_bank_code');
    }
    if (code && (await repo.findBankByCode(trx, code))) throw fail('bank_code_taken', { code });
    if (!code) {
      const base = `NH-${suggestUnitCode(name)}`.slice(0, 24);
      const taken = new Set(
        (await trx.selectFrom('question_banks').select('code').where('code', 'like', `${base}%`).execute()).map((r) => r.code),
      );
      code = uniqueCode(base, (c) => taken.has(c));
    }
    const at = nowIso(ctx);
    const id = await repo.insertBank(trx, {
      code,
      name,
      description: input.description ? normalizeText(input.description) : null,
      unit_id: unit.id,
      created_by: actor.userId || null,
      at,
    });
    await recordAudit(trx, {
      at,
      actorUserId: actor.userId,
      action: 'bank.create',
      entityType: 'question_bank',
      entityId: id,
      unitId: unit.id,
      summary: `Tạo ngân hàng câu hỏi ${name} (${code}) của ${unit.name}`,
    });
    return { id, code };
  });
}

export async function updateBank(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { name?: string; description?: string | null; active?: boolean },
) {
  await ctx.db.transaction().execute(async (trx) => {
    const bank = await bankForActor(trx, actor, id, 'own');
    const name = input.name === undefined ? undefined : normalizeText(input.name);
    if (name === '') throw fail('bank_name_required');
    const at = nowIso(ctx);
    await repo.updateBank(trx, bank.id, {
      name,
      description: input.description === undefined ? undefined : input.description ? normalizeText(input.description) : null,
      active: input.active === undefined ? undefined : input.active ? 1 : 0,
      updated_at: at,
    });
    await recordAudit(trx, {
      at,
      actorUserId: actor.userId,
      action: 'bank.update',
      entityType: 'question_bank',
      entityId: bank.id,
      unitId: bank.unit_id,
      summary: `Cập nhật ngân hàng câu hỏi ${name ?? bank.name}`,
      details: input,
    });
  });
}

export async function shareBank(ctx: AppContext, actor: Actor, id: number, unitId: number, shared: boolean) {
  await ctx.db.transaction().execute(async (trx) => {
    const bank = await bankForActor(trx, actor, id, 'own');
    const unit = await trx.selectFrom('units').select(['id', 'name']).where('id', '=', unitId).executeTakeFirst();
    if (!unit) throw fail('unit_not_found');
    const at = nowIso(ctx);
    if (shared) {
      const existing = await repo.sharesOf(trx, [bank.id]);
      if (!existing.some((s) => s.unit_id === unit.id)) {
        await repo.insertShare(trx, { bank_id: bank.id, unit_id: unit.id, granted_by: actor.userId || null, created_at: at });
      }
    } else if (!(await repo.deleteShare(trx, bank.id, unit.id))) {
      throw fail('share_not_found');
    }
    await recordAudit(trx, {
      at,
      actorUserId: actor.userId,
      action: shared ? 'bank.share' : 'bank.unshare',
      entityType: 'question_bank',
      entityId: bank.id,
      unitId: bank.unit_id,
      summary: `${shared ? 'Chia sẻ' : 'Ngừng chia sẻ'} ngân hàng ${bank.name} ${shared ? 'với' : 'cho'} ban tổ chức của ${unit.name}`,
    });
  });
}

export async function listTopics(ctx: AppContext, actor: Actor, bankId: number) {
  const bank = await bankForActor(ctx.db, actor, bankId, 'use');
  const [topics, counts] = await Promise.all([repo.topicsOf(ctx.db, bank.id), countsByTopic(ctx.db, bank.id)]);
  const countsOf = (topicId: number | null) => {
    const rows = counts.filter((c) => c.topic_id === topicId);
    const by = (d: string | null) => rows.filter((c) => c.difficulty === d).reduce((n, c) => n + Number(c.n), 0);
    return {
      total: rows.reduce((n, c) => n + Number(c.n), 0),
      recognition: by('recognition'),
      comprehension: by('comprehension'),
      application: by('application'),
      unrated: by(null),
    };
  };
  return {
    items: topics.map((t) => ({ id: t.id, name: t.name, materialUrl: t.material_url, counts: countsOf(t.id) })),
    withoutTopic: countsOf(null),
  };
}

function cleanUrl(url: string | null | undefined): string | null {
  const value = url ? normalizeText(url) : '';
  if (!value) return null;
  if (!/^https?:\/\/\S+$/i.test(value)) throw fail('invalid_material_url');
  return value;
}

/** Finds a topic of the bank by name (case and diacritics aside), or creates it: imports call this per heading. */
export async function ensureTopic(db: Executor, ctx: AppContext, bankId: number, rawName: string, materialUrl?: string | null) {
  const name = normalizeText(rawName);
  if (!name) throw fail('topic_name_required');
  const existing = await repo.findTopicByName(db, bankId, fold(name));
  if (existing) return { id: existing.id, created: false };
  const id = await repo.insertTopic(db, {
    bank_id: bankId,
    name,
    name_folded: fold(name),
    material_url: cleanUrl(materialUrl),
    at: nowIso(ctx),
  });
  return { id, created: true };
}

export async function createTopic(ctx: AppContext, actor: Actor, bankId: number, input: { name: string; materialUrl?: string | null }) {
  return ctx.db.transaction().execute(async (trx) => {
    const bank = await bankForActor(trx, actor, bankId, 'use');
    const { id, created } = await ensureTopic(trx, ctx, bank.id, input.name, input.materialUrl);
    if (!created) throw fail('topic_exists', { owner: 'Ngân hàng', name: normalizeText(input.name) });
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'topic.create',
      entityType: 'topic',
      entityId: id,
      unitId: bank.unit_id,
      summary: `Thêm chuyên đề "${normalizeText(input.name)}" vào ngân hàng ${bank.name}`,
    });
    return { id };
  });
}

export async function updateTopic(ctx: AppContext, actor: Actor, topicId: number, input: { name?: string; materialUrl?: string | null }) {
  await ctx.db.transaction().execute(async (trx) => {
    const topic = await repo.findTopic(trx, topicId);
    if (!topic) throw fail('topic_not_found');
    const bank = await bankForActor(trx, actor, topic.bank_id, 'use');
    const name = input.name === undefined ? undefined : normalizeText(input.name);
    if (name === '') throw fail('topic_name_required');
    if (name) {
      const clash = await repo.findTopicByName(trx, bank.id, fold(name));
      if (clash && clash.id !== topic.id) throw fail('topic_exists', { owner: 'Ngân hàng', name });
    }
    const at = nowIso(ctx);
    await repo.updateTopic(trx, topic.id, {
      name,
      name_folded: name ? fold(name) : undefined,
      material_url: input.materialUrl === undefined ? undefined : cleanUrl(input.materialUrl),
      updated_at: at,
    });
    await recordAudit(trx, {
      at,
      actorUserId: actor.userId,
      action: 'topic.update',
      entityType: 'topic',
      entityId: topic.id,
      unitId: bank.unit_id,
      summary: `Sửa chuyên đề "${topic.name}"${name && name !== topic.name ? ` thành "${name}"` : ''}`,
    });
  });
}

/** Deletes a topic that no live question uses. */
export async function deleteTopic(ctx: AppContext, actor: Actor, topicId: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const topic = await repo.findTopic(trx, topicId);
    if (!topic) throw fail('topic_not_found');
    const bank = await bankForActor(trx, actor, topic.bank_id, 'use');
    const count = await liveQuestionCount(trx, topic.id);
    if (count > 0) {
      throw fail('topic_in_use', { name: topic.name, questions: count });
    }
    await detachDeletedFromTopic(trx, topic.id);
    await repo.deleteTopic(trx, topic.id);
    await recordAudit(trx, {
      at: nowIso(ctx),
      actorUserId: actor.userId,
      action: 'topic.delete',
      entityType: 'topic',
      entityId: topic.id,
      unitId: bank.unit_id,
      summary: `Xóa chuyên đề "${topic.name}" của ngân hàng ${bank.name}`,
    });
  });
}
