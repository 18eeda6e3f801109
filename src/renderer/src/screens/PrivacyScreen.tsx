import { RetentionPanel } from './privacy/RetentionPanel';
import { SearchErasePanel } from './privacy/SearchErasePanel';

/**
 * Personuppgifter (issue 13): "Sök och radera" for a data subject request across every free text, and how
 * long incident descriptions are kept.
 */
export function PrivacyScreen() {
  return (
    <section className="privacy-screen" aria-labelledby="privacy-title">
      <h2 id="privacy-title">Personuppgifter</h2>
      <p className="privacy-lead">
        Registret ska inte innehålla personuppgifter. Hittar du ett namn eller personnummer i en fritext, eller begär
        någon att få sina uppgifter raderade, söker och raderar du dem här.
      </p>
      <SearchErasePanel />
      <RetentionPanel />
    </section>
  );
}
