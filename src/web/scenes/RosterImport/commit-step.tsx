import { Button, Progress, Result, Typography } from 'antd';
import { formatCount } from '../../lib/format.ts';
import { progressOf, type ImportState } from './use-roster-import.ts';

interface Props {
  state: ImportState;
  onShowList: () => void;
  onAnother: () => void;
}

export function CommitStep({ state, onShowList, onAnother }: Props) {
  if (state.phase === 'done' && state.summary) {
    const s = state.summary;
    return (
      <Result
        status="success"
        title="Đã nhập xong"
        subTitle={[
          `${formatCount(s.created)} người mới`,
          `${formatCount(s.updated)} cập nhật`,
          `${formatCount(s.unchanged)} không đổi`,
          `${formatCount(s.unitsCreated)} đơn vị mới`,
        ].join(' · ')}
        extra={[
          <Button type="primary" key="list" onClick={onShowList}>
            Xem danh sách
          </Button>,
          <Button key="again" onClick={onAnother}>
            Nhập tệp khác
          </Button>,
        ]}
      />
    );
  }
  const progress = progressOf(state);
  return (
    <div style={{ maxWidth: 560, margin: '24px auto' }} aria-live="polite">
      <Typography.Paragraph>{progress.label} Vui lòng không đóng trang.</Typography.Paragraph>
      <Progress percent={progress.percent} status="active" aria-label={progress.label} />
    </div>
  );
}
