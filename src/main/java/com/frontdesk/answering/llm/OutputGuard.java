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
			+ "(?:have|are suffering from|suffer from|'ve got|have got)\\s+(?:a |an )?(?:\\w+ ){0,3}?(?:disease|syndrome|infection|herniation"
			+ "|stenosis|fracture|tumou?r|cancer|condition|disorder|spondylolisthesis|scoliosis|discitis|osteomyelitis|instability|sciatica)\\b"
			+ "|\\byour diagnosis\\b|\\b(?:sounds|seems|looks) like you (?:have|'ve got)\\b|\\bi (?:would )?diagnose\\b"
			+ "|\\byou (?:should|must|need to) (?:stop|start|take|increase|decrease) (?:taking )?(?:your |the )?\\w+");

	private static final Pattern NUMBER = Pattern.compile("(?iu)\\d+(?:[.,]\\d+)?|[%$€£]|\\b(?:one|two|three|four|five|six|seven"
			+ "|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand"
			+ "|million|percent|percentage|half|dozen|once|twice|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez"
			+ "|veinte|cien|mil|por ciento)\\b");

	private static final Pattern CITATION = Pattern.compile("\\[\\s*\\d+(?:\\s*,\\s*\\d+)*\\s*]");

	private static final int LEAK_SHINGLE = 6;

	private static final java.util.Map<String, String> WORDS = java.util.Map.ofEntries(
			java.util.Map.entry("one", "1"), java.util.Map.entry("uno", "1"), java.util.Map.entry("una", "1"),
			java.util.Map.entry("once", "1"), java.util.Map.entry("two", "2"), java.util.Map.entry("dos", "2"),
			java.util.Map.entry("twice", "2"), java.util.Map.entry("three", "3"), java.util.Map.entry("tres", "3"),
			java.util.Map.entry("four", "4"), java.util.Map.entry("cuatro", "4"), java.util.Map.entry("five", "5"),
			java.util.Map.entry("cinco", "5"), java.util.Map.entry("six", "6"), java.util.Map.entry("seis", "6"),
			java.util.Map.entry("seven", "7"), java.util.Map.entry("siete", "7"), java.util.Map.entry("eight", "8"),
			java.util.Map.entry("ocho", "8"), java.util.Map.entry("nine", "9"), java.util.Map.entry("nueve", "9"),
			java.util.Map.entry("ten", "10"), java.util.Map.entry("diez", "10"), java.util.Map.entry("twenty", "20"),
			java.util.Map.entry("veinte", "20"), java.util.Map.entry("hundred", "100"), java.util.Map.entry("cien", "100"),
			java.util.Map.entry("thousand", "1000"), java.util.Map.entry("mil", "1000"), java.util.Map.entry("percent", "%"),
			java.util.Map.entry("percentage", "%"), java.util.Map.entry("por ciento", "%"));

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
			if (!allowedNumbers.contains(canonical(number.group()))) {
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
				numbers.add(canonical(number.group()));
			}
		}
		return numbers;
	}

	/** The same number however it is written: "4", "four" and "cuatro" compare equal; "1,5" is "1.5". */
	private static String canonical(String number) {
		String lower = number.toLowerCase(Locale.ROOT).replace(',', '.');
		return WORDS.getOrDefault(lower, lower);
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
