import { DestroyRef, Injectable, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslateService } from '@ngx-translate/core';

/**
 * Route `title`s are translation keys; the document title becomes "<page> · Moisson"
 * and follows language switches.
 */
@Injectable()
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly translate = inject(TranslateService);
  private pageKey: string | undefined;

  constructor() {
    super();
    this.translate.onLangChange
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe(() => this.render());
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.pageKey = this.buildTitle(snapshot);
    this.render();
  }

  private render(): void {
    const appName = this.translate.instant('app.name') as string;
    this.title.setTitle(
      this.pageKey
        ? `${this.translate.instant(this.pageKey) as string} · ${appName}`
        : appName,
    );
  }
}
