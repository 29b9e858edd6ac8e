package com.frontdesk.answering.llm;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks what a model wrote before a patient sees it: no doses, no diagnoses, no number the cited passages do
 * not contain (an invented success rate, cost or recovery time), and nothing of the system prompt. A sentence that
 * fails is never shown; the whole reply is replaced by the embedded answer.
 */
final class OutputGuard {

	private static final Pattern DOSE = Pattern.compile("(?iu)\\b\\d+(?:[.,]\\d+)?\\s*(?:mg|mcg|µg|g|ml|milligrams?"
			+ "|micrograms?|units?|iu|tablets?|pills?|capsules?|puffs?|drops?)\\b|\\b(?:dose|doses|dosage|dosing|dosis|posolog\\w*)\\b");

	private static final Pattern DIAGNOSIS = Pattern.compile("(?iu)\\byou (?:probably |likely |may |might |could |most likely |clearly |definitely )?"
			+ "(?:have|are suffering from|suffer from|'ve got|have got)\\s+(?:a |an )?(?:\\w+ )?(?:disease|syndrome|infection|herniation"
			+ "|stenosis|fracture|tumou?r|cancer|condition|disorder|spondylolisthesis|scoliosis|discitis|osteomyelitis|instability|sciatica)\\b"
			+ "|\\byour diagnosis\\b|\\b(?:sounds|seems|looks) like you (?:have|'ve got)\\b|\\bi (?:would )?diagnose\\b"
			+ "|\\byou (?:should|must|need to) (?:stop|start|take|increase|decrease) (?:taking )?(?:your |the )?\\w+");

	private static final Pattern NUMBER = Pattern.compile("(?iu)\\d+(?:[.,]\\d+)?|[%$€£]|\\b(?:one|two|three|four|five|six|seven"
			+ "|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand"
			+ "|million|percent|percentage|half|dozen|once|twice|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez"
			+ "|veinte|cien|mil|por ciento)\\b");

	private static final Pattern CITATION = Pattern.compile("\\[\\s*\\d+(?:\\s*,\\s*\\d+)*\\s*]");

	private static final int LEAK_SHINGLE = 6;

	private final Set<String> promptShingles;

	OutputGuard(String systemPromptRules) {
		this.promptShingles = shingles(systemPromptRules);
	}

	/**
	 * Checks one sentence (or the whole reply).
	 * @param text what the model wrote
	 * @param allowedNumbers the numbers (digits and number words, lower case) that the passages and the practice's
	 * contact details contain
	 * @return why the text must not be shown, if it must not
	 */
	Optional<String> violation(String text, Set<String> allowedNumbers) {
		String withoutCitations = CITATION.matcher(text).replaceAll(" ");
		if (DOSE.matcher(withoutCitations).find()) {
			return Optional.of("dose");
		}
		if (DIAGNOSIS.matcher(withoutCitations).find()) {
			return Optional.of("diagnosis");
		}
		Matcher number = NUMBER.matcher(withoutCitations);
		while (number.find()) {
			if (!allowedNumbers.contains(number.group().toLowerCase(Locale.ROOT).replace(',', '.'))) {
				return Optional.of("number not in the passages");
			}
		}
		if (text.contains("NOT_COVERED")) {
			return Optional.of("prompt leak");
		}
		for (String shingle : shingles(text)) {
			if (promptShingles.contains(shingle)) {
				return Optional.of("prompt leak");
			}
		}
		return Optional.empty();
	}

	/** Every number of the given texts, as the guard compares them. */
	static Set<String> numbersIn(List<String> texts) {
		Set<String> numbers = new HashSet<>();
		for (String text : texts) {
			Matcher number = NUMBER.matcher(text);
			while (number.find()) {
				numbers.add(number.group().toLowerCase(Locale.ROOT).replace(',', '.'));
			}
		}
		return numbers;
	}

	private static Set<String> shingles(String text) {
		String[] words = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s]", " ").trim().split("\\s+");
		Set<String> shingles = new HashSet<>();
		for (int i = 0; i + LEAK_SHINGLE <= words.length; i++) {
			shingles.add(String.join(" ", java.util.Arrays.copyOfRange(words, i, i + LEAK_SHINGLE)));
		}
		return shingles;
	}

}
