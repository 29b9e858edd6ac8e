package com.frontdesk.conversation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises the messages that are about the conversation rather than the content: greetings, wanting a person,
 * wanting to book or be called, and asking whether the procedure fits the patient, by regular expressions. The
 * fallback of {@link IntentClassifier} when its examples are not decisive, and all there is without vectors.
 */
final class ConversationalIntents {

	/** What a message is; {@code QUESTION}: a question for the knowledge (or nothing else recognised). */
	enum Kind {

		GREETING, THANKS, GOODBYE, HANDOFF, PRACTICE_INFO, BOOKING, CALLBACK, CANDIDACY, OFF_TOPIC, FEELINGS, QUESTION;

		/** The name of the intent's example file and of its label in the labelled sets ("practice_info"). */
		String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private static final Set<String> GREETING_WORDS = Set.of("hi", "hello", "hey", "hiya", "howdy", "yo", "hola",
			"greetings", "good", "morning", "afternoon", "evening", "day", "there", "team", "doctor", "doc", "dr",
			"everyone", "all", "folks", "how", "hows", "are", "you", "is", "it", "going", "whats", "up", "sup", "doing",
			"today", "ok", "okay", "so", "um", "hmm");

	private static final Set<String> THANKS_WORDS = Set.of("thanks", "thank", "you", "thx", "ty", "cheers", "great",
			"ok", "okay", "cool", "perfect", "awesome", "that", "helps", "helped", "helpful", "very", "much", "so",
			"a", "lot", "appreciate", "it", "got", "nice", "good", "to", "know", "understood", "alright", "sounds");

	private static final Set<String> GOODBYE_WORDS = Set.of("bye", "goodbye", "see", "you", "later", "ya", "take",
			"care", "good", "night", "goodnight", "have", "a", "nice", "great", "day", "thanks", "thank", "cya", "ttyl",
			"ok", "okay", "alright", "then", "now", "for", "all", "your", "help", "very", "much", "weekend", "evening");

	private static final Pattern HANDOFF = Pattern.compile("\\b(?:(?:talk|speak|chat|connect me|put me through) (?:to|with)"
			+ " (?:a |an |the |your |someone|somebody|anyone|a real|real|live)?\\s*(?:human|person|people|someone|somebody"
			+ "|anyone|staff|receptionist|nurse|doctor|surgeon|office|front desk|agent|representative|rep|member of (?:your|the) team|team)"
			+ "|real person|real human|human being|live agent|live person|customer service|operator|not a (?:bot|robot|machine)"
			+ "|are you (?:a )?(?:bot|robot|human|real)|someone from (?:the|your) office|transfer me"
			+ "|(?:get|give|find|want|need) (?:me )?(?:a |an )?(?:human|real person|person|live agent|agent|receptionist|staff member)"
			+ "|^\\W*(?:human|agent|operator|representative|receptionist|person)\\W*(?:please|pls|now)?\\W*$)\\b");

	private static final Pattern PRACTICE_INFO = Pattern.compile("\\b(?:opening hours|office hours|business hours|your hours"
			+ "|hours of operation|when are you open|what time do you (?:open|close)|are you open|open on (?:saturday|sunday|weekends?)"
			+ "|where (?:exactly |abouts |about )?(?:are|r) (?:you|u)|where(?:'s| is) (?:your|the) (?:office|practice|clinic)|located|your location|your address"
			+ "|what(?:'s| is) the address|directions to|how do i get (?:there|to you)|phone number|your number"
			+ "|number to call|contact (?:info|information|details|number)"
			+ "|^\\W*(?:phone|telephone|phone number|address|hours|opening hours)(?=\\W*$))\\b");

	/** Asking the practice to call: part of a booking message, and what makes it a call-back request. */
	private static final String CALL_REQUESTS = "call me|callback|call back|ring me|phone me|contact me|reach me";

	/** Asking to book; "when I come in" only says when something happens ("where do I park when I come in?"). */
	private static final Pattern BOOKING = Pattern.compile("\\b(?:book(?:ing)?|schedul\\w*|reschedul\\w*|appointments?|appt"
			+ "|consultations?|consult|same[- ]day|(?:see|visit|meet) (?:the|a|your|dr\\.?|doctor) ?(?:doctor|surgeon|specialist|\\w+)?"
			+ "|" + CALL_REQUESTS + "|call me back|get in touch|sign (?:me )?up"
			+ "|available (?:slots?|times?|dates?)|next available|(?<!when (?:i|we) )come in|make an? (?:appt|appointment|visit))\\b");

	/** "Call me", "can someone call me back": a booking message asking the practice to call. */
	private static final Pattern CALL_ME = Pattern.compile("\\b(?:" + CALL_REQUESTS
			+ "|give me a (?:call|ring)|get in touch with me)\\b");

	private static final Pattern CANDIDACY = Pattern.compile("\\b(?:(?:am i|i am|i'?m|would i be|could i be|is my \\w+) (?:a )?(?:good |right |suitable |possible )?candidate"
			+ "|candidate for|right for me|suitable for me|good option for me|an option for me|work for me|help me\\b"
			+ "|help (?:my|with my)|(?:could|can|would|will|might) (?:this|it|lateral fusion|the surgery|the procedure) (?:\\w+ )?help"
			+ "|(?:pt|physical therapy|physio|therapy|injections?|shots?|meds|medications?|pain pills|painkillers|nothing)"
			+ " (?:\\w+ ){0,4}?(?:(?:did ?n'?t|did not|does ?n'?t|does not|have ?n'?t|haven'?t|has ?n'?t|never) (?:help|work)\\w*|not (?:helping|working)|failed)"
			+ "|tried everything|nothing (?:helps|works|has helped|has worked)|qualify"
			+ "|\\b(?:i have|i'?ve had|i'?ve got|i suffer from|i get|my) (?:\\w+ ){0,3}?(?:back|leg|sciatic\\w*|disc|disk|spine|spinal) ?(?:pain|problems?|issues?|aches?)"
			+ "|\\bmy (?:lower |low )?(?:back|legs?|spine) (?:hurts?|aches?|is killing me|is sore|kills me))");

	private ConversationalIntents() {
	}

	/** Whether a booking message asks to be called rather than to book. */
	static boolean asksToBeCalled(String message) {
		return CALL_ME.matcher(normalize(message)).find();
	}

	static Kind classify(String message) {
		String text = normalize(message);
		String[] words = text.replaceAll("[^a-z' ]", " ").trim().split("\\s+");
		if (words.length <= 8 && !text.isBlank()) {
			if (allIn(words, GOODBYE_WORDS) && (text.contains("bye") || text.contains("see you") || text.contains("care")
					|| text.contains("night") || text.contains("later") || text.contains("ttyl") || text.contains("cya"))) {
				return Kind.GOODBYE;
			}
			if (allIn(words, THANKS_WORDS)) {
				return Kind.THANKS;
			}
			if (allIn(words, GREETING_WORDS) && !text.matches(".*\\b(?:how are you)\\b.*\\?.*\\?.*")) {
				return Kind.GREETING;
			}
		}
		if (HANDOFF.matcher(text).find()) {
			return Kind.HANDOFF;
		}
		if (PRACTICE_INFO.matcher(text).find()) {
			return Kind.PRACTICE_INFO;
		}
		if (BOOKING.matcher(text).find()) {
			return CALL_ME.matcher(text).find() ? Kind.CALLBACK : Kind.BOOKING;
		}
		if (CANDIDACY.matcher(text).find()) {
			return Kind.CANDIDACY;
		}
		return Kind.QUESTION;
	}

	private static boolean allIn(String[] words, Set<String> vocabulary) {
		for (String word : words) {
			if (!vocabulary.contains(word.replace("'", ""))) {
				return false;
			}
		}
		return true;
	}

	private static String normalize(String message) {
		String text = Normalizer.normalize(message, Normalizer.Form.NFKC).replace('\u2019', '\'');
		return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
	}

}
