import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';

/**
 * A CSV file sent to an import: busy while it goes, the API's error kept, and a file imported
 * before held back until the person says to import it again (`send(file, true)`).
 */
export function useCsvUpload(send: (file: File, again: boolean) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [repeat, setRepeat] = useState<{ file: File; earlier: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const upload = async (file: File, again: boolean) => {
    setBusy(true);
    setError(null);
    setRepeat(null);
    try {
      await send(file, again);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict') setRepeat({ file, earlier: err.message });
      else if (err instanceof ApiError) setError(err);
      else throw err;
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return { busy, error, repeat, input, upload, cancelRepeat: () => setRepeat(null) };
}

/** The file picker, the "uploading" line and the "imported before: again?" question of an import page. */
export function CsvPicker({ upload, disabled }: { upload: ReturnType<typeof useCsvUpload>; disabled: boolean }) {
  const { t } = useTranslation();
  const choose = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) void upload.upload(file, false);
  };
  const { repeat } = upload;
  return (
    <>
      <label className="field">
        <span>{t('web.import.choose')}</span>
        <input ref={upload.input} type="file" accept=".csv,text/csv" onChange={choose} disabled={disabled || upload.busy} />
      </label>
      {upload.busy ? <p role="status">{t('web.import.uploading')}</p> : null}
      {repeat ? (
        <div className="banner" role="alert">
          <p>{repeat.earlier}</p>
          <button type="button" className="primary" onClick={() => void upload.upload(repeat.file, true)}>{t('web.import.again')}</button>{' '}
          <button type="button" onClick={upload.cancelRepeat}>{t('web.import.cancel')}</button>
        </div>
      ) : null}
    </>
  );
}
