import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageSwitchComponent } from '../language-switch/language-switch.component';

interface NavigationLink {
  path: string;
  labelKey: string;
  exact: boolean;
  testId: string;
}

/** Product name, navigation (a menu button on phones) and the language switch. */
@Component({
  selector: 'moi-app-header',
  imports: [
    LanguageSwitchComponent,
    MatIconButton,
    RouterLink,
    RouterLinkActive,
    TranslatePipe,
  ],
  templateUrl: './app-header.component.html',
  styleUrl: './app-header.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppHeaderComponent {
  protected readonly links: readonly NavigationLink[] = [
    { path: '/', labelKey: 'nav.home', exact: true, testId: 'nav-home' },
    {
      path: '/status',
      labelKey: 'nav.status',
      exact: false,
      testId: 'nav-status',
    },
  ];

  protected readonly menuOpen = signal(false);

  protected toggleMenu(): void {
    this.menuOpen.update((open) => !open);
  }

  protected closeMenu(): void {
    this.menuOpen.set(false);
  }
}
