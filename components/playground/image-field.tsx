"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Field } from "@/components/ui/field";
import { imageFromClipboard, useImageSource, type Dimensions, type ImageValue } from "./use-image-source";

function describe(value: ImageValue): string {
  if (!value) return "";
  if (typeof value === "string") return new URL(value, "http://x").hostname || value;
  return `${value.name} · ${(value.size / 1024 / 1024).toFixed(2)} MB`;
}

/**
 * An image by file (choose, drop or paste) or by URL. The drop zone keeps one height whether empty or
 * filled, so choosing an image moves nothing below it.
 */
export function ImageField({
  id,
  label,
  hint,
  value,
  onChange,
  onLoadFailed,
  onDimensions,
  error,
  actions,
  extra,
}: {
  id: string;
  label: string;
  hint: string;
  value: ImageValue;
  onChange: (value: ImageValue) => void;
  /** The browser could not load this value as an image: the form treats that as a field error. */
  onLoadFailed?: (value: ImageValue) => void;
  onDimensions?: (dims: Dimensions | null) => void;
  error?: string;
  actions?: ReactNode;
  /** Shown under the preview, e.g. the crop-or-fit offer. */
  extra?: ReactNode;
}) {
  const fileRef = useRef<HTMLInputElement>(null);
  const urlId = useId();
  const [dragging, setDragging] = useState(false);
  const [urlDraft, setUrlDraft] = useState("");
  const [shown, setShown] = useState<ImageValue>(value);
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const { src, dims, reading, onLoad } = useImageSource(value);
  const loadFailed = src !== null && failedSrc === src;

  // A new value from outside (swap, clear, paste, a restored draft) replaces whatever URL was being typed.
  if (value !== shown) {
    setShown(value);
    setUrlDraft(typeof value === "string" ? value : "");
  }
  useEffect(() => onDimensions?.(dims), [dims, onDimensions]);

  const pick = (file: File | null | undefined) => {
    if (file) onChange(file);
  };
  const applyUrl = () => {
    if (urlDraft.trim()) onChange(urlDraft.trim());
  };

  return (
    <Field label={label} htmlFor={id} error={error} aside={<div className="flex gap-1">{actions}</div>}>
      <div
        role="group"
        aria-label={`${label} drop zone`}
        onClick={(e) => {
          if (e.target === e.currentTarget || !(e.target as HTMLElement).closest("button, input, a")) fileRef.current?.click();
        }}
        onPaste={(e) => {
          const file = imageFromClipboard(e.clipboardData);
          if (file) {
            e.preventDefault();
            e.stopPropagation();
            pick(file);
          }
        }}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          pick(e.dataTransfer.files[0]);
        }}
        className={`relative flex h-32 cursor-pointer items-center overflow-hidden rounded-xl border-2 border-dashed transition-colors has-focus-visible:ring-2 has-focus-visible:ring-violet-500 ${
          error
            ? "border-red-500 dark:border-red-500/80"
            : dragging
              ? "border-violet-500 bg-violet-50 dark:bg-violet-950/30"
              : "border-zinc-300 hover:border-zinc-400 dark:border-zinc-700 dark:hover:border-zinc-600"
        }`}
      >
        {src && !loadFailed ? (
          <figure className="flex h-full w-full items-center gap-3 p-2">
            {/* eslint-disable-next-line @next/next/no-img-element -- local object URLs and arbitrary user URLs */}
            <img
              src={src}
              alt={`${label} preview`}
              className="h-full w-36 shrink-0 rounded-lg bg-zinc-100 object-contain dark:bg-zinc-800"
              onLoad={(e) => onLoad({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
              onError={() => {
                setFailedSrc(src);
                onLoadFailed?.(value);
              }}
            />
            <figcaption className="min-w-0 space-y-1 text-sm">
              <p className="font-medium text-zinc-900 tabular-nums dark:text-zinc-100" data-testid={`${id}-size`}>
                {dims ? `${dims.width} × ${dims.height} px` : reading ? "Reading size…" : "Size unknown"}
              </p>
              <p className="truncate text-xs text-zinc-600 dark:text-zinc-400">{describe(value)}</p>
              {extra}
              <button
                type="button"
                onClick={() => fileRef.current?.click()}
                className="text-xs font-medium text-violet-700 hover:underline dark:text-violet-300"
              >
                Replace…
              </button>
            </figcaption>
          </figure>
        ) : (
          <div className="w-full px-4 text-center text-sm text-zinc-600 dark:text-zinc-400">
            <p>
              <button
                type="button"
                onClick={() => fileRef.current?.click()}
                className="font-medium text-violet-700 hover:underline dark:text-violet-300"
              >
                Choose a file
              </button>
              , drop it here or paste it
            </p>
            <p className="mt-1 text-xs">{hint}</p>
          </div>
        )}
        <input
          ref={fileRef}
          id={id}
          type="file"
          accept="image/jpeg,image/png"
          className="sr-only"
          tabIndex={-1}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${id}-error` : undefined}
          onClick={(e) => e.stopPropagation()}
          onChange={(e) => {
            pick(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
      </div>
      <div className="mt-2 flex gap-2">
        <label htmlFor={urlId} className="sr-only">
          {label} URL
        </label>
        <input
          id={urlId}
          type="url"
          inputMode="url"
          placeholder="…or paste an image URL (https://…)"
          value={urlDraft}
          onChange={(e) => setUrlDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              applyUrl();
            }
          }}
          onBlur={() => {
            if (urlDraft.trim() && urlDraft.trim() !== value) applyUrl();
          }}
          className="h-9 min-w-0 flex-1 rounded-lg border border-zinc-300 bg-white px-3 text-sm outline-none placeholder:text-zinc-500 focus:border-violet-500 focus:ring-2 focus:ring-violet-500/30 dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-400"
        />
      </div>
    </Field>
  );
}
