import { Button, Flex, Result, Spin } from 'antd';
import { formatCount } from '../../lib/format.ts';
import type { ImportState } from './use-question-import.ts';

interface Props {
  state: ImportState;
  onShowBank: () => void;
  onAnother: () => void;
}

/** Step 3: writing into the bank, then what was imported. */
export function CommitStep({ state, onShowBank, onAnother }: Props) {
  const { phase, summary } = state;
  if (phase === 'committing') {
    return (
      <Flex justify="center" style={{ padding: 32 }}>
        <Spin description="Đang ghi câu hỏi vào ngân hàng…" />
      </Flex>
    );
  }
  if (phase !== 'done' || !summary) return null;
  return (
    <Result
      status="success"
      title={`Đã nhập ${formatCount(summary.imported)} câu hỏi`}
      subTitle={[
        summary.topicsCreated ? `${formatCount(summary.topicsCreated)} chuyên đề mới` : null,
        `ngân hàng hiện có ${formatCount(summary.total)} câu`,
      ]
        .filter(Boolean)
        .join(' · ')}
      extra={[
        <Button type="primary" key="bank" onClick={onShowBank}>
          Về ngân hàng câu hỏi
        </Button>,
        <Button key="again" onClick={onAnother}>
          Nhập tệp khác
        </Button>,
      ]}
    />
  );
}
