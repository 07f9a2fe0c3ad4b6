import { Alert } from 'antd';
import type { QuestionImportPreview } from '../../api/banks.ts';
import { formatCount } from '../../lib/format.ts';

const SHOWN_PROBLEMS = 30;

/** The file's problems, the first 30 listed; a question that could not be read is said to be left out. */
export function ProblemList({ preview }: { preview: QuestionImportPreview }) {
  const { problems } = preview;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={`Có ${formatCount(problems.length)} vấn đề cần xem lại`}
      description={
        <>
          <div>Câu có vấn đề không được chọn sẵn — bạn vẫn có thể chọn nếu thấy đúng. Câu không đọc được thì không có trong danh sách.</div>
          <ul className="problem-list">
            {problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
              <li key={i}>
                {p.question !== null ? `Câu ${p.question} (dòng ${p.line})` : `Dòng ${p.line}`}: {p.message}
                {p.question !== null && !preview.questions.some((q) => q.number === p.question) && (
                  <span className="muted"> — câu này không được nhập</span>
                )}
              </li>
            ))}
            {problems.length > SHOWN_PROBLEMS && <li>… và {formatCount(problems.length - SHOWN_PROBLEMS)} vấn đề khác</li>}
          </ul>
        </>
      }
    />
  );
}
