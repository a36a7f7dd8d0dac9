// Up to 9 photos for a new issue, read in the browser and sent as base64 (the core checks what
// they really are and stores each once by its content hash).
import { Upload } from 'antd'
import { PlusOutlined } from '@ant-design/icons'
import type { UploadFile } from 'antd'
import { readAsBase64 } from '../features/imports/readFile'

export type PickedPhoto = { fileName: string; mimeType: string; contentBase64: string }
export const maxPhotos = 9

export function PhotoPicker({ value = [], onChange }: { value?: UploadFile[]; onChange?: (files: UploadFile[]) => void }) {
  return (
    <Upload
      listType="picture-card"
      accept="image/jpeg,image/png,image/webp"
      multiple
      fileList={value}
      beforeUpload={() => false}
      onChange={({ fileList }) => onChange?.(fileList.slice(0, maxPhotos))}
      data-testid="photo-picker"
    >
      {value.length < maxPhotos && (
        <div>
          <PlusOutlined />
          <div style={{ marginTop: 4 }}>照片</div>
        </div>
      )}
    </Upload>
  )
}

/** The picked files as the API takes them; too large ones are named in the error. */
export async function pickedPhotos(files: UploadFile[] = []): Promise<PickedPhoto[]> {
  const big = files.find((f) => (f.size ?? 0) > 10 * 1024 * 1024)
  if (big) throw new Error(`照片“${big.name}”超过 10 MB，请压缩后再上传`)
  return Promise.all(files.map(async (f) => ({ fileName: f.name, mimeType: f.type ?? '', contentBase64: await readAsBase64(f.originFileObj as File) })))
}
