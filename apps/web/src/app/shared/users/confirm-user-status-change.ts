import { MatDialog } from '@angular/material/dialog';
import type { UserResponse } from '@moisson/contract';
import { filter, map, Observable } from 'rxjs';
import { confirmAction } from '../ui/confirm';

/**
 * Asks before disabling (or enabling again) a user, with the user's name; emits the `disabled` value
 * to send once the person confirms, nothing if they cancel. Shared by the employer users and staff pages.
 */
export function confirmUserStatusChange(
  dialog: MatDialog,
  user: UserResponse,
): Observable<boolean> {
  const disabling = user.status !== 'disabled';
  const name = user.fullName || user.email;
  return confirmAction(dialog, {
    title: {
      key: disabling
        ? 'users.confirmDisable.title'
        : 'users.confirmEnable.title',
      params: { name },
    },
    message: {
      key: disabling
        ? 'users.confirmDisable.message'
        : 'users.confirmEnable.message',
      params: { name },
    },
    confirm: {
      key: disabling ? 'users.actions.disable' : 'users.actions.enable',
    },
    danger: disabling,
  }).pipe(
    filter(Boolean),
    map(() => disabling),
  );
}
