import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

/** `/`: what Moisson is for, and where to go. */
@Component({
  selector: 'moi-home-page',
  imports: [MatAnchor, MatCard, MatCardContent, RouterLink, TranslatePipe],
  templateUrl: './home-page.component.html',
  styleUrl: './home-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePageComponent {
  protected readonly points = [
    'home.points.documents',
    'home.points.progress',
    'home.points.deadlines',
  ];
}
