"use client";

import { del, get, set } from "idb-keyval";
import { useEffect, useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { GenerateFormValues, GenerateRequest } from "@/lib/validations/generate";
import { GENERATE_DEFAULTS } from "@/lib/validations/generate-defaults";

const KEY = "keyframe:draft";
const SAVE_DELAY_MS = 300;

/** Keys the draft keeps; files are stored as they are (IndexedDB keeps Blobs). */
const FIELDS = Object.keys(GENERATE_DEFAULTS) as (keyof GenerateFormValues)[];

/**
 * The form survives a reload, images included, until it is generated or cleared: every change is saved
 * to IndexedDB. `ready` turns true once a saved draft is back in the form (or there was none).
 */
export function useDraft(form: UseFormReturn<GenerateFormValues, unknown, GenerateRequest>, skip: boolean) {
  const [ready, setReady] = useState(false);
  const restoring = useRef(true);

  useEffect(() => {
    let live = true;
    const restore = async () => {
      const saved = skip ? undefined : await get<Partial<GenerateFormValues>>(KEY).catch(() => undefined);
      if (!live) return;
      if (saved) {
        for (const name of FIELDS) {
          if (saved[name] !== undefined) form.setValue(name, saved[name] as never, { shouldDirty: true });
        }
        await form.trigger();
      }
      restoring.current = false;
      setReady(true);
    };
    void restore();
    return () => {
      live = false;
    };
  }, [form, skip]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const { unsubscribe } = form.watch(() => {
      if (restoring.current) return;
      clearTimeout(timer);
      timer = setTimeout(() => void set(KEY, form.getValues()).catch(() => undefined), SAVE_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [form]);

  return { ready, forget: () => del(KEY).catch(() => undefined) };
}
