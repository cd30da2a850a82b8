import { BilingualText } from '../bilingual-text.model';

export interface VisaRefusalGround {
  /** Stable code stored on the dossier; labels may be edited, codes may not. */
  readonly code: string;
  readonly label: BilingualText;
  /** Where the ground comes from: the refusal form, or CRRV decisions seen in practice. */
  readonly source: 'refusal_form' | 'crrv_decision';
  /** True when ticking the ground needs a free-text detail (the "other" ground). */
  readonly requiresDetail: boolean;
}

export const OTHER_VISA_REFUSAL_GROUND_CODE = 'other';

/**
 * Seed list of visa refusal grounds (domain reference, section 6). The official long-stay
 * form was not found, so the firm edits this list; this is only its starting content.
 */
export const DEFAULT_VISA_REFUSAL_GROUNDS: readonly VisaRefusalGround[] =
  Object.freeze([
    {
      code: 'false_travel_document',
      label: {
        fr: 'Document de voyage faux, falsifié ou contrefait',
        en: 'False or falsified travel document',
      },
      source: 'refusal_form',
      requiresDetail: false,
    },
    {
      code: 'insufficient_resources',
      label: {
        fr: 'Absence de justification de ressources suffisantes',
        en: 'No proof of sufficient resources',
      },
      source: 'refusal_form',
      requiresDetail: false,
    },
    {
      code: 'purpose_not_justified',
      label: {
        fr: 'Objet et conditions du séjour non justifiés',
        en: 'Purpose and conditions of the stay not justified',
      },
      source: 'refusal_form',
      requiresDetail: false,
    },
    {
      code: 'information_incomplete_or_unreliable',
      label: {
        fr: 'Informations communiquées incomplètes et/ou non fiables',
        en: 'Information provided incomplete and/or unreliable',
      },
      source: 'refusal_form',
      requiresDetail: false,
    },
    {
      code: 'risk_of_diverting_visa_purpose',
      label: {
        fr: "Risque de détournement de l'objet du visa (migration, activité illicite, maintien au-delà de la validité du visa)",
        en: 'Risk of diverting the purpose of the visa (migration, illicit activity, staying on after expiry)',
      },
      source: 'refusal_form',
      requiresDetail: false,
    },
    {
      code: 'entry_ban_or_alert',
      label: {
        fr: 'Interdiction du territoire ou signalement aux fins de non-admission',
        en: 'Entry ban or non-admission alert',
      },
      source: 'refusal_form',
      requiresDetail: false,
    },
    {
      code: 'threat_to_public_order',
      label: {
        fr: "Menace pour l'ordre public, la sécurité intérieure ou la santé publique",
        en: 'Threat to public order, security or health',
      },
      source: 'refusal_form',
      requiresDetail: false,
    },
    {
      code: 'no_qualification_or_experience',
      label: {
        fr: "Absence de qualification ou d'expérience pour l'emploi",
        en: 'No qualification or experience for the job',
      },
      source: 'crrv_decision',
      requiresDetail: false,
    },
    {
      code: 'contract_not_signed_by_both_parties',
      label: {
        fr: 'Contrat de travail non signé par les deux parties',
        en: 'Employment contract not signed by both parties',
      },
      source: 'crrv_decision',
      requiresDetail: false,
    },
    {
      code: 'age_or_family_situation',
      label: {
        fr: 'Âge ou situation familiale',
        en: 'Age or family situation',
      },
      source: 'crrv_decision',
      requiresDetail: false,
    },
    {
      code: OTHER_VISA_REFUSAL_GROUND_CODE,
      label: {
        fr: 'Autre motif (à préciser)',
        en: 'Other ground (to be specified)',
      },
      source: 'refusal_form',
      requiresDetail: true,
    },
  ] satisfies VisaRefusalGround[]);

/** The ground with that code in a list (the seed list by default). */
export function findVisaRefusalGround(
  code: string,
  grounds: readonly VisaRefusalGround[] = DEFAULT_VISA_REFUSAL_GROUNDS,
): VisaRefusalGround | undefined {
  return grounds.find((ground) => ground.code === code);
}
