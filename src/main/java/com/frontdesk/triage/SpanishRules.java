package com.frontdesk.triage;

import static com.frontdesk.triage.TriageOutcome.EMERGENCY;
import static com.frontdesk.triage.TriageOutcome.MANIPULATION;
import static com.frontdesk.triage.TriageOutcome.NEEDS_CLINICIAN;
import static com.frontdesk.triage.TriageOutcome.SELF_HARM;

import java.util.List;

/**
 * The same red flags, self-harm and medical-advice rules for patients who write in Spanish (answers come in their
 * language when a model is configured, so triage must understand them too). Patterns are written without accents:
 * triage folds them away before matching.
 */
final class SpanishRules {

	static final List<TriageRule> RULES = List.of(
			TriageRule.of("es-self-harm", SELF_HARM,
					"\\b(?:suicid\\w*|matarme|quitarme la vida|acabar con mi vida|no quiero (?:vivir|seguir viviendo|estar aqui)"
							+ "|quiero morir\\w*|(?:hacerme|me quiero hacer) dano|autolesion\\w*|mejor (?:estaria )?muert[oa]"
							+ "|estarian mejor sin mi|no vale la pena vivir)\\b"),
			TriageRule.of("es-bladder-bowel", EMERGENCY,
					"\\b(?:no (?:puedo|logro) (?:controlar|aguantar|retener) (?:la |el |los )?(?:vejiga|orina|pis|intestinos?|heces|esfinteres)"
							+ "|perd\\w* (?:el )?control de (?:la |el |los )?(?:vejiga|orina|intestinos?|esfinteres)"
							+ "|incontinencia|me (?:orine|hice pis|hice popo) encima|no (?:puedo|logro) orinar)\\b"),
			TriageRule.of("es-saddle-numbness", EMERGENCY,
					"\\b(?:entumecid\\w*|adormecid\\w*|hormigueo|sin sensibilidad|no siento)\\W+(?:\\w+\\W+){0,4}?"
							+ "(?:ingle|genitales|entrepierna|zona (?:genital|intima)|partes intimas|gluteos|nalgas|ano|perine)\\b"
							+ "|\\b(?:ingle|genitales|entrepierna|zona (?:genital|intima)|partes intimas|gluteos|nalgas)\\W+(?:\\w+\\W+){0,3}?"
							+ "(?:entumecid\\w*|adormecid\\w*|dormid\\w*|hormigueo)\\b"),
			TriageRule.of("es-leg-weakness", EMERGENCY,
					"\\b(?:debilidad|debil(?:es)?|entumecimiento)\\W+(?:\\w+\\W+){0,4}?(?:repentin\\w*|subit\\w*|de repente|que empeora|cada vez (?:mas|peor))"
							+ "|\\b(?:de repente|repentinamente|subitamente)\\W+(?:\\w+\\W+){0,4}?(?:debil\\w*|no (?:puedo mover|siento))"
							+ "|\\bno (?:puedo|logro) (?:mover|levantar|sentir) (?:la |las |mi |mis )?(?:pierna|piernas|pie|pies)\\b"
							+ "|\\b(?:piernas?|pies?) (?:se (?:me )?(?:doblan|dobla|caen)|no (?:me )?responden?)\\b|\\bparalizad\\w*"),
			TriageRule.of("es-fever-infection", EMERGENCY,
					"\\b(?:fiebre|calentura|escalofrios)\\b"
							+ "|\\b(?:herida|incision|cicatriz|puntos|grapas)\\W+(?:\\w+\\W+){0,4}?(?:supura\\w*|pus|drena\\w*|sangra\\w*|abiert\\w*|roja|caliente|infectad\\w*|huele mal)"),
			TriageRule.of("es-chest-breathing", EMERGENCY,
					"\\b(?:dolor (?:en el|de|del) pecho|opresion en el pecho|falta de aire|no (?:puedo|logro) respirar"
							+ "|dificultad para respirar|me ahogo|me falta el aire|tos con sangre)\\b"),
			TriageRule.of("es-calf-swelling", EMERGENCY,
					"\\b(?:pantorrilla|gemelo)s?\\W+(?:\\w+\\W+){0,4}?(?:hinchad\\w*|inflamad\\w*|roj\\w*|caliente|duele|dolor\\w*)"
							+ "|\\b(?:coagulo|trombosis)\\b"),
			TriageRule.of("es-severe-pain", EMERGENCY,
					"\\bdolor (?:\\w+ ){0,2}(?:insoportable|intens\\w*|sever\\w*|terrible|extrem\\w*|incontrolable|inaguantable)\\b"
							+ "|\\bel peor dolor\\b|\\b(?:me desmaye|perdi el conocimiento|desmayo)\\b"),
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
							+ "|\\bsin restricciones\\b"));

	private SpanishRules() {
	}

}
