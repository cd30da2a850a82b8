import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { EmployerResponse } from '@moisson/contract';
import { TranslatePipe } from '@ngx-translate/core';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { SessionStore } from '../../core/auth/session.store';
import { ApiRequestError } from '../../core/http/api-request-error';
import { describeError } from '../../core/http/describe-error';
import { TranslatableMessage } from '../../core/i18n/translatable-message';
import { EmployerUsersComponent } from '../employer-users/employer-users.component';
import { NotesPanelComponent } from '../firm-console/notes/notes-panel.component';
import { EmployerFormComponent } from './employer-form.component';
import { EMPLOYER_CREATED_STATE } from './employer-new-page.component';
import { EmployersService } from './employers.service';
import { formatSiret } from './siret-format';

type EmployerState =
  | { kind: 'loading' }
  | { kind: 'ready'; employer: EmployerResponse }
  | { kind: 'notFound' }
  | { kind: 'failed'; message: TranslatableMessage };

/**
 * `/firm/employers/:id`: the employer's details (editable by firm admins) and its users and
 * invitations (managed by firm admins, seen by firm staff).
 */
@Component({
  selector: 'moi-employer-detail-page',
  imports: [
    EmployerFormComponent,
    EmployerUsersComponent,
    MatButton,
    MatCard,
    MatCardContent,
    MatProgressBar,
    NotesPanelComponent,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './employer-detail-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployerDetailPageComponent {
  private readonly employers = inject(EmployersService);
  protected readonly session = inject(SessionStore);

  /** `:id` of the route. */
  readonly id = input.required<string>();

  /** Just created: say so, and point to the invitation of its owner. */
  protected readonly created = signal(
    inject(Router).currentNavigation()?.extras.state?.[
      EMPLOYER_CREATED_STATE
    ] === true,
  );
  private readonly edited = signal<EmployerResponse | null>(null);

  private readonly loaded = toSignal(
    toObservable(this.id).pipe(
      switchMap((id) =>
        this.employers.get(id).pipe(
          map((employer): EmployerState => ({ kind: 'ready', employer })),
          catchError((error: unknown) =>
            of<EmployerState>(
              error instanceof ApiRequestError && error.status === 404
                ? { kind: 'notFound' }
                : { kind: 'failed', message: describeError(error) },
            ),
          ),
          startWith<EmployerState>({ kind: 'loading' }),
        ),
      ),
    ),
    { initialValue: { kind: 'loading' } as EmployerState },
  );

  protected readonly state = computed<EmployerState>(() => {
    const loaded = this.loaded();
    const edited = this.edited();
    return loaded.kind === 'ready' && edited?.id === loaded.employer.id
      ? { kind: 'ready', employer: edited }
      : loaded;
  });
  protected readonly formatSiret = formatSiret;

  protected updated(employer: EmployerResponse): void {
    this.edited.set(employer);
    this.created.set(false);
  }
}
