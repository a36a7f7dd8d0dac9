// A hazard's photos, as found and as rectified; a click opens them large (antd's preview, no network).
import { Image, Skeleton } from 'antd'
import { useHazardPhotos } from '../../api/rentals'

export function HazardPhotos({ hazardId }: { hazardId: number }) {
  const photos = useHazardPhotos(hazardId)
  if (!photos.data) return <Skeleton.Image active style={{ width: 88, height: 66 }} />
  return (
    <div className="issue-photos">
      <Image.PreviewGroup>
        {photos.data.map((p) => (
          <figure key={p.id} className="rental-photo">
            <Image src={p.url} alt={p.fileName} width={88} height={66} data-testid="hazard-photo" />
            <figcaption>{p.stage}</figcaption>
          </figure>
        ))}
      </Image.PreviewGroup>
    </div>
  )
}
