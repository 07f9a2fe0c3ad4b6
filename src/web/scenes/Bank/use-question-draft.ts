import { useCallback, useEffect, useReducer, useState } from 'react';
import type { RichBlock } from '../../../domain/question-bank/rich-text.ts';
import { banksApi, type QuestionDetail } from '../../api/banks.ts';
import { errorMessage } from '../../api/client.ts';
import { useAction } from '../../hooks/useAction.ts';
import { draftOf, draftReducer, editOf, EMPTY_DRAFT, stemBlocksOf } from './question-draft.ts';

export interface SaveResult {
  version: number;
  /** True when the question was used by a published assessment: the edit became a new version. */
  newVersion: boolean;
}

/** Loads a question into a draft each time questionId changes, and saves the draft. */
export function useQuestionDraft(questionId: number | null) {
  const [detail, setDetail] = useState<QuestionDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  /** The stem the rich input starts from (it owns its content afterwards). */
  const [initialStem, setInitialStem] = useState<RichBlock[]>([]);
  const [draft, dispatch] = useReducer(draftReducer, EMPTY_DRAFT);
  const [bankTags, setBankTags] = useState<string[]>([]);
  const { run, pending: saving, error: saveError, setError: setSaveError } = useAction({ errors: 'inline' });

  useEffect(() => {
    if (questionId === null) return;
    let live = true;
    setDetail(null);
    setLoadError(null);
    setSaveError(null);
    banksApi
      .question(questionId)
      .then((q) => {
        if (!live) return;
        setDetail(q);
        setInitialStem(stemBlocksOf(q));
        dispatch({ type: 'load', draft: draftOf(q) });
        banksApi
          .tags(q.bankId)
          .then((items) => live && setBankTags(items.map((t) => t.tag)))
          .catch(() => undefined);
      })
      .catch((err: unknown) => live && setLoadError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [questionId, setSaveError]);

  /** Sends the draft; the result, or null when the server refused it (saveError says why). */
  const save = useCallback(async (): Promise<SaveResult | null> => {
    if (questionId === null) return null;
    const result = await run(() => banksApi.editQuestion(questionId, editOf(draft)));
    return result ? { version: result.version, newVersion: result.newVersion } : null;
  }, [questionId, draft, run]);

  return { detail, loadError, initialStem, draft, dispatch, bankTags, saving, saveError, save };
}
