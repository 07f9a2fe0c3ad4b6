import type { Material } from '../../api/training.ts';
import { scheduleApi } from './api.ts';
import { materialFacts } from './schedule.ts';

/**
 * One material as a plain link the phone handles itself (long press, share, its own PDF viewer): a PDF or an image opens
 * in a new tab, another file is downloaded — the file route counts the opening — and a link goes straight to its address
 * while its opening is counted on the side, so a slow network never holds the reader back.
 */
export function MaterialLink({ material }: { material: Material }) {
  const facts = [materialFacts(material), material.topicName].filter(Boolean).join(' · ');
  const action = material.kind === 'file' && !material.inline ? 'Tải về' : 'Mở';
  const body = (
    <>
      <span className="sc-material__title">{material.title}</span>
      <span className="sc-material__facts">{facts}</span>
      <span className="sc-material__action" aria-hidden="true">
        {action}
      </span>
    </>
  );
  if (material.kind === 'link') {
    return (
      <a
        className="sc-material"
        href={material.url ?? '#'}
        target="_blank"
        rel="noopener noreferrer"
        onClick={() => void scheduleApi.countLinkOpen(material.id).catch(() => undefined)}
      >
        {body}
      </a>
    );
  }
  const href = `/api/materials/${material.id}/file`;
  return material.inline ? (
    <a className="sc-material" href={href} target="_blank" rel="noopener">
      {body}
    </a>
  ) : (
    <a className="sc-material" href={href} download={material.fileName ?? ''}>
      {body}
    </a>
  );
}
