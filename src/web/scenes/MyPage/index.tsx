import { Alert, Card, Descriptions, Empty, Flex, Skeleton, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { peopleApi, type PersonDetail } from '../../api/people.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { PersonDescriptions } from '../../components/person-descriptions.tsx';
import { useSignedIn } from '../../hooks/useMe.ts';
import { useIsPhone } from '../../hooks/useIsPhone.ts';
import { MyTrainingCards } from './my-training.tsx';

export default function MyPageScene() {
  const { me } = useSignedIn();
  const isPhone = useIsPhone();
  const [person, setPerson] = useState<PersonDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (me.personId === null) return;
    peopleApi.get(me.personId).then(setPerson, (err) => setError(errorMessage(err)));
  }, [me.personId]);

  return (
    <>
      <PageHeader title="Trang của tôi" subtitle={`Xin chào, ${me.displayName}.`} />
      <Flex vertical gap={16}>
        <Card title="Thông tin cá nhân">
          {me.personId === null && <Empty description="Tài khoản này không gắn với hồ sơ nhân sự nào." />}
          {error && <Alert type="error" showIcon title={error} />}
          {me.personId !== null && !person && !error && <Skeleton active paragraph={{ rows: 8 }} />}
          {person && <PersonDescriptions person={person} column={isPhone ? 1 : 2} />}
          <Descriptions
            size="small"
            column={1}
            style={{ marginTop: 16 }}
            items={[
              { key: 'username', label: 'Tên đăng nhập', children: me.username },
              {
                key: 'roles',
                label: 'Vai trò',
                children: me.grants.length ? (
                  <Flex gap={4} wrap>
                    {me.grants.map((g) => (
                      <Tag key={`${g.role}-${g.unitId}`} color="geekblue">
                        {g.roleLabel} — {g.unitName}
                      </Tag>
                    ))}
                  </Flex>
                ) : (
                  'Học viên'
                ),
              },
            ]}
          />
        </Card>
        <MyTrainingCards />
        <Card title="Bài khảo sát của tôi">
          <Empty description="Chưa có bài khảo sát nào." />
        </Card>
      </Flex>
    </>
  );
}
