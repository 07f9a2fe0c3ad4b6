import { QrcodeOutlined } from '@ant-design/icons';
import { App, Button, Card, Collapse, Descriptions, Empty, Flex, List, Rate, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { Link } from 'react-router';
import { api, errorMessage } from '../../api/client.ts';
import { trainingApi, type MyTraining } from '../../api/training.ts';
import { MaterialLink } from '../../components/material-link.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { STATUS_COLORS, periodText, statusLabel, viDay } from '../../lib/training-format.ts';

interface MyClass {
  id: number;
  name: string;
  typeName: string;
  unitName: string;
  actualStart: string | null;
  actualEnd: string | null;
  completed: boolean;
  certificateNo: string | null;
  lecturers: { id: number; fullName: string; myScore: number | null }[];
}
const loadClasses = async () => (await api.get<{ items: MyClass[] }>('/api/my/classes')).items;

/** The participant's campaigns (site, schedule with own attendance, materials), lectures to give, classes attended. */
export function MyTrainingCards() {
  const { message } = App.useApp();
  const { data } = useLoader<MyTraining | null>(trainingApi.myTraining, null);
  const { data: classes, reload: reloadClasses } = useLoader(loadClasses, [] as MyClass[]);
  const rate = useCallback(
    (classId: number, lecturerId: number, score: number) => {
      api.post(`/api/classes/${classId}/evaluations`, { lecturerId, score }).then(
        () => {
          message.success('Đã ghi đánh giá.');
          void reloadClasses();
        },
        (err) => message.error(errorMessage(err)),
      );
    },
    [message, reloadClasses],
  );
  if (!data) return null;
  return (
    <>
      <Card
        title="Đợt bồi dưỡng của tôi"
        extra={
          <Link to="/cua-toi/diem-danh">
            <Button type="primary" icon={<QrcodeOutlined />}>
              Tự điểm danh
            </Button>
          </Link>
        }
      >
        {data.campaigns.length === 0 && <Empty description="Bạn chưa được xếp vào đợt bồi dưỡng nào." />}
        <Flex vertical gap={16}>
          {data.campaigns.map((c) => (
            <section key={c.id} className="my-campaign">
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {c.name}
              </Typography.Title>
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'time', label: 'Thời gian', children: periodText(c.startsOn, c.endsOn) },
                  { key: 'site', label: 'Điểm cầu', children: `${c.site.name}${c.site.address ? ` — ${c.site.address}` : ''}` },
                  ...(c.site.onlineUrl
                    ? [
                        {
                          key: 'online',
                          label: 'Trực tuyến',
                          children: (
                            <a href={c.site.onlineUrl} target="_blank" rel="noopener noreferrer">
                              {c.site.onlineUrl}
                            </a>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
              <Collapse
                size="small"
                defaultActiveKey={['schedule']}
                items={[
                  {
                    key: 'schedule',
                    label: `Lịch học (${c.sessions.length} buổi)`,
                    children: (
                      <List
                        size="small"
                        dataSource={c.sessions}
                        locale={{ emptyText: 'Chưa có lịch.' }}
                        renderItem={(s) => (
                          <List.Item extra={s.myStatus ? <Tag color={STATUS_COLORS[s.myStatus]}>{statusLabel(s.myStatus)}</Tag> : null}>
                            <List.Item.Meta
                              title={`${viDay(s.date)}, ${s.startsAt}–${s.endsAt}`}
                              description={[s.topicName, s.lecturerName && `Báo cáo viên: ${s.lecturerName}`].filter(Boolean).join(' · ')}
                            />
                          </List.Item>
                        )}
                      />
                    ),
                  },
                  {
                    key: 'materials',
                    label: `Tài liệu (${c.materials.length})`,
                    children: (
                      <List
                        size="small"
                        dataSource={c.materials}
                        locale={{ emptyText: 'Chưa có tài liệu.' }}
                        renderItem={(m) => (
                          <List.Item>
                            <List.Item.Meta title={<MaterialLink material={m} />} description={m.topicName ?? undefined} />
                          </List.Item>
                        )}
                      />
                    ),
                  },
                ]}
              />
            </section>
          ))}
        </Flex>
      </Card>
      {data.proctoring.length > 0 && (
        <Card title="Điểm cầu tôi giám sát">
          <List
            dataSource={data.proctoring}
            renderItem={(p) => (
              <List.Item
                actions={[
                  <Link key="go" to="/diem-danh">
                    Điểm danh
                  </Link>,
                ]}
              >
                <List.Item.Meta title={p.siteName} description={`${p.campaignName} · ${p.sessions.length} buổi`} />
              </List.Item>
            )}
          />
        </Card>
      )}
      {data.lecturing.length > 0 && (
        <Card title="Lịch giảng của tôi">
          <List
            dataSource={data.lecturing}
            renderItem={(s) => (
              <List.Item>
                <List.Item.Meta
                  title={`${viDay(s.date)}, ${s.startsAt}–${s.endsAt} · ${s.siteName}`}
                  description={[s.topicName, s.campaignName, s.address].filter(Boolean).join(' · ')}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      {classes.length > 0 && (
        <Card title="Lớp bồi dưỡng đã học">
          <List
            dataSource={classes}
            renderItem={(c) => (
              <List.Item>
                <div style={{ width: '100%' }}>
                  <Typography.Text strong>{c.name}</Typography.Text>
                  <div className="muted">
                    {c.unitName} ·{' '}
                    {c.completed ? `Hoàn thành${c.certificateNo ? `, chứng chỉ số ${c.certificateNo}` : ''}` : 'Chưa hoàn thành'}
                  </div>
                  {c.lecturers.map((l) => (
                    <Flex key={l.id} gap={8} align="center" wrap>
                      <span>Đánh giá giảng viên {l.fullName}:</span>
                      <Rate value={l.myScore ?? 0} onChange={(v) => v && rate(c.id, l.id, v)} aria-label={`Đánh giá ${l.fullName}`} />
                    </Flex>
                  ))}
                </div>
              </List.Item>
            )}
          />
        </Card>
      )}
    </>
  );
}
