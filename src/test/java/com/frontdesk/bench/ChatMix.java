package com.frontdesk.bench;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * The realistic mix of patient messages the turn benchmark replays. Each script is one conversation: its first
 * message starts a new conversation, the rest continue it (so follow-ups resolve against the stored topic). The
 * comment after each message is the intent it is expected to get; the benchmark prints what it actually got.
 */
final class ChatMix {

	static final List<List<String>> CONVERSATIONS = List.of(
			// A new patient reads about the procedure, with follow-ups that lean on the conversation's topic.
			List.of("Hi there", // greeting
					"What is minimally invasive lateral fusion?", // answer
					"How big is the incision?", // answer (follow-up)
					"and what are the screws for?", // answer (follow-up)
					"Will it leave a scar?", // answer (follow-up)
					"How long does it take for the bones to fuse?", // answer (follow-up)
					"I'd like to book a consultation"), // booking
			// A patient wondering whether it is for them.
			List.of("Am I a good candidate? Physical therapy didn't help my back pain", // answer (candidacy)
					"Which conditions can it treat?", // answer (follow-up)
					"does it help with scoliosis", // answer (follow-up)
					"What are the goals of the surgery?", // answer
					"Can you schedule an appointment for me next week?"), // booking
			// Misspellings (typo correction path), then questions the knowledge does not cover.
			List.of("what is latteral fussion", // answer (typo-corrected)
					"how do they remove the disc", // answer
					"Do you accept Blue Cross insurance?", // not_covered
					"Is there parking near your office?", // not_covered
					"What is the success rate of an artificial heart valve?"), // not_covered
			// Red flags: triage answers before anything else.
			List.of("I had surgery last week and now I have a fever and my incision is leaking", // emergency
					"I suddenly can't feel my legs and I lost control of my bladder"), // emergency
			// Wants a person.
			List.of("What is the bone graft made of?", // answer
					"Can I talk to a real person please?", // handoff
					"thanks, that helps")); // greeting

	private ChatMix() {
	}

	static int turnsPerRound() {
		return CONVERSATIONS.stream().mapToInt(List::size).sum();
	}

	static List<String> distinctMessages() {
		LinkedHashSet<String> messages = new LinkedHashSet<>();
		CONVERSATIONS.forEach(messages::addAll);
		return List.copyOf(messages);
	}

}
