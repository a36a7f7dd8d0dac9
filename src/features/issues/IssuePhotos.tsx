// The photos of an issue as thumbnails; a click opens them large (antd's preview, no network).
import { Image, Skeleton } from 'antd'
import { useIssuePhoto } from '../../api/issues'

function Photo({ id, name }: { id: number; name: string }) {
  const url = useIssuePhoto(id)
  if (!url.data) return <Skeleton.Image active style={{ width: 88, height: 66 }} />
  return <Image src={url.data} alt={name} width={88} height={66} data-testid="issue-photo" />
}

export function IssuePhotos({ photos }: { photos: { id: number; fileName: string }[] }) {
  if (photos.length === 0) return null
  return (
    <div className="issue-photos">
      <Image.PreviewGroup>
        {photos.map((p) => (
          <Photo key={p.id} id={p.id} name={p.fileName} />
        ))}
      </Image.PreviewGroup>
    </div>
  )
}
