import { TestBed } from '@angular/core/testing';
import { DocumentType } from '@moisson/contract';
import { checklistOf } from '../../../testing/document-fixtures';
import { provideTestApp, textOf } from '../../../testing/provide-test-app';
import { DocumentChecklistComponent } from './document-checklist.component';

describe('DocumentChecklistComponent', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideTestApp() });
  });

  async function render(
    expected: DocumentType[],
    present: DocumentType[],
    canAdd = true,
  ) {
    const fixture = TestBed.createComponent(DocumentChecklistComponent);
    fixture.componentRef.setInput('checklist', checklistOf(expected, present));
    fixture.componentRef.setInput('canAdd', canAdd);
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const items = [
      ...element.querySelectorAll<HTMLElement>(
        '[data-testid="checklist-item"]',
      ),
    ];
    return { fixture, element, items };
  }

  it('ticks the papers present, names the missing ones and counts them, in French', async () => {
    const { element, items } = await render(
      ['work_permit', 'passport', 'employment_contract'],
      ['work_permit', 'passport'],
    );

    expect(items.map((item) => item.dataset['type'])).toEqual([
      'work_permit',
      'passport',
      'employment_contract',
    ]);
    expect(items.map((item) => item.dataset['present'])).toEqual([
      'true',
      'true',
      'false',
    ]);
    expect(textOf(items[0])).toContain('Autorisation de travail');
    expect(textOf(items[0])).toContain('Présent');
    expect(textOf(items[2])).toContain('Contrat de travail');
    expect(textOf(items[2])).toContain('Manquant');
    expect(
      textOf(element.querySelector('[data-testid="checklist-summary"]')),
    ).toBe('2 sur 3');
    // "Add" only on the missing paper.
    expect(
      items.map(
        (item) => !!item.querySelector('[data-testid="checklist-add"]'),
      ),
    ).toEqual([false, false, true]);
  });

  it('asks the upload panel for the missing type when "add" is clicked', async () => {
    const { fixture, items } = await render(['work_permit', 'visa'], []);
    const added: DocumentType[] = [];
    fixture.componentInstance.add.subscribe((type) => added.push(type));

    items[1]
      .querySelector<HTMLButtonElement>('[data-testid="checklist-add"]')!
      .click();

    expect(added).toEqual(['visa']);
  });

  it('shows the summary as complete once every paper is there, and no "add" to a reader', async () => {
    const { element } = await render(
      ['work_permit', 'passport'],
      ['work_permit', 'passport'],
      false,
    );
    const summary = element.querySelector('[data-testid="checklist-summary"]');
    expect(textOf(summary)).toBe('2 sur 2');
    expect(summary?.classList).toContain('moi-badge-ok');

    const partial = await render(['work_permit', 'passport'], [], false);
    expect(
      partial.element.querySelectorAll('[data-testid="checklist-add"]'),
    ).toHaveLength(0);
    expect(
      partial.element
        .querySelector('[data-testid="checklist-summary"]')
        ?.classList.contains('moi-badge-ok'),
    ).toBe(false);
  });

  it('says so when nothing is expected at this stage', async () => {
    const { element } = await render([], []);
    expect(textOf(element)).toContain('Aucune pièce attendue à cette étape.');
    expect(
      element.querySelector('[data-testid="checklist-summary"]'),
    ).toBeNull();
  });
});
