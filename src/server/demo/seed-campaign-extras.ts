/**
 * What makes the demo's summer campaign look used: attendance recorded at the sessions that have taken place (most
 * present, some late, a few absent with a reason, one session nobody marked yet) and a few materials (a PDF handout and
 * two links), so a newcomer sees rates, absentee lists and open counts at once.
 */
import PDFDocument from 'pdfkit';
import { Random } from '../../domain/demo/random.ts';
import { nowIso, type AppContext } from '../context.ts';
import { pdfToBuffer, registerVietnameseFonts } from '../files/pdf-fonts.ts';
import { fileStoreFor } from '../files/storage.ts';
import { insertMaterial } from '../modules/materials/repository.ts';

const ABSENCE_REASONS = ['Ốm, có giấy xin phép', 'Đi công tác theo quyết định của nhà trường', 'Việc gia đình, đã báo trước', null];

/** Today's date in Vietnam (UTC+7 all year), as the sessions store it. */
function vietnamDate(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export async function seedDemoCampaignExtras(ctx: AppContext, options: { seed?: number } = {}) {
  const campaign = await ctx.db.selectFrom('campaigns').select(['id', 'name']).orderBy('id').executeTakeFirst();
  if (!campaign) return { campaignId: null, marks: 0, materials: 0 };
  const random = new Random((options.seed ?? 2025) + 6);
  const at = nowIso(ctx);
  const today = vietnamDate(ctx.clock.now());
  const sessions = await ctx.db
    .selectFrom('training_sessions')
    .innerJoin('sites', 'sites.id', 'training_sessions.site_id')
    .select(['training_sessions.id', 'training_sessions.site_id', 'training_sessions.date', 'training_sessions.starts_at'])
    .where('sites.campaign_id', '=', campaign.id)
    .where('training_sessions.date', '<', today)
    .orderBy('training_sessions.date')
    .orderBy('training_sessions.starts_at')
    .orderBy('training_sessions.id')
    .execute();
  const participants = await ctx.db
    .selectFrom('site_participants')
    .select(['site_id', 'person_id'])
    .where('campaign_id', '=', campaign.id)
    .orderBy('person_id')
    .execute();
  // The last session of the last site is left for its proctor to mark: it shows as "chưa điểm danh".
  const unmarked = sessions.filter((s) => s.site_id === Math.max(...sessions.map((x) => x.site_id))).pop();
  const rows = sessions
    .filter((s) => s !== unmarked)
    .flatMap((session) =>
      participants
        .filter((p) => p.site_id === session.site_id)
        .map((p) => {
          const roll = random.next();
          const status = roll < 0.06 ? 'absent' : roll < 0.13 ? 'late' : 'present';
          return {
            session_id: session.id,
            person_id: p.person_id,
            status,
            note: null,
            via: status === 'present' && random.chance(0.4) ? 'self' : 'proctor',
            reason: status === 'absent' ? ABSENCE_REASONS[random.int(0, ABSENCE_REASONS.length - 1)] : null,
            marked_by: null,
            marked_at: new Date(Date.parse(`${session.date}T${session.starts_at}:00+07:00`) + random.int(0, 40) * 60_000).toISOString(),
          };
        }),
    );
  for (let i = 0; i < rows.length; i += 500)
    await ctx.db
      .insertInto('attendance')
      .values(rows.slice(i, i + 500))
      .execute();

  const topics = await ctx.db
    .selectFrom('campaign_topics')
    .select(['id', 'name'])
    .where('campaign_id', '=', campaign.id)
    .orderBy('id')
    .execute();
  const handout = await handoutPdf(
    campaign.name,
    topics.map((t) => t.name),
  );
  const key = await fileStoreFor(ctx.config.dataDir).put(handout);
  const materials = [
    {
      topic_id: topics[0]?.id ?? null,
      title: 'Đề cương tóm tắt các chuyên đề (bản in)',
      kind: 'file' as const,
      url: null,
      storage_key: key,
      file_name: 'de-cuong-boi-duong-he.pdf',
      content_type: 'application/pdf',
      size: handout.length,
    },
    {
      topic_id: topics[1]?.id ?? null,
      title: 'Video bài giảng chuyên đề (liên kết)',
      kind: 'link' as const,
      url: 'https://example.edu.vn/boi-duong/video-chuyen-de',
      storage_key: null,
      file_name: null,
      content_type: null,
      size: null,
    },
    {
      topic_id: topics[2]?.id ?? null,
      title: 'Báo cáo tình hình kinh tế – xã hội của tỉnh (trang thông tin)',
      kind: 'link' as const,
      url: 'https://example.edu.vn/boi-duong/kinh-te-xa-hoi',
      storage_key: null,
      file_name: null,
      content_type: null,
      size: null,
    },
  ];
  for (const m of materials)
    await insertMaterial(ctx.db, { campaign_id: campaign.id, event_id: null, created_by: null, created_at: at, ...m });
  return { campaignId: campaign.id, marks: rows.length, materials: materials.length };
}

async function handoutPdf(campaignName: string, topics: string[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: 'Đề cương tóm tắt' } });
  registerVietnameseFonts(doc);
  doc.font('Bold').fontSize(15).text('ĐỀ CƯƠNG TÓM TẮT CÁC CHUYÊN ĐỀ', { align: 'center' });
  doc.font('Body').fontSize(11).moveDown(0.3).text(campaignName, { align: 'center' }).moveDown(1.2);
  topics.forEach((topic, i) => {
    doc
      .font('Bold')
      .fontSize(12)
      .text(`Chuyên đề ${i + 1}. ${topic}`)
      .moveDown(0.3);
    doc
      .font('Body')
      .fontSize(11)
      .text(
        'Tài liệu mẫu của dữ liệu dùng thử: nội dung chính, câu hỏi gợi ý thảo luận và liên hệ với nhiệm vụ '
          + 'năm học của nhà trường. Học viên đọc trước khi dự lớp và trước bài khảo sát cuối đợt.',
      )
      .moveDown(1);
  });
  return pdfToBuffer(doc);
}
