import { FileInput } from "@mantine/core";
import { type InputHTMLAttributes, useState } from "react";
import { useTranslation } from "react-i18next";

/** An uploaded export, parsed but not yet validated (the server does that). */
export interface LoadedExport {
  file: string;
  data: unknown;
  /** the policySetVersion the file claims */
  version: string;
}

const maxBytes = 3_000_000;

/** Reads a file, checks it is JSON in the export format, and reports a translated error otherwise. */
async function readExport(
  file: File,
): Promise<{ ok: true; value: LoadedExport } | { ok: false; error: string }> {
  if (file.size > maxBytes) return { ok: false, error: "changes.tooLarge" };
  let data: unknown;
  try {
    data = JSON.parse(await file.text());
  } catch {
    return { ok: false, error: "changes.notJson" };
  }
  const record = (data ?? {}) as { format?: unknown; policySetVersion?: unknown };
  if (typeof data !== "object" || record.format !== "isoloir-policy-set/1")
    return { ok: false, error: "changes.notExport" };
  const version = typeof record.policySetVersion === "string" ? record.policySetVersion : "?";
  return { ok: true, value: { file: file.name, data, version } };
}

export function ExportFileInput({
  label,
  description,
  onLoad,
  testId,
}: {
  label: string;
  description: string;
  onLoad: (loaded: LoadedExport | null) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<{ key: string; file: string } | null>(null);
  const change = async (picked: File | null) => {
    setFile(picked);
    setError(null);
    onLoad(null);
    if (!picked) return;
    const read = await readExport(picked);
    if (read.ok) onLoad(read.value);
    else setError({ key: read.error, file: picked.name });
  };
  return (
    <FileInput
      label={label}
      description={description}
      placeholder={t("changes.pick")}
      accept="application/json,.json"
      value={file}
      onChange={(picked) => void change(picked)}
      clearable
      error={error ? t(error.key, { file: error.file }) : undefined}
      fileInputProps={{ "data-testid": testId } as InputHTMLAttributes<HTMLInputElement>}
    />
  );
}
