import { checkinState, type AttendanceStatus } from '../../../domain/training/attendance.ts';
import type { Actor } from '../../../domain/roles.ts';
import type { AppContext } from '../../context.ts';
import { materialsOf } from '../materials/repository.ts';
import { materialView } from '../materials/service.ts';
import { sessionsOf } from '../sites/repository.ts';
import { sessionView } from '../sites/service.ts';
import * as repo from './repository.ts';

/** What a person sees of the training: their campaigns (site, schedule with own attendance, materials), sites they watch, sessions they teach. */
export async function myTraining(ctx: AppContext, actor: Actor) {
  const now = ctx.clock.now();
  const serverNow = now.toISOString();
  if (actor.personId === null) return { serverNow, campaigns: [], proctoring: [], lecturing: [] };
  const personId = actor.personId;
  const [assignments, proctored, lecturing, classLectures] = await Promise.all([
    repo.myAssignments(ctx.db, personId),
    repo.proctoredSites(ctx.db, personId),
    repo.lecturingSessions(ctx.db, personId),
    repo.lecturingClassSessions(ctx.db, personId),
  ]);
  const sessions = await sessionsOf(ctx.db, [...new Set([...assignments.map((a) => a.site_id), ...proctored.map((p) => p.site_id)])]);
  const marks = new Map(
    (
      await repo.myMarks(
        ctx.db,
        personId,
        sessions.map((s) => s.id),
      )
    ).map((m) => [m.session_id, m.status]),
  );
  const campaigns = [];
  for (const a of assignments) {
    const materials = await materialsOf(ctx.db, { campaignId: a.campaign_id });
    campaigns.push({
      id: a.campaign_id,
      name: a.campaign_name,
      schoolYear: a.school_year,
      startsOn: a.starts_on,
      endsOn: a.ends_on,
      site: { id: a.site_id, name: a.site_name, address: a.address, onlineUrl: a.online_url },
      sessions: sessions
        .filter((s) => s.site_id === a.site_id)
        .map((s) => ({
          ...sessionView(s),
          myStatus: (marks.get(s.id) ?? null) as AttendanceStatus | null,
          checkinOpen: s.checkin_code !== null && checkinState({ date: s.date, startsAt: s.starts_at, endsAt: s.ends_at }, now) === 'open',
        })),
      materials: materials.map((m) => materialView(m, false)),
    });
  }
  return {
    serverNow,
    campaigns,
    proctoring: proctored.map((p) => ({
      siteId: p.site_id,
      siteName: p.site_name,
      campaignId: p.campaign_id,
      campaignName: p.campaign_name,
      sessions: sessions.filter((s) => s.site_id === p.site_id).map(sessionView),
    })),
    lecturing: [
      ...lecturing.map((s) => ({
        sessionId: s.id,
        date: s.date,
        startsAt: s.starts_at,
        endsAt: s.ends_at,
        siteName: s.site_name,
        address: s.address,
        onlineUrl: s.online_url,
        campaignId: s.campaign_id as number | null,
        campaignName: s.campaign_name,
        topicName: s.topic_name,
      })),
      // A class session is a half-day: shown as the usual morning / afternoon hours.
      ...classLectures.map((s) => ({
        sessionId: s.id,
        date: s.date,
        startsAt: s.half === 'morning' ? '07:30' : '13:30',
        endsAt: s.half === 'morning' ? '11:30' : '17:00',
        siteName: s.unit_name,
        address: s.location,
        onlineUrl: null,
        campaignId: null,
        campaignName: s.class_name,
        topicName: s.topic,
      })),
    ].sort((a, b) => a.date.localeCompare(b.date) || a.startsAt.localeCompare(b.startsAt)),
  };
}
