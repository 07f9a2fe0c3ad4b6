import { DatabaseOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { banksApi, type Bank } from '../../api/banks.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { formatCount } from '../../lib/format.ts';
import { CreateBankModal } from './create-bank-modal.tsx';

const NO_BANKS: Bank[] = [];

/** The question banks the user's units own or were shared with. */
export default function BanksScene() {
  const navigate = useNavigate();
  const { data: banks, loading, error, reload } = useLoader(banksApi.list, NO_BANKS);
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title="Ngân hàng câu hỏi"
        subtitle="Câu hỏi trắc nghiệm theo chuyên đề, dùng để tạo bài khảo sát."
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            Tạo ngân hàng
          </Button>
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      {loading && banks.length === 0 && (
        <Card>
          <Skeleton active paragraph={{ rows: 4 }} />
        </Card>
      )}
      {!loading && banks.length === 0 && !error && (
        <Card>
          <Empty description="Chưa có ngân hàng câu hỏi nào.">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Tạo ngân hàng đầu tiên
            </Button>
          </Empty>
        </Card>
      )}
      {banks.length > 0 && (
        <ul className="bank-grid" aria-label="Danh sách ngân hàng câu hỏi">
          {banks.map((bank) => (
            <li key={bank.id}>
              <Card
                hoverable
                className={bank.active ? 'bank-card' : 'bank-card bank-card--inactive'}
                onClick={() => navigate(`/ngan-hang/${bank.id}`)}
              >
                <Space align="start" size={12} style={{ width: '100%' }}>
                  <DatabaseOutlined className="bank-card__icon" aria-hidden />
                  <div style={{ minWidth: 0, flex: 1 }}>
                    <Typography.Link
                      className="bank-card__name"
                      href={`/ngan-hang/${bank.id}`}
                      onClick={(e) => {
                        e.preventDefault();
                      }}
                    >
                      {bank.name}
                    </Typography.Link>
                    <div className="muted bank-card__meta">
                      Mã {bank.code} · {bank.unitName}
                    </div>
                    <Space size={[4, 4]} wrap style={{ marginTop: 8 }}>
                      <Tag>{formatCount(bank.topicCount)} chuyên đề</Tag>
                      {!bank.owns && <Tag color="purple">Được chia sẻ</Tag>}
                      {!bank.active && <Tag color="default">Ngừng sử dụng</Tag>}
                      {bank.owns && bank.sharedWith.length > 0 && (
                        <Tag color="cyan" title={bank.sharedWith.map((s) => s.unitName).join(', ')}>
                          Chia sẻ với {formatCount(bank.sharedWith.length)} đơn vị
                        </Tag>
                      )}
                    </Space>
                    {bank.description && (
                      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '8px 0 0' }}>
                        {bank.description}
                      </Typography.Paragraph>
                    )}
                  </div>
                </Space>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <CreateBankModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          void reload();
          navigate(`/ngan-hang/${id}`);
        }}
      />
    </>
  );
}
