import { App, Typography } from 'antd';
import { errorMessage } from '../api/client.ts';
import { trainingApi, type Material } from '../api/training.ts';

/** Opens a material: PDFs and images in a new tab (read in the browser), other files downloaded, links counted then opened. */
export function MaterialLink({ material }: { material: Material }) {
  const { message } = App.useApp();
  if (material.kind === 'link') {
    return (
      <Typography.Link
        onClick={() => {
          const tab = window.open('', '_blank');
          trainingApi.openLink(material.id).then(
            ({ url }) => {
              if (tab) {
                tab.opener = null;
                tab.location.href = url;
              } else window.location.href = url;
            },
            (err) => {
              tab?.close();
              message.error(errorMessage(err));
            },
          );
        }}
      >
        {material.title}
      </Typography.Link>
    );
  }
  const href = `/api/materials/${material.id}/file`;
  return material.inline ? (
    <Typography.Link href={href} target="_blank" rel="noopener">
      {material.title}
    </Typography.Link>
  ) : (
    <Typography.Link href={href} download={material.fileName ?? undefined}>
      {material.title}
    </Typography.Link>
  );
}
