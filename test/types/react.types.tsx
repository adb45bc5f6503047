/**
 * Compile-time checks of the React typings (type-checked by `npm run typecheck`, never
 * run): the raw tags in React 19 JSX (`JSX.IntrinsicElements`, declared by
 * `deeplake-elements/react`) and the wrappers' props and typed event props. Without the
 * declarations the valid lines fail (`'deeplake-uploader' does not exist on type
 * JSX.IntrinsicElements`, implicitly-any handler parameters); with loose ones the
 * `@ts-expect-error` lines do.
 */
import { useRef, useState } from 'react';
import type { DeepLakeClient, FileInfo } from '../../src/client/index.js';
import type { DeepLakeFile as FileElement, DeepLakeUploader as UploaderElement, UploadItem } from '../../src/index.js';
import { DeepLakeFile, DeepLakeUploader, type DeepLakeFileProps, type DeepLakeUploaderProps } from '../../src/react.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assert = <T extends true>(): T => true as T;

declare const client: DeepLakeClient;

// What a template may set: every attribute's property and the object ones, nothing read-only.
assert<
  Equal<
    keyof DeepLakeUploaderProps,
    | 'workspace'
    | 'apiUrl'
    | 'name'
    | 'multiple'
    | 'accept'
    | 'maxFileSize'
    | 'maxFiles'
    | 'concurrency'
    | 'retries'
    | 'stallTimeout'
    | 'manual'
    | 'transport'
    | 'tusEndpoint'
    | 'chunkSize'
    | 'required'
    | 'disabled'
    | 'uploadOnSubmit'
    | 'deleteOnRemove'
    | 'imageMax'
    | 'imageQuality'
    | 'imageType'
    | 'stripMetadata'
    | 'capture'
    | 'tokenProvider'
    | 'client'
    | 'strings'
  >
>();
assert<Equal<Pick<DeepLakeFileProps, 'fileId' | 'client' | 'resolveUrl' | 'loading'>, Partial<Pick<FileElement, 'fileId' | 'client' | 'resolveUrl' | 'loading'>>>>();

// Not formatted: README.md is not (.prettierignore), and this stays its copy (test/node/readme-snippets.test.ts).
// prettier-ignore
// The README's React 19 raw-tag snippet, as written there.
export function TripForm({ client, save }: { client: DeepLakeClient; save: (ids: FormDataEntryValue[]) => void }) {
  return (
    <form onSubmit={(e) => {
      e.preventDefault();
      save(new FormData(e.currentTarget).getAll('attachments'));
    }}>
      <deeplake-uploader name="attachments" multiple required client={client}
        ondeeplake-success={(e) => console.log('stored', e.detail.info.id)} />
      <button>Save</button>
    </form>
  );
}

export function RawTags() {
  const ref = useRef<UploaderElement>(null);
  const [id, setId] = useState('');
  return (
    <>
      <deeplake-uploader
        ref={ref}
        accept="image/*"
        max-files="3"
        maxFileSize={1024}
        transport="tus"
        tokenProvider={() => 'token'}
        strings={{ browse: 'pick files' }}
        className="cover"
        ondeeplake-success={(e) => {
          assert<Equal<typeof e.detail.info, FileInfo>>();
          setId(e.detail.info.id);
        }}
        ondeeplake-reject={(e) => console.warn(e.detail.reason, e.detail.message)}
      >
        <small>Images only</small>
      </deeplake-uploader>
      <deeplake-file fileId={id} alt="Cover" loading="eager" resolveUrl={(fileId) => `/media/${fileId}`} ondeeplake-load={(e) => e.detail.info.size} />
      {/* @ts-expect-error `multiple` is a boolean property */}
      <deeplake-uploader multiple="yes" />
      {/* @ts-expect-error `client` is a DeepLakeClient */}
      <deeplake-uploader client={{ workspace: 'w' }} />
      {/* @ts-expect-error `loading` is lazy or eager */}
      <deeplake-file loading="auto" />
      {/* @ts-expect-error `values` is read-only, not a prop */}
      <deeplake-uploader values={[]} />
      {/* @ts-expect-error no such tag */}
      <deeplake-uploaders />
    </>
  );
}

export function Wrappers() {
  const ref = useRef<UploaderElement>(null);
  const fileRef = useRef<FileElement>(null);
  return (
    <>
      <DeepLakeUploader
        ref={ref}
        name="cover"
        accept="image/*"
        client={client}
        onDeeplakeSuccess={(e) => {
          assert<Equal<typeof e, CustomEvent<{ item: UploadItem; info: FileInfo }>>>();
        }}
        onDeeplakeReject={(e) => console.warn(e.detail.reason, e.detail.message)}
        onDeeplakeComplete={(e) => e.detail.items.length}
        onChange={(e) => (e.target as UploaderElement).values}
      >
        <small>Images only</small>
      </DeepLakeUploader>
      <DeepLakeFile
        ref={fileRef}
        fileId="3f0c8a52-0000-4000-8000-000000000000"
        client={client}
        alt="Cover"
        onDeeplakeLoad={(e) => e.detail.info.contentType}
        onDeeplakeError={(e) => e.detail.error.code}
      />
      {/* @ts-expect-error `maxFiles` is a number */}
      <DeepLakeUploader maxFiles="3" />
      {/* @ts-expect-error the file element fires no deeplake-success */}
      <DeepLakeFile onDeeplakeSuccess={() => undefined} />
      {/* @ts-expect-error the ref is the element */}
      <DeepLakeFile ref={ref} />
    </>
  );
}
