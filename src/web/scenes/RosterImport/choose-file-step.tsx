import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { rosterApi } from '../../api/roster.ts';
import { UnitTreeSelect } from '../../components/unit-tree-select.tsx';
import type { UnitForest, UnitNode } from '../../lib/unit-tree.ts';
import { progressOf, type ImportState } from './use-roster-import.ts';

interface Props {
  state: ImportState;
  forest: UnitForest;
  underUnitId: number | null;
  onUnitChange: (id: number) => void;
  canWriteAt: (unit: UnitNode) => boolean;
  onFile: (file: File) => void;
}

export function ChooseFileStep({ state, forest, underUnitId, onUnitChange, canWriteAt, onFile }: Props) {
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState(false);
  const busy = state.phase === 'uploading';
  const progress = progressOf(state);

  const handleTemplate = async () => {
    setDownloading(true);
    try {
      await rosterApi.downloadTemplate();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <div style={{ maxWidth: 720 }}>
      <Form layout="vertical">
        <Form.Item
          label="Nhập vào đơn vị"
          htmlFor="import-under-unit"
          extra="Người trong tệp được xếp vào các đơn vị trực thuộc đơn vị này theo cột Đơn vị (và Xã/phường). Đơn vị chưa có sẽ được tạo mới."
        >
          <UnitTreeSelect
            id="import-under-unit"
            aria-label="Nhập vào đơn vị"
            forest={forest}
            value={underUnitId}
            onChange={onUnitChange}
            disabled={(u) => !canWriteAt(u)}
          />
        </Form.Item>
      </Form>
      <Typography.Paragraph>
        Dùng tệp Excel (.xlsx) theo mẫu: mỗi dòng một người, có Họ và tên, Ngày sinh, Mã định danh hoặc Số CCCD, Đơn vị, Chức vụ…{' '}
        <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void handleTemplate()}>
          Tải tệp mẫu
        </Button>
      </Typography.Paragraph>
      {state.error && <Alert type="error" showIcon title={state.error} style={{ marginBottom: 16 }} role="alert" />}
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        disabled={busy || !underUnitId}
        beforeUpload={(file) => {
          if (!/\.xlsx$/i.test(file.name)) {
            message.error('Chỉ nhận tệp Excel .xlsx (nếu là .xls, hãy mở bằng Excel và lưu lại dạng .xlsx).');
            return Upload.LIST_IGNORE;
          }
          onFile(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">Kéo tệp Excel vào đây hoặc bấm để chọn</p>
        <p className="ant-upload-hint">Chỉ nhận tệp .xlsx, tối đa 20 MB. Chưa ghi gì cho đến khi bạn xác nhận ở bước sau.</p>
      </Upload.Dragger>
      {busy && (
        <div style={{ marginTop: 16 }} aria-live="polite">
          <Typography.Text>
            {state.fileName}: {progress.label}
          </Typography.Text>
          <Progress percent={progress.percent} status="active" aria-label={progress.label} />
        </div>
      )}
    </div>
  );
}
