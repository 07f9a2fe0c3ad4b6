import { Alert, Card, Empty, Flex, List, Skeleton } from 'antd';
import { Link } from 'react-router';
import { trainingApi, type MyTraining } from '../../api/training.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { viDay } from '../../lib/training-format.ts';

/** The sites a proctor watches, with their sessions to mark. */
export default function ProctoringScene() {
  const { data, error, loading } = useLoader<MyTraining | null>(trainingApi.myTraining, null);
  return (
    <>
      <PageHeader title="Điểm danh" subtitle="Các điểm cầu bạn được phân công giám sát." />
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      {loading && !data && (
        <Card>
          <Skeleton active />
        </Card>
      )}
      {data && data.proctoring.length === 0 && (
        <Card>
          <Empty description="Bạn chưa được phân công giám sát điểm cầu nào." />
        </Card>
      )}
      <Flex vertical gap={12}>
        {data?.proctoring.map((p) => (
          <Card key={p.siteId} title={p.siteName} extra={<span className="muted">{p.campaignName}</span>}>
            <List
              dataSource={p.sessions}
              locale={{ emptyText: 'Chưa có buổi học.' }}
              renderItem={(s) => (
                <List.Item
                  actions={[
                    <Link key="mark" to={`/diem-danh/buoi/${s.id}`}>
                      Điểm danh
                    </Link>,
                  ]}
                >
                  <List.Item.Meta title={`${viDay(s.date)}, ${s.startsAt}–${s.endsAt}`} description={s.topicName ?? ''} />
                </List.Item>
              )}
            />
          </Card>
        ))}
      </Flex>
    </>
  );
}
