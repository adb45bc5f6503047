// The README's two React snippets (the wrappers' CoverField, the raw tags' TripForm), with
// what they store shown on the page for the check to read.
import { useState } from 'react';
import 'deeplake-elements/react';
import { DeepLakeClient } from 'deeplake-elements/client';
import { DeepLakeFile, DeepLakeUploader } from 'deeplake-elements/react';

const params = new URLSearchParams(location.search);
const client = new DeepLakeClient({ apiUrl: params.get('api')!, workspace: params.get('ws')!, tokenProvider: () => params.get('token')! });

function CoverField({ client }: { client: DeepLakeClient }) {
  const [coverId, setCoverId] = useState('');
  const [shown, setShown] = useState('');
  return (
    <>
      <DeepLakeUploader
        id="wrapper"
        name="cover"
        accept="text/*"
        client={client}
        onDeeplakeSuccess={(e) => setCoverId(e.detail.info.id)}
        onDeeplakeReject={(e) => console.warn(e.detail.reason, e.detail.message)}
      />
      {coverId && <DeepLakeFile fileId={coverId} client={client} alt="Cover" loading="eager" onDeeplakeLoad={(e) => setShown(e.detail.info.id)} />}
      <output id="wrapper-result">{coverId}</output>
      <output id="wrapper-shown">{shown}</output>
    </>
  );
}

function TripForm({ client, save }: { client: DeepLakeClient; save: (ids: FormDataEntryValue[]) => void }) {
  const [stored, setStored] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save(new FormData(e.currentTarget).getAll('attachments'));
      }}
    >
      <deeplake-uploader id="raw" name="attachments" multiple required client={client} ondeeplake-success={(e) => setStored(e.detail.info.id)} />
      <output id="raw-result">{stored}</output>
      <button>Save</button>
    </form>
  );
}

export function App() {
  const [saved, setSaved] = useState<string[]>([]);
  return (
    <main>
      <CoverField client={client} />
      <TripForm client={client} save={(ids) => setSaved(ids.map(String))} />
      <output id="saved">{saved.join(' ')}</output>
    </main>
  );
}
