import { App } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '../api/client.ts';

export interface RunOptions<T> {
  /** The toast once it worked: a text, or one made from the result. */
  success?: string | ((result: T) => string);
  /** Names this run, so a page with several buttons knows which one spins (`running`). */
  key?: string;
  /** Called with the error before it is shown (a form marks the field the server named). */
  onError?: (error: unknown) => void;
}

export interface ActionOptions {
  /** Where a failure's Vietnamese message goes: a toast (default), or `error` for an Alert inside a form or modal. */
  errors?: 'toast' | 'inline';
}

export interface Action {
  /**
   * Runs a call to the server: `pending` while it runs, the success toast after, the error's message (the server's
   * Vietnamese sentence for its catalogue code, domain/errors/catalogue.ts) if it fails. Never rejects: the result,
   * or undefined when it failed.
   */
  run: <T>(action: () => Promise<T>, options?: RunOptions<T>) => Promise<T | undefined>;
  pending: boolean;
  /** The key of the run in progress, if it was given one. */
  running: string | null;
  /** The last failure's message with `errors: 'inline'` (cleared when a run starts). */
  error: string | null;
  setError: (error: string | null) => void;
}

type Message = ReturnType<typeof App.useApp>['message'];

/** Outside antd's App (a hook rendered on its own) there is nothing to show a toast with: never a throw from here. */
function toast(message: Message, kind: 'success' | 'error', text: string): void {
  const show = message[kind] as ((text: string) => unknown) | undefined;
  show?.(text);
}

/** The one shape of "save, say it worked or say why not" in the staff pages. */
export function useAction(options: ActionOptions = {}): Action {
  const { message } = App.useApp();
  const inline = options.errors === 'inline';
  const [count, setCount] = useState(0);
  const [running, setRunning] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  const run = useCallback(
    async <T>(action: () => Promise<T>, runOptions: RunOptions<T> = {}): Promise<T | undefined> => {
      const ticket = ++latest.current;
      setCount((n) => n + 1);
      setRunning(runOptions.key ?? null);
      if (inline) setError(null);
      try {
        const result = await action();
        const { success } = runOptions;
        if (success !== undefined) toast(message, 'success', typeof success === 'function' ? success(result) : success);
        return result;
      } catch (err) {
        runOptions.onError?.(err);
        if (inline) setError(errorMessage(err));
        else toast(message, 'error', errorMessage(err));
        return undefined;
      } finally {
        setCount((n) => n - 1);
        if (ticket === latest.current) setRunning(null);
      }
    },
    [message, inline],
  );

  return { run, pending: count > 0, running, error, setError };
}
