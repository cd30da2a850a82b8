import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { ActingForBannerComponent } from './features/firm-console/acting-for/acting-for-banner.component';
import { AppFooterComponent } from './layout/app-footer/app-footer.component';
import { AppHeaderComponent } from './layout/app-header/app-header.component';

@Component({
  imports: [
    ActingForBannerComponent,
    AppFooterComponent,
    AppHeaderComponent,
    RouterOutlet,
  ],
  selector: 'moi-root',
  templateUrl: './app.html',
  styleUrl: './app.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {}
