import { ArrowLeftOutlined, CloudUploadOutlined, FilterOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Tag } from 'antd';
import { Link } from 'react-router';
import type { Bank } from '../../api/banks.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ExportMenu } from './export-menu.tsx';
import { ShareButton } from './share-modal.tsx';

interface Props {
  bankId: number;
  bank: Bank | null | undefined;
  error: string | null;
  isPhone: boolean;
  topicId: number | undefined;
  onTopics: () => void;
  onSettings: () => void;
  onShared: () => void;
  onImport: () => void;
}

/** The bank's name, code and unit, its actions (settings, share, export, import) and its state. */
export function BankHeader({ bankId, bank, error, isPhone, topicId, onTopics, onSettings, onShared, onImport }: Props) {
  return (
    <>
      <Link to="/ngan-hang" className="back-link">
        <ArrowLeftOutlined /> Ngân hàng câu hỏi
      </Link>
      <PageHeader
        title={bank?.name ?? 'Ngân hàng câu hỏi'}
        subtitle={
          bank ? (
            <Space size={[8, 4]} wrap>
              <span>Mã {bank.code}</span>
              <span>·</span>
              <span>{bank.unitName}</span>
              {!bank.owns && <Tag color="purple">Được chia sẻ</Tag>}
              {!bank.active && <Tag>Ngừng sử dụng</Tag>}
            </Space>
          ) : undefined
        }
        extra={
          <>
            {isPhone && (
              <Button icon={<FilterOutlined />} onClick={onTopics}>
                Chuyên đề
              </Button>
            )}
            {bank?.owns && (
              <Button icon={<SettingOutlined />} onClick={onSettings}>
                {isPhone ? 'Thông tin' : 'Thông tin ngân hàng'}
              </Button>
            )}
            {bank?.owns && <ShareButton bank={bank} onChanged={onShared} />}
            {bank && <ExportMenu bankId={bankId} bankCode={bank.code} topicId={topicId} />}
            <Button type="primary" icon={<CloudUploadOutlined />} onClick={onImport}>
              Nhập câu hỏi
            </Button>
          </>
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      {bank && !bank.active && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="Ngân hàng đã ngừng sử dụng: câu hỏi vẫn xem, sửa và xuất được, nhưng không dùng để tạo bài khảo sát mới."
        />
      )}
    </>
  );
}
