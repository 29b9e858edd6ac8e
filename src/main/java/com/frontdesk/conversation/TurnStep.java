package com.frontdesk.conversation;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A step a channel adds to a turn, which {@link TurnPipeline} runs once triage has assessed the message: a guided
 * exchange under way with the patient (a callback request on a messaging channel, for instance) answers the message
 * itself instead of the conversational intents and the knowledge. Its reply is stored as the turn's reply, like any
 * other; an emergency or thoughts of self-harm never reach it ({@link #interrupted()} is called instead, and the
 * emergency reply is given).
 */
public interface TurnStep {

	/** No step: the pipeline answers every message itself. */
	TurnStep NONE = new TurnStep() {

		@Override
		public Optional<String> reply(String text, Supplier<String> conversation) {
			return Optional.empty();
		}

	};

	/**
	 * The reply when the step answers this message (stored with intent {@code booking}); empty when the pipeline
	 * answers it. Called only for a message triage found no emergency in.
	 * @param text the patient's message, cleaned
	 * @param conversation the turn's conversation id; the conversation is stored when this is called (a step that
	 * keeps state referring to it calls it; the first message of a conversation is otherwise stored with its reply)
	 */
	Optional<String> reply(String text, Supplier<String> conversation);

	/** Triage found an emergency or thoughts of self-harm in the message: whatever the step had under way ends. */
	default void interrupted() {
	}

}
