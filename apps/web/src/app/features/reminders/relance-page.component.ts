import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RelanceView } from '@moisson/contract';
import { TranslatePipe } from '@ngx-translate/core';
import { finalize } from 'rxjs';
import { ApiRequestError } from '../../core/http/api-request-error';
import {
  describeError,
  describeFormError,
} from '../../core/http/describe-error';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import { ParisDatePipe } from '../../shared/date/paris-date.pipe';
import { RemindersService } from './reminders.service';

type RelanceState =
  | { kind: 'loading' }
  | { kind: 'ready'; relance: RelanceView; justConfirmed: boolean }
  | { kind: 'invalid' }
  | { kind: 'failed'; message: TranslatableMessage };

/**
 * `/relance/:token` (public: the link of the digest e-mail): shows the OFII follow-up and the
 * workers it lists; "J'ai envoyé la relance" records it on each of their dossiers, once.
 */
@Component({
  selector: 'moi-relance-page',
  imports: [
    MatButton,
    MatCard,
    MatCardContent,
    MatProgressBar,
    ParisDatePipe,
    TranslatePipe,
  ],
  templateUrl: './relance-page.component.html',
  styleUrl: './relance-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RelancePageComponent {
  private readonly service = inject(RemindersService);

  readonly token = input.required<string>();

  protected readonly state = signal<RelanceState>({ kind: 'loading' });
  protected readonly confirming = signal(false);
  protected readonly confirmError = signal<TranslatableMessage | null>(null);
  protected readonly copied = signal(false);

  constructor() {
    effect(() => {
      const token = this.token();
      untracked(() => this.load(token));
    });
  }

  private load(token: string): void {
    this.state.set({ kind: 'loading' });
    this.service.relance(token).subscribe({
      next: (relance) =>
        this.state.set({ kind: 'ready', relance, justConfirmed: false }),
      error: (error: unknown) => this.state.set(this.failure(error)),
    });
  }

  private failure(error: unknown): RelanceState {
    return error instanceof ApiRequestError &&
      (error.status === 404 || error.status === 410)
      ? { kind: 'invalid' }
      : { kind: 'failed', message: describeError(error) };
  }

  protected confirm(): void {
    if (this.confirming()) {
      return;
    }
    this.confirming.set(true);
    this.confirmError.set(null);
    this.service
      .confirmRelance(this.token())
      .pipe(finalize(() => this.confirming.set(false)))
      .subscribe({
        next: (relance) =>
          this.state.set({ kind: 'ready', relance, justConfirmed: true }),
        error: (error: unknown) => {
          const failure = this.failure(error);
          if (failure.kind === 'invalid') {
            this.state.set(failure);
          } else {
            this.confirmError.set(describeFormError(error));
          }
        },
      });
  }

  /** Copies the subject and the text, to paste into the e-mail to the office. */
  protected copy(relance: RelanceView): void {
    const text = relance.body.startsWith('Objet')
      ? relance.body
      : `Objet : ${relance.subject}\n\n${relance.body}`;
    navigator.clipboard?.writeText(text).then(
      () => this.copied.set(true),
      () => this.copied.set(false),
    );
  }
}
