import { InboxOutlined } from '@ant-design/icons';
import { App, Progress, Spin, Typography, Upload } from 'antd';
import type { ImportState } from './use-question-import.ts';

const ACCEPT = '.docx,.xlsx,.gift,.txt';

interface Props {
  state: ImportState;
  onFile: (file: File) => void;
}

/** Step 1: drop a Word, Excel, GIFT or Aiken file; the bar shows the upload, then the check. */
export function ChooseFileStep({ state, onFile }: Props) {
  const { message } = App.useApp();
  const { phase, fileName, uploadPercent } = state;
  return (
    <div style={{ maxWidth: 760 }}>
      <Spin
        spinning={phase === 'uploading'}
        description={uploadPercent < 100 ? `Đang tải ${fileName} lên…` : `Đang đọc và kiểm tra ${fileName}…`}
      >
        <Upload.Dragger
          accept={ACCEPT}
          multiple={false}
          showUploadList={false}
          disabled={phase === 'uploading'}
          beforeUpload={(file) => {
            if (!/\.(docx|xlsx|gift|txt)$/i.test(file.name)) {
              message.error('Chỉ nhận tệp .docx, .xlsx, .gift hoặc .txt.');
              return Upload.LIST_IGNORE;
            }
            onFile(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">Kéo tệp Word, Excel, GIFT hoặc Aiken vào đây</p>
          <p className="ant-upload-hint">hoặc bấm để chọn tệp (.docx, .xlsx, .gift, .txt). Chưa ghi gì cho đến khi bạn xác nhận.</p>
        </Upload.Dragger>
      </Spin>
      {phase === 'uploading' && (
        <Progress
          percent={uploadPercent}
          status="active"
          aria-label="Tiến độ tải tệp lên"
          style={{ marginTop: 12 }}
          format={(p) => (p !== undefined && p >= 100 ? 'Đang kiểm tra' : `${p ?? 0}%`)}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        Mỗi câu có nội dung và từ 2 đến 8 phương án, đúng một phương án được đánh dấu là đáp án. Chuyên đề trong tệp (ví dụ dòng{' '}
        <Typography.Text code>$CATEGORY: Tên chuyên đề</Typography.Text> của GIFT) chưa có sẽ được tạo mới.
      </Typography.Paragraph>
    </div>
  );
}
