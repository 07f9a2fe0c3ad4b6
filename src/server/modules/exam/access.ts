import type { Actor } from '../../../domain/roles.ts';
import type { AppContext } from '../../context.ts';
import { fail } from '../../errors.ts';
import { attemptFacts, type AttemptFacts } from './content.ts';

export function requirePerson(actor: Actor): number {
  if (actor.personId === null) {
    throw fail('forbidden', { action: 'làm bài khảo sát: tài khoản này không gắn với một người trong danh sách cán bộ, giáo viên' });
  }
  return actor.personId;
}

/** The attempt if it is the actor's own; 404 otherwise, so attempt ids reveal nothing. */
export async function ownAttempt(ctx: AppContext, actor: Actor, attemptId: number): Promise<AttemptFacts> {
  const personId = requirePerson(actor);
  const facts = await attemptFacts(ctx.db, attemptId);
  if (!facts || facts.personId !== personId) throw fail('attempt_not_found');
  return facts;
}

/** The actor's own attempt that this server takes answers for: not one a site's edge server holds. */
export async function ownAnsweringAttempt(ctx: AppContext, actor: Actor, attemptId: number): Promise<AttemptFacts> {
  const facts = await ownAttempt(ctx, actor, attemptId);
  if (facts.onEdge) throw fail('attempt_on_edge', {});
  return facts;
}
