import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { EMPLOYER_ROLES, UserResponse } from '@moisson/contract';
import { TranslatePipe } from '@ngx-translate/core';
import { SessionStore } from '../../core/auth/session.store';
import { ParisDatePipe } from '../../shared/date/paris-date.pipe';
import { confirmUserStatusChange } from '../../shared/users/confirm-user-status-change';
import {
  InviteFormComponent,
  InviteRequest,
} from '../../shared/users/invite-form.component';
import {
  UserRoleChange,
  UserTableComponent,
} from '../../shared/users/user-table.component';
import { EmployerUsersStore } from './employer-users.store';

/**
 * The users of one employer, its pending invitations and (with `canManage`) the invite form, role
 * changes and disable / enable. Used by the employer's owner and on the firm's employer page.
 */
@Component({
  selector: 'moi-employer-users',
  imports: [
    InviteFormComponent,
    MatProgressBar,
    ParisDatePipe,
    TranslatePipe,
    UserTableComponent,
  ],
  providers: [EmployerUsersStore],
  templateUrl: './employer-users.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployerUsersComponent {
  protected readonly store = inject(EmployerUsersStore);
  protected readonly session = inject(SessionStore);
  private readonly dialog = inject(MatDialog);

  readonly employerId = input.required<string>();
  /** The employer's owner, or a firm admin; firm staff only see. */
  readonly canManage = input(false);
  /** Off where the page's own title already says "Utilisateurs". */
  readonly showTitle = input(true);

  protected readonly roles = EMPLOYER_ROLES;
  protected readonly invite = (request: InviteRequest) =>
    this.store.invite(request);

  constructor() {
    effect(() => {
      const employerId = this.employerId();
      untracked(() => this.store.load(employerId));
    });
  }

  protected changeRole({ user, role }: UserRoleChange): void {
    this.store.update(user, { role });
  }

  protected toggleDisabled(user: UserResponse): void {
    confirmUserStatusChange(this.dialog, user).subscribe((disabled) =>
      this.store.update(user, { disabled }),
    );
  }
}
