import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  inject,
} from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { FIRM_ROLES, UserResponse } from '@moisson/contract';
import { TranslatePipe } from '@ngx-translate/core';
import { ParisDatePipe } from '../../shared/date/paris-date.pipe';
import { SessionStore } from '../../core/auth/session.store';
import { confirmUserStatusChange } from '../../shared/users/confirm-user-status-change';
import {
  InviteFormComponent,
  InviteRequest,
} from '../../shared/users/invite-form.component';
import {
  UserRoleChange,
  UserTableComponent,
} from '../../shared/users/user-table.component';
import { StaffStore } from './staff.store';

/** `/firm/staff` (équipe): the firm's team; firm admins invite, change roles and disable. */
@Component({
  selector: 'moi-staff-page',
  imports: [
    InviteFormComponent,
    MatCard,
    MatCardContent,
    MatProgressBar,
    ParisDatePipe,
    TranslatePipe,
    UserTableComponent,
  ],
  providers: [StaffStore],
  templateUrl: './staff-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffPageComponent implements OnInit {
  protected readonly store = inject(StaffStore);
  protected readonly session = inject(SessionStore);
  private readonly dialog = inject(MatDialog);

  protected readonly roles = FIRM_ROLES;
  protected readonly invite = (request: InviteRequest) =>
    this.store.invite(request);

  ngOnInit(): void {
    this.store.load(this.session.can('firm.admin'));
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
