import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { DomSanitizer, SafeResourceUrl } from '@angular/platform-browser';
import { TranslatePipe } from '@ngx-translate/core';

export interface DocumentPreviewData {
  title: string;
  kind: 'pdf' | 'image';
  /** The API's inline preview address (same origin, read with the session cookie). */
  previewUrl: string;
  downloadUrl: string;
}

/** A PDF (the browser's own viewer in a frame) or an image, with a download link under it. */
@Component({
  selector: 'moi-document-preview-dialog',
  imports: [
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    TranslatePipe,
  ],
  template: `
    <h2 mat-dialog-title class="title">{{ data.title }}</h2>
    <mat-dialog-content class="content">
      @if (data.kind === 'pdf') {
        <iframe
          class="frame"
          data-testid="document-preview-frame"
          [src]="safeUrl"
          [title]="
            'documents.preview.frameTitle' | translate: { name: data.title }
          "
        ></iframe>
      } @else {
        <img
          class="image"
          data-testid="document-preview-image"
          [src]="data.previewUrl"
          [alt]="data.title"
        />
      }
      @if (data.kind === 'pdf') {
        <p class="moi-muted phone-hint">
          {{ 'documents.preview.phoneHint' | translate }}
        </p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      @if (data.kind === 'pdf') {
        <a
          matButton
          target="_blank"
          rel="noopener"
          data-testid="document-preview-open"
          [href]="data.previewUrl"
          >{{ 'documents.preview.openTab' | translate }}</a
        >
      }
      <a
        matButton
        data-testid="document-preview-download"
        [href]="data.downloadUrl"
        download
        >{{ 'documents.list.download' | translate }}</a
      >
      <button
        matButton="filled"
        type="button"
        mat-dialog-close
        data-testid="document-preview-close"
        cdkFocusInitial
      >
        {{ 'documents.preview.close' | translate }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .title {
      overflow-wrap: anywhere;
    }
    .content {
      display: flex;
      flex-direction: column;
      align-items: center;
      max-height: none;
    }
    .phone-hint {
      display: none;
      margin: 8px 0 0;
    }
    /* Phones often have no PDF viewer to put in a frame: say where to find it. */
    @media (pointer: coarse) {
      .phone-hint {
        display: block;
      }
    }
    .frame {
      width: 100%;
      height: min(75vh, 900px);
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .image {
      max-width: 100%;
      max-height: 75vh;
      object-fit: contain;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentPreviewDialogComponent {
  protected readonly data = inject<DocumentPreviewData>(MAT_DIALOG_DATA);
  /** Our own API's address, built from ids, never from user input: safe to frame. */
  protected readonly safeUrl: SafeResourceUrl = inject(
    DomSanitizer,
  ).bypassSecurityTrustResourceUrl(this.data.previewUrl);
}
