import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  inject,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { SessionStore } from '../../core/auth/session.store';
import { SEARCH_DEBOUNCE_MS } from '../../shared/forms/search';
import { EmployerListStore } from './employer-list.store';
import { formatSiret } from './siret-format';

/** `/firm/employers`: every employer of the firm, searchable by name or SIRET, page by page. */
@Component({
  selector: 'moi-employer-list-page',
  imports: [
    MatAnchor,
    MatButton,
    MatFormField,
    MatInput,
    MatLabel,
    MatProgressBar,
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
  ],
  providers: [EmployerListStore],
  templateUrl: './employer-list-page.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployerListPageComponent implements OnInit {
  protected readonly store = inject(EmployerListStore);
  protected readonly session = inject(SessionStore);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly searchControl = new FormControl('', { nonNullable: true });
  protected readonly formatSiret = formatSiret;

  ngOnInit(): void {
    this.store.searchFor('');
    this.searchControl.valueChanges
      .pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        map((value) => value.trim()),
        distinctUntilChanged(),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((search) => this.store.searchFor(search));
  }
}
