/** A spinner without the component library: shown while a lazy chunk loads. */
export function PageLoading({ label = 'Đang tải…' }: { label?: string }) {
  return (
    <div className="page-loading" role="status" aria-live="polite">
      <div className="page-loading__spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
