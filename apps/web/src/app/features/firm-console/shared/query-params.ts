import { HttpParams } from '@angular/common/http';

type ParamValue = string | number | boolean | null | undefined;

/** Query parameters from an object, leaving out empty values (undefined, null, '' and false). */
export function queryParams(values: Record<string, ParamValue>): HttpParams {
  let params = new HttpParams();
  for (const [name, value] of Object.entries(values)) {
    if (
      value !== undefined &&
      value !== null &&
      value !== '' &&
      value !== false
    ) {
      params = params.set(name, String(value));
    }
  }
  return params;
}
