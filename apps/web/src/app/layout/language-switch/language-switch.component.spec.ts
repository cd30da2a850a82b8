import { ComponentFixture, TestBed } from '@angular/core/testing';
import { LanguageService } from '../../core/i18n/language.service';
import { LANGUAGE_STORAGE_KEY } from '../../core/i18n/app-language';
import { provideTestApp } from '../../../testing/provide-test-app';
import { LanguageSwitchComponent } from './language-switch.component';

describe('LanguageSwitchComponent', () => {
  let fixture: ComponentFixture<LanguageSwitchComponent>;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideTestApp() });
    fixture = TestBed.createComponent(LanguageSwitchComponent);
    fixture.autoDetectChanges();
    await fixture.whenStable();
  });

  const element = () => fixture.nativeElement as HTMLElement;
  const radio = (code: string) =>
    element().querySelector(
      `[data-testid="language-${code}"] button`,
    ) as HTMLButtonElement;

  it('is a radio group of FR and EN with French checked, and only the checked one in the tab order', () => {
    const group = element().querySelector('[role="radiogroup"]');
    expect(group?.getAttribute('aria-label')).toBe("Langue de l'interface");
    expect(radio('fr').getAttribute('role')).toBe('radio');
    expect(radio('fr').textContent?.trim()).toBe('FR');
    expect(radio('en').getAttribute('aria-label')).toBe('English');
    expect(radio('fr').getAttribute('aria-checked')).toBe('true');
    expect(radio('en').getAttribute('aria-checked')).toBe('false');
    expect(radio('fr').tabIndex).toBe(0);
    expect(radio('en').tabIndex).toBe(-1);
  });

  it('switches on a click, and remembers it', async () => {
    radio('en').click();
    await fixture.whenStable();
    expect(TestBed.inject(LanguageService).current()).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(radio('en').getAttribute('aria-checked')).toBe('true');
    expect(radio('fr').getAttribute('aria-checked')).toBe('false');
  });

  it('moves the choice and the focus with the arrow keys, wrapping around', async () => {
    radio('fr').focus();
    radio('fr').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }),
    );
    await fixture.whenStable();
    await Promise.resolve();
    expect(TestBed.inject(LanguageService).current()).toBe('en');
    expect(document.activeElement).toBe(radio('en'));

    radio('en').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }),
    );
    await fixture.whenStable();
    await Promise.resolve();
    expect(TestBed.inject(LanguageService).current()).toBe('fr');
    expect(document.activeElement).toBe(radio('fr'));
  });
});
