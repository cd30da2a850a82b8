import { ValidationError } from 'class-validator';
import { flatten } from './validation.pipe';

function error(
  property: string,
  constraints?: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError {
  return Object.assign(new ValidationError(), {
    property,
    constraints,
    children,
  });
}

describe('flatten (validation errors to details)', () => {
  it('gives one detail per broken rule, with dotted paths for nested fields', () => {
    const details = flatten([
      error('surname', { isString: 'surname must be a string' }),
      error('passport', undefined, [
        error('expiry', { isDateString: 'expiry must be a date' }),
      ]),
    ]);
    expect(details).toEqual([
      { field: 'surname', message: 'surname must be a string' },
      { field: 'passport.expiry', message: 'expiry must be a date' },
    ]);
  });

  it('tells the person to remove an unknown field', () => {
    expect(
      flatten([
        error('isAdmin', {
          whitelistValidation: 'property isAdmin should not exist',
        }),
      ]),
    ).toEqual([
      { field: 'isAdmin', message: 'Unknown field "isAdmin": remove it.' },
    ]);
  });
});
