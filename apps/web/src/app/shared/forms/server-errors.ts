import { FormGroup } from '@angular/forms';
import { ApiRequestError } from '../../core/http/api-request-error';

/**
 * Puts the API's per-field messages (`details[].field` of a 400 VALIDATION_FAILED) on the matching
 * controls as `{ server: message }`, shown by their `mat-error`. Returns true when at least one field
 * got its message, so the form does not repeat it.
 */
export function applyServerErrors(
  form: FormGroup,
  error: unknown,
  fieldAliases: Record<string, string> = {},
): boolean {
  if (!(error instanceof ApiRequestError) || !error.apiError?.details) {
    return false;
  }
  let applied = false;
  for (const detail of error.apiError.details) {
    if (!detail.field) {
      continue;
    }
    const name = fieldAliases[detail.field] ?? detail.field;
    const control = form.get(name);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: detail.message });
      control.markAsTouched();
      applied = true;
    }
  }
  return applied;
}
