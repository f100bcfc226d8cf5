"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Field } from "@/components/ui/field";
import { IMAGE_MIN_SIDE } from "@/lib/model/seedance";
import { imageFromClipboard, useImageSource, type Dimensions, type ImageValue } from "./use-image-source";

function describe(value: ImageValue): string {
  if (!value) return "";
  if (typeof value === "string") return new URL(value, "http://x").hostname || value;
  return `${value.name} · ${(value.size / 1024 / 1024).toFixed(2)} MB`;
}

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
}) {
  const fileRef = useRef<HTMLInputElement>(null);
  const urlId = useId();
  const [dragging, setDragging] = useState(false);
  const [urlDraft, setUrlDraft] = useState("");
  const [shown, setShown] = useState<ImageValue>(value);
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const { src, dims, onLoad } = useImageSource(value);
  const loadFailed = src !== null && failedSrc === src;

  // A new value from outside (swap, clear, paste) replaces whatever URL was being typed.
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
  const tooSmall = dims && (dims.width < IMAGE_MIN_SIDE || dims.height < IMAGE_MIN_SIDE);
  const errorId = `${id}-error`;

  return (
    <Field label={label} htmlFor={id} error={error} aside={<div className="flex gap-1">{actions}</div>}>
      <div
        role="button"
        tabIndex={0}
        aria-label={`${label}: drop, paste or choose an image`}
        aria-describedby={error ? errorId : undefined}
        onClick={() => fileRef.current?.click()}
        onKeyDown={(e) => {
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            fileRef.current?.click();
          }
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
        className={`group relative flex min-h-36 cursor-pointer items-center justify-center overflow-hidden rounded-xl border-2 border-dashed transition-colors outline-none focus-visible:ring-2 focus-visible:ring-violet-500 ${
          error
            ? "border-red-400 dark:border-red-500/70"
            : dragging
              ? "border-violet-500 bg-violet-50 dark:bg-violet-950/30"
              : "border-zinc-300 hover:border-zinc-400 dark:border-zinc-700 dark:hover:border-zinc-600"
        }`}
      >
        {src && !loadFailed ? (
          <figure className="flex w-full items-center gap-3 p-2">
            {/* eslint-disable-next-line @next/next/no-img-element -- local object URLs and arbitrary user URLs */}
            <img
              src={src}
              alt={`${label} preview`}
              className="h-28 w-40 shrink-0 rounded-lg bg-zinc-100 object-contain dark:bg-zinc-800"
              onLoad={(e) => onLoad({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
              onError={() => {
                setFailedSrc(src);
                onLoadFailed?.(value);
              }}
            />
            <figcaption className="min-w-0 text-sm">
              <p className="font-medium text-zinc-900 tabular-nums dark:text-zinc-100" data-testid={`${id}-size`}>
                {dims ? `${dims.width} × ${dims.height} px` : "Reading size…"}
              </p>
              <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{describe(value)}</p>
              {tooSmall ? (
                <p className="mt-1 text-xs text-amber-600 dark:text-amber-400">
                  Smaller than {IMAGE_MIN_SIDE}×{IMAGE_MIN_SIDE} px
                </p>
              ) : null}
              <p className="mt-1 text-xs text-violet-600 group-hover:underline dark:text-violet-400">Replace…</p>
            </figcaption>
          </figure>
        ) : (
          <div className="px-4 py-6 text-center text-sm text-zinc-500 dark:text-zinc-400">
            <p>
              <span className="font-medium text-violet-600 dark:text-violet-400">Choose a file</span>, drop it here or paste it
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
          aria-describedby={error ? errorId : undefined}
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
          placeholder={`…or paste an image URL (https://…)`}
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
          className="h-9 min-w-0 flex-1 rounded-lg border border-zinc-300 bg-white px-3 text-sm outline-none placeholder:text-zinc-400 focus:border-violet-500 focus:ring-2 focus:ring-violet-500/30 dark:border-zinc-700 dark:bg-zinc-900"
        />
      </div>
    </Field>
  );
}
