import { HttpException } from '@nestjs/common';
import { API_ERROR_CODES } from '@moisson/contract';
import { ApiException } from '../../../core/http/api-exception';

/**
 * Resolves an id given in a request body (workerId, campaignId...). When it names nothing of this
 * employer, the 404 names the field, so the caller knows which reference to fix.
 */
export async function bodyReference<T>(
  field: string,
  what: string,
  find: () => Promise<T>,
): Promise<T> {
  try {
    return await find();
  } catch (error) {
    if (error instanceof HttpException && error.getStatus() === 404) {
      throw new ApiException(
        404,
        API_ERROR_CODES.NOT_FOUND,
        `${field}: no ${what} with this id was found at this employer.`,
        [{ field, message: `No ${what} with this id at this employer.` }],
      );
    }
    throw error;
  }
}
