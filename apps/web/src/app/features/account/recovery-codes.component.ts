import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { formatParisDateTime } from '../../shared/date/paris-date-format';

export const RECOVERY_CODES_FILE_NAME = 'moisson-codes-de-secours.txt';

/**
 * The recovery codes, shown once: each signs in once in place of a TOTP code. Copy, print or save
 * them as a text file.
 */
@Component({
  selector: 'moi-recovery-codes',
  imports: [MatButton, TranslatePipe],
  template: `
    <div class="moi-alert moi-alert-warning moi-print-keep">
      <p class="title">{{ 'recoveryCodes.title' | translate }}</p>
      <p>{{ 'recoveryCodes.explain' | translate }}</p>
    </div>
    <ol class="codes moi-print-keep" data-testid="recovery-codes">
      @for (code of codes(); track code) {
        <li>
          <code>{{ code }}</code>
        </li>
      }
    </ol>
    <div class="moi-form-actions moi-no-print">
      <button
        matButton="outlined"
        type="button"
        data-testid="recovery-codes-copy"
        (click)="copy()"
      >
        {{ 'recoveryCodes.copy' | translate }}
      </button>
      <button
        matButton="outlined"
        type="button"
        data-testid="recovery-codes-download"
        (click)="download()"
      >
        {{ 'recoveryCodes.download' | translate }}
      </button>
      <button
        matButton="outlined"
        type="button"
        data-testid="recovery-codes-print"
        (click)="print()"
      >
        {{ 'recoveryCodes.print' | translate }}
      </button>
    </div>
    <p class="copied" role="status">
      @if (copied()) {
        {{ 'recoveryCodes.copied' | translate }}
      }
    </p>
  `,
  styles: `
    :host {
      display: block;
    }
    .title {
      font: var(--mat-sys-title-small);
    }
    .codes {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(12ch, 1fr));
      gap: 8px 24px;
      margin: 16px 0;
      padding-left: 2.5em;
      font-size: 1.05rem;
    }
    code {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      letter-spacing: 0.05em;
    }
    .copied {
      min-height: 1.5em;
      margin: 8px 0 0;
      color: var(--mat-sys-primary);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecoveryCodesComponent {
  private readonly document = inject(DOCUMENT);
  private readonly translate = inject(TranslateService);

  readonly codes = input.required<readonly string[]>();
  /** Written at the top of the downloaded file. */
  readonly email = input('');

  protected readonly copied = signal(false);

  protected copy(): void {
    const clipboard = this.document.defaultView?.navigator.clipboard;
    if (!clipboard) {
      return;
    }
    clipboard.writeText(this.codes().join('\n')).then(
      () => this.copied.set(true),
      () => this.copied.set(false),
    );
  }

  protected download(): void {
    const view = this.document.defaultView;
    if (!view) {
      return;
    }
    const header = this.translate.instant('recoveryCodes.fileHeader', {
      email: this.email(),
      date: formatParisDateTime(new Date()),
    }) as string;
    const text = [header, '', ...this.codes(), ''].join('\r\n');
    const url = view.URL.createObjectURL(
      new Blob([text], { type: 'text/plain;charset=utf-8' }),
    );
    const link = this.document.createElement('a');
    link.href = url;
    link.download = RECOVERY_CODES_FILE_NAME;
    this.document.body.appendChild(link);
    link.click();
    link.remove();
    view.setTimeout(() => view.URL.revokeObjectURL(url), 1000);
  }

  protected print(): void {
    this.document.defaultView?.print();
  }
}
