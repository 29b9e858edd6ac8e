package com.frontdesk.triage;

import static com.frontdesk.triage.TriageOutcome.MANIPULATION;
import static com.frontdesk.triage.TriageOutcome.NEEDS_CLINICIAN;

import java.util.List;

/**
 * The medical-advice and manipulation rules for patients who write in Spanish (red flags and self-harm are in the
 * concept files, in both languages). Patterns are written without accents: triage folds them away before matching.
 */
final class SpanishRules {

	static final List<TriageRule> RULES = List.of(
			TriageRule.of("es-advice", NEEDS_CLINICIAN,
					"\\b(?:dosis|posologia|\\d+ ?mg|cuant[oa]s? (?:pastillas|comprimidos|miligramos|mg)"
							+ "|(?:debo|puedo|tengo que) (?:dejar de tomar|dejar|tomar|suspender|empezar a tomar)"
							+ "|tengo (?:cancer|un tumor|una hernia|una infeccion)|es (?:cancer|grave)"
							+ "|mi (?:resonancia|radiografia|tomografia|analitica)|mis (?:resultados|analisis)|diagnostic\\w*)\\b"),
			TriageRule.of("es-prompt-injection", MANIPULATION,
					"\\b(?:ignora\\w*|olvida\\w*|omite|salta\\w*|desobedece\\w*)\\W+(?:\\w+\\W+){0,3}?"
							+ "(?:instrucciones|reglas|normas|indicaciones|restricciones)\\b"
							+ "|\\b(?:prompt|mensaje|instrucciones) (?:del|de) sistema\\b|\\b(?:muestra|revela|dime|repite)\\w* "
							+ "(?:\\w+ )?(?:tus|las) (?:instrucciones|reglas)\\b|\\bahora eres\\b|\\bactua como\\b"
							+ "|\\bfinge (?:que eres|ser)\\b|\\bhaz de cuenta\\b|\\bmodo (?:desarrollador|sin restricciones)\\b"
							+ "|\\bsin restricciones\\b")
				.onlyWith("ignora", "olvida", "omite", "salta", "desobedece", "prompt", "mensaje", "instrucciones",
						"reglas", "ahora eres", "actua como", "finge", "haz de cuenta", "modo ", "sin restricciones"));

	private SpanishRules() {
	}

}
