import { useState, type FormEvent } from 'react';
import i18next from 'i18next';
import { ApiError } from './api.js';

/**
 * Runs a form's request and keeps its error for display: the API's own error (message and
 * field details in the user's language), or a network failure said plainly, never swallowed.
 */
export function useAction() {
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (fn: () => Promise<unknown>): Promise<boolean> => {
    setError(null);
    try {
      await fn();
      return true;
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', i18next.t('web.errors.network'), null));
      return false;
    }
  };
  return { error, run, reset: () => setError(null) };
}

/**
 * A form's submit: the browser's own submission stopped, the form's fields read, the request
 * run through `useAction` (its error kept for display). Resolves true when the request succeeded.
 */
export function useFormSubmit(send: (form: FormData) => Promise<unknown>) {
  const { error, run } = useAction();
  const submit = (e: FormEvent<HTMLFormElement>): Promise<boolean> => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    return run(() => send(form));
  };
  return { error, submit };
}
