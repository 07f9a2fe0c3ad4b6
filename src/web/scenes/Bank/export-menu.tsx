import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { downloadFile, errorMessage } from '../../api/client.ts';

/** Every format but QTI is read back by "Nhập câu hỏi"; the label says what each one leaves out. */
const FORMATS = [
  { key: 'docx', label: 'Word (.docx) — nhập lại được, đủ hình ảnh và bảng' },
  { key: 'xlsx', label: 'Excel (.xlsx) — nhập lại được, không kèm hình ảnh, bảng' },
  { key: 'gift', label: 'GIFT (Moodle) — nhập lại được, không kèm hình ảnh, mức độ' },
  { key: 'aiken', label: 'Aiken (.txt) — chỉ câu hỏi, phương án, đáp án' },
  { key: 'qti', label: 'IMS QTI 2.1 (.zip) — cho hệ thống khác' },
];

/** The server's notice of what the format could not carry (percent-encoded UTF-8), or null. */
function exportNotice(headers: Headers): string | null {
  const raw = headers.get('x-export-notice');
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** "Xuất" menu: the whole bank, or the selected topic, in each export format. */
export function ExportMenu({ bankId, bankCode, topicId }: { bankId: number; bankCode: string; topicId?: number }) {
  const { message, notification } = App.useApp();
  const handleExport = async (format: string) => {
    const query = new URLSearchParams({ format, ...(topicId ? { topicId: String(topicId) } : {}) });
    try {
      const { fileName, headers } = await downloadFile(`/api/banks/${bankId}/export?${query}`, { fallbackName: `${bankCode}.${format}` });
      const notice = exportNotice(headers);
      if (notice) notification.warning({ title: `Đã tải ${fileName}`, description: notice, duration: 0 });
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  return (
    <Dropdown menu={{ items: FORMATS, onClick: ({ key }) => void handleExport(key) }} trigger={['click']}>
      <Button icon={<DownloadOutlined />}>{topicId ? 'Xuất chuyên đề' : 'Xuất ngân hàng'}</Button>
    </Dropdown>
  );
}
