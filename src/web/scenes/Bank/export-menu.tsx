import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { downloadFile, errorMessage } from '../../api/client.ts';

const FORMATS = [
  { key: 'docx', label: 'Word (.docx) — nhập lại được' },
  { key: 'xlsx', label: 'Excel (.xlsx)' },
  { key: 'gift', label: 'GIFT (Moodle)' },
  { key: 'aiken', label: 'Aiken (.txt)' },
  { key: 'qti', label: 'IMS QTI 2.1 (.zip)' },
];

/** "Xuất" menu: the whole bank, or the selected topic, in each export format. */
export function ExportMenu({ bankId, bankCode, topicId }: { bankId: number; bankCode: string; topicId?: number }) {
  const { message } = App.useApp();
  const handleExport = async (format: string) => {
    const query = new URLSearchParams({ format, ...(topicId ? { topicId: String(topicId) } : {}) });
    try {
      await downloadFile(`/api/banks/${bankId}/export?${query}`, { fallbackName: `${bankCode}.${format}` });
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
