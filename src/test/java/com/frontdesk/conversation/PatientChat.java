package com.frontdesk.conversation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One patient's chat with Frontdesk, as the patient typed it, and what the patient should get back on every turn.
 * Used by {@link PatientConversationsTest}; the chats themselves are in {@link PatientChats}.
 *
 * @param name what the chat is about, shown in the test report
 * @param turns the patient's messages in order, each with what the reply must be
 */
record PatientChat(String name, List<Say> turns) {

	static PatientChat chat(String name, Say... turns) {
		return new PatientChat(name, List.of(turns));
	}

	static Say patient(String message) {
		return new Say(message);
	}

	@Override
	public String toString() {
		return name;
	}

	/** One message of the patient and what the reply to it must be. */
	static final class Say {

		final String message;

		String intent;

		boolean selfHarm;

		final List<String> says = new ArrayList<>();

		final List<String> neverSays = new ArrayList<>();

		final List<String> cites = new ArrayList<>();

		final List<String> offers = new ArrayList<>();

		Say(String message) {
			this.message = message;
		}

		/** An answer quoted from the practice's content, with its source. */
		Say answer() {
			return intent("answer");
		}

		/** An answer about whether the procedure fits the patient: the content, plus a way to book. */
		Say candidacyAnswer() {
			return intent("answer").offers("book");
		}

		Say booking() {
			return intent("booking").offers("book", "call", "callback");
		}

		/** Red-flag symptoms: call 911 first, nothing else from the content. */
		Say emergency() {
			return intent("emergency").offers("emergency");
		}

		/** Thoughts of self-harm: the 988 crisis line and 911. */
		Say selfHarm() {
			this.selfHarm = true;
			return intent("emergency").offers("emergency").says("988", "911");
		}

		/** Personal medical advice: never given, the care team is offered instead. */
		Say needsClinician() {
			return intent("needs_clinician").offers("call", "book");
		}

		Say handoff() {
			return intent("handoff").offers("call");
		}

		/** Not in the practice's content: says so, invents nothing, offers to call. */
		Say notCovered() {
			return intent("not_covered").offers("call");
		}

		Say greeting() {
			return intent("greeting");
		}

		/** Words the reply must contain (ignoring case), usually facts from the knowledge file. */
		Say says(String... words) {
			says.addAll(Arrays.asList(words));
			return this;
		}

		/** Words the reply must not contain (ignoring case). */
		Say neverSays(String... words) {
			neverSays.addAll(Arrays.asList(words));
			return this;
		}

		/** A section of the knowledge file the reply must cite (a citation's section contains it). */
		Say cites(String section) {
			cites.add(section);
			return this;
		}

		/** Action types the reply must offer. */
		Say offers(String... types) {
			for (String type : types) {
				if (!offers.contains(type)) {
					offers.add(type);
				}
			}
			return this;
		}

		private Say intent(String value) {
			this.intent = value;
			return this;
		}

	}

}
