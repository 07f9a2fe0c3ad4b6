import { CheckOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useMemo } from 'react';
import type { QuestionImportPreview } from '../../api/banks.ts';
import { useIsPhone } from '../../hooks/useIsPhone.ts';
import { formatCount } from '../../lib/format.ts';
import { ImportedQuestionsList, ImportedQuestionsTable } from './imported-questions.tsx';
import { ProblemList } from './problem-list.tsx';
import { questionsWithProblem } from './use-question-import.ts';

interface Props {
  fileName: string;
  preview: QuestionImportPreview;
  selected: number[];
  onSelect: (numbers: number[]) => void;
  onToggle: (number: number, checked: boolean) => void;
  onRestart: () => void;
  onConfirm: () => void;
}

/** Step 2: what the file holds, its problems, and which questions to import. */
export function PreviewStep({ fileName, preview, selected, onSelect, onToggle, onRestart, onConfirm }: Props) {
  const isPhone = useIsPhone();
  const withProblem = useMemo(() => questionsWithProblem(preview), [preview]);
  const { problems } = preview;
  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">
        Tệp <strong>{fileName}</strong>: đọc được {formatCount(preview.questions.length)} câu hỏi
        {problems.length > 0 && `, ${formatCount(problems.length)} vấn đề`}.
      </Typography.Text>
      {problems.length > 0 && <ProblemList preview={preview} />}
      {preview.questions.length === 0 ? (
        <Alert type="error" showIcon title="Không đọc được câu hỏi nào trong tệp." />
      ) : isPhone ? (
        <ImportedQuestionsList preview={preview} selected={selected} withProblem={withProblem} onSelect={onSelect} onToggle={onToggle} />
      ) : (
        <ImportedQuestionsTable preview={preview} selected={selected} withProblem={withProblem} onSelect={onSelect} />
      )}
      <Flex gap={8} justify="flex-end" wrap>
        <Button icon={<ReloadOutlined />} onClick={onRestart}>
          Chọn tệp khác
        </Button>
        <Button type="primary" icon={<CheckOutlined />} disabled={selected.length === 0} onClick={onConfirm}>
          Nhập {formatCount(selected.length)} câu đã chọn
        </Button>
      </Flex>
    </Flex>
  );
}
