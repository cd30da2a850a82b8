import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  inject,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import {
  CalendarFeedScope,
  CalendarFeedSecret,
  CalendarFeedStatus,
} from '@moisson/contract';
import { TranslatePipe } from '@ngx-translate/core';
import { Observable, filter, switchMap } from 'rxjs';
import { SessionStore } from '../../../core/auth/session.store';
import {
  describeError,
  describeFormError,
} from '../../../core/http/describe-error';
import { TranslatableMessage } from '../../../core/i18n/translatable-message';
import { ParisDatePipe } from '../../../shared/date/paris-date.pipe';
import { FormErrorComponent } from '../../../shared/forms/form-error.component';
import { confirmAction } from '../../../shared/ui/confirm';
import { CalendarFeedService } from './calendar-feed.service';

/**
 * `/account/calendar` (mon agenda), for every signed-in user: the secret ICS address that puts the
 * appointments and deadlines in Google Calendar, Outlook or Apple Calendar; shown once when
 * created or renewed, and revocable.
 */
@Component({
  selector: 'moi-calendar-feed-page',
  imports: [
    FormErrorComponent,
    FormsModule,
    MatAnchor,
    MatButton,
    MatCard,
    MatCardContent,
    MatProgressBar,
    MatRadioButton,
    MatRadioGroup,
    ParisDatePipe,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './calendar-feed-page.component.html',
  styleUrl: './calendar-feed-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CalendarFeedPageComponent implements OnInit {
  private readonly service = inject(CalendarFeedService);
  private readonly dialog = inject(MatDialog);
  protected readonly session = inject(SessionStore);

  protected readonly status = signal<CalendarFeedStatus | null>(null);
  protected readonly secret = signal<CalendarFeedSecret | null>(null);
  protected readonly loadError = signal<TranslatableMessage | null>(null);
  protected readonly actionError = signal<TranslatableMessage | null>(null);
  protected readonly busy = signal(false);
  protected readonly copied = signal(false);
  protected readonly done = signal<'revoked' | null>(null);
  protected scope: CalendarFeedScope = 'assigned';

  ngOnInit(): void {
    this.service.status().subscribe({
      next: (status) => this.status.set(status),
      error: (error: unknown) => this.loadError.set(describeError(error)),
    });
  }

  protected create(): void {
    this.run(
      this.service.create(this.session.isFirm() ? { scope: this.scope } : {}),
    );
  }

  protected rotate(): void {
    this.confirm('rotate')
      .pipe(switchMap(() => this.service.rotate()))
      .subscribe(this.handler());
  }

  protected revoke(): void {
    this.confirm('revoke')
      .pipe(
        switchMap(() => {
          this.busy.set(true);
          return this.service.revoke();
        }),
      )
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.secret.set(null);
          this.done.set('revoked');
          this.status.set({
            active: false,
            scope: null,
            createdAt: null,
            lastFetchedAt: null,
          });
        },
        error: (error: unknown) => this.fail(error),
      });
  }

  protected async copy(url: string, input: HTMLInputElement): Promise<void> {
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // No clipboard access (http, permissions): select the text so that Ctrl+C copies it.
      input.select();
      document.execCommand?.('copy');
    }
    this.copied.set(true);
  }

  private confirm(action: 'rotate' | 'revoke'): Observable<true> {
    const prefix = `firmConsole.feed.confirm.${action}`;
    return confirmAction(this.dialog, {
      title: { key: `${prefix}.title` },
      message: { key: `${prefix}.message` },
      confirm: { key: `${prefix}.confirm` },
      danger: action === 'revoke',
    }).pipe(filter((confirmed): confirmed is true => confirmed));
  }

  private run(request: Observable<CalendarFeedSecret>): void {
    this.busy.set(true);
    request.subscribe(this.handler());
  }

  private handler() {
    return {
      next: (secret: CalendarFeedSecret) => {
        this.busy.set(false);
        this.actionError.set(null);
        this.done.set(null);
        this.copied.set(false);
        this.secret.set(secret);
        this.status.set(secret);
      },
      error: (error: unknown) => this.fail(error),
    };
  }

  private fail(error: unknown): void {
    this.busy.set(false);
    this.actionError.set(describeFormError(error));
  }
}
