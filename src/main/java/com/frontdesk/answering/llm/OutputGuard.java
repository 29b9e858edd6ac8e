package com.frontdesk.answering.llm;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks what a model wrote before a patient sees it: no doses, no diagnoses (English or Spanish), no number the
 * cited passages do not contain (an invented success rate, cost or recovery time), no medicine they do not name,
 * nothing of the system prompt and no talk about its rules, no links or markup (a link could carry the conversation
 * away), no encoded or spelled-out text. A sentence that fails is never shown; the whole reply is replaced by the
 * embedded answer.
 */
final class OutputGuard {

	private static final Pattern DOSE = Pattern.compile("(?iu)\\b(?:\\d+(?:[.,]\\d+)?|one|two|three|four|five|six|seven"
			+ "|eight|nine|ten|twelve|twenty|fifty|hundred|a couple of|a few|half an?|un[ao]?|dos|tres|cuatro|media)\\s*"
			+ "(?:mg|mcg|µg|g|ml|milligrams?|micrograms?|miligramos?|units?|iu|tablets?|pills?|capsules?|puffs?|drops?"
			+ "|pastillas?|comprimidos?|tabletas?|c[aá]psulas?|gotas?)\\b"
			+ "|\\b(?:dose|doses|dosage|dosing|dosis|posolog\\w*)\\b");

	private static final Pattern DIAGNOSIS = Pattern.compile("(?iu)\\byou (?:probably |likely |may |might |could |most likely |clearly |definitely )?"
			+ "(?:have|are suffering from|suffer from|'ve got|have got)\\s+(?:a |an )?(?:\\w+ ){0,3}?(?:disease|syndrome|infection|herniation"
			+ "|stenosis|fracture|tumou?r|cancer|condition|disorder|spondylolisthesis|scoliosis|discitis|osteomyelitis|instability|sciatica"
			+ "|disc|disk|arthritis|spondylosis|radiculopathy|myelopathy|neuropathy|degeneration|bulge|pinched nerve)\\b"
			+ "|\\byour diagnosis\\b|\\b(?:sounds|seems|looks) like you (?:have|'ve got)\\b|\\bi (?:would )?diagnose\\b"
			+ "|\\byou (?:should|must|need to) (?:stop|start|take|increase|decrease) (?:taking )?(?:your |the )?\\w+"
			+ "|\\b(?:usted |t[uú] )?(?:tiene|tienes|padece|padeces|sufre de|sufres de)\\s+(?:una? )?(?:\\w+ ){0,3}?(?:hernia"
			+ "|estenosis|fractura|tumor|c[aá]ncer|infecci[oó]n|escoliosis|ci[aá]tica|enfermedad|s[ií]ndrome|espondilolistesis"
			+ "|artritis|artrosis|degeneraci[oó]n)\\b|\\bsu diagn[oó]stico\\b|\\bparece que (?:usted )?(?:tiene|sufre)\\b");

	/** Links and markup: a model's answer never carries a link (sources are the reply's citations) nor HTML. */
	private static final Pattern LINK = Pattern.compile("(?iu)https?://|\\bwww\\.|\\]\\(|<\\s*/?\\s*(?:a|img|iframe|script|svg|link)\\b"
			+ "|\\b(?:javascript|data):");

	/** Text a patient cannot read: Base64 runs, words spelled letter by letter. */
	private static final Pattern ENCODED = Pattern.compile("[A-Za-z0-9+/]{24,}={0,2}|(?:\\b\\p{L}(?:[-.]\\s?|\\s)){5,}\\p{L}\\b");

	/** Talk about the assistant's own rules, prompt and passages (in the languages patients write in). */
	private static final Pattern META = Pattern.compile("(?iu)\\b(?:passages?|pasajes?|prompts?|instructions?"
			+ "|instrucci[oó]n|instrucciones|rules?|reglas?|r[eè]gles?|guidelines?|directives?|consignes?)\\b");

	/** Names of medicines: an answer names one only when the passages do. */
	private static final Pattern MEDICINE = Pattern.compile("(?iu)\\b(?:ibuprofen[o]?|advil|motrin|aleve|naproxen[o]?"
			+ "|tylenol|acetaminophen|paracetamol|aspirin[a]?|gabapentin[a]?|lyrica|pregabalin[a]?|oxycodone|oxicodona"
			+ "|percocet|hydrocodone|vicodin|tramadol|morphine|morfina|opioids?|opioides?|meloxicam|celebrex|flexeril"
			+ "|cyclobenzaprine|prednisone|prednisona|warfarin[a]?|coumadin|eliquis|xarelto|plavix|metformin[a]?"
			+ "|insulin[a]?|antibiotics?|antibi[oó]ticos?|painkillers?|analg[eé]sicos?)\\b");

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
	 * @param grounded what the passages and the practice's contact details contain ({@link #groundedIn}): their
	 * numbers (digits and number words, lower case) and the medicines and rule words they use
	 * @return why the text must not be shown, if it must not
	 */
	Optional<String> violation(String text, Set<String> grounded) {
		String withoutCitations = CITATION.matcher(text).replaceAll(" ");
		if (DOSE.matcher(withoutCitations).find()) {
			return Optional.of("dose");
		}
		if (DIAGNOSIS.matcher(withoutCitations).find()) {
			return Optional.of("diagnosis");
		}
		if (LINK.matcher(withoutCitations).find()) {
			return Optional.of("link");
		}
		if (ENCODED.matcher(withoutCitations).find()) {
			return Optional.of("encoded text");
		}
		Matcher number = NUMBER.matcher(withoutCitations);
		while (number.find()) {
			if (!grounded.contains(canonical(number.group()))) {
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
		if (ungrounded(META, withoutCitations, grounded)) {
			return Optional.of("talk about its rules");
		}
		if (ungrounded(MEDICINE, withoutCitations, grounded)) {
			return Optional.of("medicine not in the passages");
		}
		return Optional.empty();
	}

	private static boolean ungrounded(Pattern words, String text, Set<String> grounded) {
		Matcher word = words.matcher(text);
		while (word.find()) {
			if (!grounded.contains(word.group().toLowerCase(Locale.ROOT))) {
				return true;
			}
		}
		return false;
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

	/**
	 * What an answer may say because the given texts (the passages) say it: their numbers, and the restricted words
	 * (medicines, "rules", "instructions") they use themselves.
	 */
	static Set<String> groundedIn(List<String> texts) {
		Set<String> grounded = numbersIn(texts);
		for (String text : texts) {
			for (Pattern words : List.of(META, MEDICINE)) {
				Matcher word = words.matcher(text);
				while (word.find()) {
					grounded.add(word.group().toLowerCase(Locale.ROOT));
				}
			}
		}
		return grounded;
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
