package com.frontdesk.triage;

import static com.frontdesk.triage.TriageOutcome.EMERGENCY;
import static com.frontdesk.triage.TriageOutcome.MANIPULATION;
import static com.frontdesk.triage.TriageOutcome.NEEDS_CLINICIAN;
import static com.frontdesk.triage.TriageOutcome.SELF_HARM;

import com.frontdesk.answering.Languages;
import com.frontdesk.learning.WordFeatures;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Deterministic triage, always the first step of a turn: the same message always gets the same decision, and
 * no model, index of the practice's content or database is involved. Checked in order of danger: self-harm and
 * the red-flag concepts of {@code triage/concepts} first ({@link RedFlags}: Lucene span queries over the message,
 * read in their clinical context), then personal medical advice, then attempts to subvert the assistant. When the
 * context of a red flag is uncertain, triage errs towards sending the patient to emergency care.
 */
@Component
public class Triage {

	private final Vocabulary vocabulary = Vocabulary.load();

	private final RedFlags redFlags = new RedFlags(vocabulary);

	private static final String DRUG = "\\b(?:ibuprofen|advil|motrin|aleve|naproxen|tylenol|acetaminophen|paracetamol|aspirin"
			+ "|gabapentin|lyrica|pregabalin|oxycodone|percocet|hydrocodone|vicodin|tramadol|morphine|opioids?|meloxicam"
			+ "|celebrex|muscle relaxants?|flexeril|cyclobenzaprine|prednisone|steroid pills?|blood thinners?|warfarin"
			+ "|coumadin|eliquis|xarelto|plavix|metformin|insulin|antibiotics?|zyrtec|claritin|allegra|benadryl|flonase"
			+ "|sudafed|mucinex|nyquil|dayquil|paxlovid|tamiflu|lexapro|zoloft|prozac|wellbutrin|hydroxyzine|amoxicillin"
			+ "|augmentin|azithromycin|z-?pak|z-?pack|doxycycline|cipro|keflex|valium|xanax|ambien|adderall|lisinopril"
			+ "|ozempic|oxy|oxys|stool softeners?|laxatives?|miralax|colace|senna|cbd|melatonin|supplements?|vitamins?)\\b";

	/** Any medicine, by kind or by name. */
	private static final String MEDICINE = "(?:\\b(?:medications?|medicines?|meds|drugs?|pills?|tablets?|nasal sprays?"
			+ "|inhalers?|muscle relax(?:ers?|ants?)|painkillers?|pain killers?)\\b|" + DRUG + ")";

	/** Whether a message names a medicine at all: the rules that need one are not tried on a message without. */
	static final java.util.regex.Pattern NAMES_MEDICINE = java.util.regex.Pattern.compile(MEDICINE);

	/**
	 * A word of every medicine name and kind of {@link #MEDICINE} (singular; for the two-word ones the word that
	 * decides): a message with none of them cannot name a medicine, so {@link #NAMES_MEDICINE} only runs on one with.
	 */
	private static final java.util.Set<String> MEDICINE_WORDS = java.util.Set.of("medication", "medicine", "med", "drug",
			"pill", "tablet", "spray", "inhaler", "relaxer", "relaxant", "painkiller", "killer", "ibuprofen", "advil",
			"motrin", "aleve", "naproxen", "tylenol", "acetaminophen", "paracetamol", "aspirin", "gabapentin", "lyrica",
			"pregabalin", "oxycodone", "percocet", "hydrocodone", "vicodin", "tramadol", "morphine", "opioid", "meloxicam",
			"celebrex", "flexeril", "cyclobenzaprine", "prednisone", "thinner", "warfarin", "coumadin", "eliquis",
			"xarelto", "plavix", "metformin", "insulin", "antibiotic", "zyrtec", "claritin", "allegra", "benadryl",
			"flonase", "sudafed", "mucinex", "nyquil", "dayquil", "paxlovid", "tamiflu", "lexapro", "zoloft", "prozac",
			"wellbutrin", "hydroxyzine", "amoxicillin", "augmentin", "azithromycin", "z", "zpak", "zpack", "doxycycline",
			"cipro", "keflex", "valium", "xanax", "ambien", "adderall", "lisinopril", "ozempic", "oxy", "softener",
			"laxative", "miralax", "colace", "senna", "cbd", "melatonin", "supplement", "vitamin");

	private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^a-z0-9]+");

	static boolean namesMedicine(String normalized) {
		for (String word : NOT_WORD.split(normalized)) {
			String singular = word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
			if (MEDICINE_WORDS.contains(word) || MEDICINE_WORDS.contains(singular)) {
				return NAMES_MEDICINE.matcher(normalized).find();
			}
		}
		return false;
	}

	private static final List<TriageRule> RULES = List.of(
			// Personal medical advice: doses and medicine decisions, diagnoses, test results.
			TriageRule.of("dose", NEEDS_CLINICIAN,
					"\\b(?:doses?|dosage|dosing|\\d+ ?(?:mg|mcg|milligrams?|ml)|how (?:much|many) (?:\\w+ ){0,2}(?:should|can|do) i (?:take|use|have)"
							+ "|how (?:many|much) (?:pills?|tablets?|capsules?|mg|milligrams?)|how often (?:should|can) i take|overdose)\\b"),
			TriageRule.of("medicine-decision", NEEDS_CLINICIAN,
					"\\b(?:should|can|could|may|do|must) i (?:\\w+ ){0,2}(?:keep taking|increase|decrease|double|mix|combine|come off|go off)\\b"
							+ "(?!.*\\b(?:appointment|consultation|book|schedul\\w*|call)\\b)"
							+ "|\\b(?:stop|quit|skip|start|keep) taking\\b"
							+ "|\\b(?:safe|ok|okay|alright|fine) to (?:take|mix|combine)\\b"
							+ "|\\b(?:prescrib\\w*|refill\\w*)\\b|\\b(?:new|another|more|stronger|different) prescription\\b"
							+ "|\\bprescription (?:for|of)\\b(?! me\\b)"),
			TriageRule.ofMedicine("medicine-decision", NEEDS_CLINICIAN,
					"\\b(?:should|can|could|may|do|must) i (?:\\w+ ){0,2}(?:stop|start|take|use|quit|skip|switch)\\b"
							+ "(?!.*\\b(?:appointment|consultation|book|schedul\\w*|call)\\b)|"
							+ "\\b(?:take|taking|stop|stopping|on|off|use|using|mix|mixing)\\W+(?:\\w+\\W+){0,2}?" + DRUG
							+ "|" + DRUG + "\\W+(?:\\w+\\W+){0,3}?(?:before|after|ok|okay|safe|allowed|fine|with)\\b"
							+ "|\\b(?:safe|ok|okay|alright|fine) to (?:stop|quit)\\b"
							// giving someone their medicine; taking one's own on the day of the operation
							+ "|\\b(?:can|should|may|could|do) i give (?:him|her|them|my)\\b"
							+ "|\\btake (?:it|them|these|those)\\b[^.?!]{0,40}\\b(?:day|morning|night) (?:of|before)\\b"),
			// Which medicine to take, what one does or whether it helps: only the care team can say, for this patient.
			TriageRule.ofMedicine("medicine-question", NEEDS_CLINICIAN,
					"\\b(?:is there|are there|any(?:thing)?|what|which|suggest|recommend)\\b(?:\\W+\\w+){0,3}?\\W+" + MEDICINE
							+ "|\\b(?:will|would|can|could|does|do|might|may|should) (?:the |this |that |my |a |an |these |those )?"
							+ MEDICINE + "\\W+(?:\\w+\\W+){0,2}?(?:help|work|interact)\\b"
							+ "|" + MEDICINE + "\\W+(?:will|would|can|could|does|do|might|may)\\W+(?:\\w+\\W+){0,2}?(?:help|work|interact)\\b"
							+ "|\\b(?:qualify|eligible) for\\W+(?:\\w+\\W+){0,3}?" + MEDICINE),
			TriageRule.of("medicine-question", NEEDS_CLINICIAN,
					"\\b(?:anything|something)\\W+(?:\\w+\\W+){0,2}?(?:give|prescribe|recommend) (?:me )?(?:to|for)\\b"
							+ "|\\b(?:anything|something|what)\\W+(?:\\w+\\W+){0,3}?(?:do|take|use|try)(?: or (?:do|take|use|try))? "
							+ "for (?:the |my |this |back |leg )?pain\\b"
							+ "|\\b(?:how (?:do|can|could|should) i|is there (?:a way|anything)(?: i can do)? to|what (?:can|should) i do to) "
							+ "(?:stop|treat|cure|get rid of|relieve|ease|soothe|manage|fix) (?:the |my |this |these )?\\w+"),
			TriageRule.of("diagnosis", NEEDS_CLINICIAN,
					"\\b(?:do|did|could|might|would) i (?:\\w+ )?(?:have|has|got) (?:a |an )?(?!(?:a |an )?(?:questions?|appointments?|consultation|scars?|to|same|this|the|it|surgery|lateral|an? (?:operation|procedure))\\b)\\w+"
							+ "|\\b(?:am i|is it|is this|could (?:it|this) be|might (?:it|this) be|do you think (?:it'?s|i have|this is)) (?:\\w+ ){0,2}(?:cancer|a tumou?r|serious|broken|fractured|infected|a herniat\\w*|herniated|a slipped|dangerous|bad)\\b"
							+ "|\\bdiagnos\\w*\\b|\\bwhat(?:'s| is) wrong with (?:me|my)\\b|\\bwhat do i have\\b"
							+ "|\\b(?:diseases?|conditions?|illness(?:es)?|infections?) (?:\\w+ ){0,2}i (?:would |might |could |may )?(?:have|got)\\b"
							+ "|\\b(?:do|will|would) i (?:really |actually |definitely )?(?:need|have to have|have to get) (?:(?:the|a|an|this|that|back|spine|spinal|lateral) ){0,2}(?:surgery|operation|fusion|mri|x-?ray|scan|procedure)\\b"
							+ "|\\b(?:safe|ok|okay|dangerous|risky) for me\\b"
							+ "|\\bshould i (?:get|have|do|go for) (?:the )?(?:surgery|operation|fusion|procedure)\\b"
							+ "|\\bdoes (?:that|this|it) mean (?:that )?i (?:need|have|should)\\b"),
			TriageRule.of("test-results", NEEDS_CLINICIAN,
					"\\b(?:my|the) (?:mri|x-?rays?|ct|cat scan|scans?|tests?|test results|results|report|blood ?work|labs?|emg)\\b\\W+(?:\\w+\\W+){0,3}?"
							+ "(?:shows?|showed|says|said|mean|means|found|revealed|came back|read|looks?)\\b"
							+ "|\\b(?:read|interpret|look at|explain) my (?:mri|x-?rays?|ct|scans?|results|report|labs?|images?)\\b"
							+ "|\\bwhat does (?:my|this) (?:mri|x-?ray|ct|scan|result|report)\\b"
							+ "|\\b(?:report|mri|x-?rays?|ct|scans?|results?|labs?|blood ?work)\\b[^?]{0,120}\\b(?:good or bad|bad or good)\\b"),
			// Attempts to make the assistant ignore its rules or reveal them.
			TriageRule.of("prompt-injection", MANIPULATION,
					"\\b(?:ignore|disregard|forget|override|bypass)\\W+(?:\\w+\\W+){0,3}?(?:instructions?|rules?|prompts?|guidelines|guardrails|programming|restrictions?|directions)\\b"
							+ "|\\b(?:system|hidden|initial|original)[ _-]?(?:prompt|instructions?|message)\\b"
							+ "|\\b(?:reveal|show|print|repeat|tell me|what are) (?:me )?(?:your|the) (?:instructions|rules|prompt|configuration)\\b"
							+ "|\\byou are now\\b|\\bfrom now on,? you\\b|\\bpretend (?:to be|you(?: are|'re)?)\\b|\\bact as (?:a |an |my )?\\w+"
							+ "|\\broleplay\\b|\\bjail ?break\\w*\\b|\\bdeveloper mode\\b|\\bdo anything now\\b|\\bno restrictions\\b"
							+ "|\\bsudo\\b|\\badmin mode\\b")
				.onlyWith("ignore", "disregard", "forget", "override", "bypass", "prompt", "instruction", "message",
						"rules", "configuration", "you are now", "from now on", "pretend", "act as", "roleplay", "jail",
						"developer mode", "do anything now", "no restrictions", "sudo", "admin mode"));

	/** English and Spanish rules of personal medical advice and manipulation, in that order. */
	private static final List<TriageRule> ALL_RULES = java.util.stream.Stream
		.concat(RULES.stream(), SpanishRules.RULES.stream())
		.sorted(java.util.Comparator.comparing(TriageRule::outcome))
		.toList();

	/** The rules of personal medical advice and manipulation, English and Spanish, in the order they are tried. */
	static List<TriageRule> rules() {
		return ALL_RULES;
	}

	/**
	 * Decides what kind of message this is. Never throws; an empty message is clear. Text hidden in Base64 is read
	 * too: what it says counts like the rest of the message, and hiding it is an attempt to subvert the assistant.
	 */
	public TriageResult assess(String message) {
		List<String> hidden = EncodedText.decode(message);
		String normalized = normalize(hidden.isEmpty() ? message : message + "\n" + String.join("\n", hidden));
		boolean spanish = Languages.looksSpanish(normalized);
		List<RedFlags.Finding> findings = redFlags.find(normalized);
		boolean medicine = namesMedicine(normalized);
		boolean mentioned = findings.stream().anyMatch(f -> !f.affirmed() && f.concept().outcome() != NEEDS_CLINICIAN);
		for (TriageOutcome urgent : List.of(SELF_HARM, EMERGENCY)) {
			for (RedFlags.Finding finding : findings) {
				Concept concept = finding.concept();
				if (finding.affirmed() && concept.outcome() == urgent) {
					return new TriageResult(urgent, concept.id(), spanish, concept.advice(spanish), mentioned);
				}
			}
		}
		for (TriageRule rule : ALL_RULES) {
			if (rule.outcome() == NEEDS_CLINICIAN && rule.matches(normalized, medicine)) {
				return new TriageResult(rule.outcome(), rule.name(), spanish || rule.name().startsWith("es-"), "", mentioned);
			}
		}
		for (RedFlags.Finding finding : findings) {
			if (finding.affirmed() && finding.concept().outcome() == NEEDS_CLINICIAN) {
				return new TriageResult(NEEDS_CLINICIAN, finding.concept().id(), spanish, "", mentioned);
			}
		}
		for (TriageRule rule : ALL_RULES) {
			if (rule.outcome() == MANIPULATION && rule.matches(normalized, medicine)) {
				return new TriageResult(rule.outcome(), rule.name(), spanish || rule.name().startsWith("es-"), "", mentioned);
			}
		}
		if (!hidden.isEmpty()) {
			return new TriageResult(MANIPULATION, "encoded-text", spanish, "", mentioned);
		}
		return mentioned ? new TriageResult(TriageOutcome.CLEAR, "none", spanish, "", true)
				: spanish ? new TriageResult(TriageOutcome.CLEAR, "none", true) : TriageResult.CLEAR;
	}

	/** The ids of the concepts with this outcome. */
	java.util.Set<String> conceptIds(TriageOutcome outcome) {
		return vocabulary.concepts().stream().filter(c -> c.outcome() == outcome).map(Concept::id)
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
	}

	/**
	 * A concept's decision as if its rules had matched: its outcome and advice in the patient's language (for the
	 * safety net, which finds the concept by meaning).
	 */
	TriageResult concept(String id, boolean spanish, String rule) {
		for (Concept concept : vocabulary.concepts()) {
			if (concept.id().equals(id)) {
				return new TriageResult(concept.outcome(), rule, spanish, concept.advice(spanish), false);
			}
		}
		throw new IllegalArgumentException("No triage concept " + id);
	}

	/**
	 * "she's", "he's" (also typed "shes", "hes"): read as "she is", so that what someone else is going through now
	 * ("she's slurring") is not confused with what she said or had ("she said she couldn't"), which analysis would
	 * otherwise fold to the same word.
	 */
	private static final java.util.regex.Pattern HE_IS = java.util.regex.Pattern.compile("\\b(s?he)'?s\\b");

	/** Lower case, plain apostrophes, accents folded, single spaces: so rules see the same text however it was typed. */
	static String normalize(String message) {
		return HE_IS.matcher(WordFeatures.normalize(message)).replaceAll("$1 is");
	}

}
