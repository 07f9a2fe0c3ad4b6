import { act, renderHook, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorMessage as catalogueMessage } from '../../domain/errors/catalogue.ts';
import { banksApi } from '../api/banks.ts';
import { Providers } from '../test/render.tsx';
import { useAction, type ActionOptions } from './useAction.ts';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** fetch answering every call with the server's error body for a catalogue code. */
function serverAnswers(status: number, body: object) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })),
  );
}

const renderAction = (options?: ActionOptions) => renderHook(() => useAction(options), { wrapper: Providers });

describe('useAction', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(() => {
    process.off('unhandledRejection', onUnhandled);
    vi.unstubAllGlobals();
  });

  it('is pending while the call runs, then says it worked and gives the result', async () => {
    const { result } = renderAction();
    const call = deferred<number>();
    let returned!: Promise<number | undefined>;
    act(() => {
      returned = result.current.run(() => call.promise, { success: (n) => `Đã lưu ${n} câu hỏi.` });
    });
    expect(result.current.pending).toBe(true);
    await act(async () => {
      call.resolve(3);
      await returned;
    });
    expect(result.current.pending).toBe(false);
    await expect(returned).resolves.toBe(3);
    expect(await screen.findByText('Đã lưu 3 câu hỏi.')).toBeTruthy();
  });

  it('shows the Vietnamese message of the code the server answered, and gives undefined', async () => {
    serverAnswers(403, { code: 'forbidden', message: catalogueMessage('forbidden', { action: 'sửa ngân hàng này' }) });
    const { result } = renderAction();
    let returned: unknown = 'not yet';
    await act(async () => {
      returned = await result.current.run(() => banksApi.update(4, { name: 'Ngân hàng mới' }), { success: 'Đã lưu.' });
    });
    expect(returned).toBeUndefined();
    expect(result.current.pending).toBe(false);
    expect(await screen.findByText('Bạn không có quyền sửa ngân hàng này.')).toBeTruthy();
    expect(screen.queryByText('Đã lưu.')).toBeNull();
  });

  it("says the network is down in the catalogue's words when the server cannot be reached", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const { result } = renderAction();
    await act(async () => {
      await result.current.run(() => banksApi.list());
    });
    expect(await screen.findByText(catalogueMessage('network_error'))).toBeTruthy();
  });

  it('keeps the message for an Alert with errors: "inline", clears it when run again, and calls onError first', async () => {
    serverAnswers(404, { code: 'unit_not_found', message: catalogueMessage('unit_not_found') });
    const seen: unknown[] = [];
    const { result } = renderAction({ errors: 'inline' });
    await act(async () => {
      await result.current.run(() => banksApi.list(), { onError: (e) => seen.push(e) });
    });
    expect(result.current.error).toBe('Không tìm thấy đơn vị.');
    expect(seen).toEqual([expect.objectContaining({ code: 'unit_not_found', status: 404 })]);
    expect(screen.queryByText('Không tìm thấy đơn vị.')).toBeNull();

    const call = deferred<string>();
    act(() => {
      void result.current.run(() => call.promise);
    });
    expect(result.current.error).toBeNull();
    await act(async () => {
      call.resolve('ok');
      await call.promise;
    });
  });

  it('names the run in progress when given a key', async () => {
    const { result } = renderAction();
    const call = deferred<void>();
    act(() => {
      void result.current.run(() => call.promise, { key: 'pdf' });
    });
    expect(result.current.running).toBe('pdf');
    await act(async () => {
      call.resolve();
      await call.promise;
    });
    expect(result.current.running).toBeNull();
    expect(result.current.pending).toBe(false);
  });

  it('leaves no rejection unhandled, whether the call or what follows it throws', async () => {
    const { result } = renderAction();
    await act(async () => {
      // As a click handler does: nobody awaits the run.
      void result.current.run(async () => {
        throw new Error('boom');
      });
      void result.current.run(async () => 1, {
        success: () => {
          throw new Error('follow-up');
        },
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(unhandled).toEqual([]);
    expect(result.current.pending).toBe(false);
    expect(await screen.findAllByText(catalogueMessage('unexpected_error'))).toHaveLength(2);
  });
});
