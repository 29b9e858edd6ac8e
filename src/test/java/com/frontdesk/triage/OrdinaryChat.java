package com.frontdesk.triage;

import java.util.ArrayList;
import java.util.List;

import com.frontdesk.learning.LinearModelTraining;
import com.frontdesk.retrieval.ResourceLines;
import com.frontdesk.retrieval.Retriever;

/**
 * Ordinary chat, none of it an emergency: the intents' example sentences and labelled messages of
 * {@code conversation/intents/} (greetings, bookings, questions about the procedure, small talk, feelings). More "none"
 * examples for the learned red-flag score, so that a message unlike every red-flag example and every look-alike ("who
 * won the football last night?") is not taken for a red flag. Each is read with the vector a chat turn computes for it.
 */
final class OrdinaryChat {

	private static final String FOLDER = "conversation/intents/";

	private static final List<String> INTENTS = List.of("greeting", "thanks", "goodbye", "handoff", "practice_info",
			"booking", "callback", "candidacy", "off_topic", "feelings", "question");

	/**
	 * The intents' first four labelled sets only: learning the later ones as "none" too (2026-12-08, each triage set
	 * left out in turn) cleared 6 false alarms but missed 10 more of 3,750 emergencies.
	 */
	private static final List<String> LABELLED = List.of("tune", "tune-2", "tune-3", "tune-4");

	private OrdinaryChat() {
	}

	static List<String> messages() {
		List<String> messages = new ArrayList<>();
		INTENTS.forEach(intent -> ResourceLines.of(FOLDER + intent + ".txt").forEach(line -> messages.add(line.strip())));
		for (String set : LABELLED) {
			for (String line : ResourceLines.of(FOLDER + "labelled/" + set + ".tsv")) {
				String[] fields = line.split("\t");
				if (fields.length >= 2) {
					messages.add(fields[1].strip());
				}
			}
		}
		return messages;
	}

	/**
	 * Ordinary chat that is no example of triage: the scored held-out sets of intents and answerability, which nothing
	 * is learned from (test resources).
	 */
	static final List<String> UNLEARNED = List.of("/intents/heldout-4.tsv",
			"/answerability/heldout.tsv", "/answerability/heldout-5.tsv", "/retrieval/questions/tune-6.tsv",
			"/retrieval/questions/tune-7.tsv");

	/** The messages of one of those sets (its second column). */
	static List<String> unlearned(String file) {
		try (java.io.InputStream in = OrdinaryChat.class.getResourceAsStream(file)) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
				.map(line -> line.split("\t"))
				.filter(fields -> fields.length >= 2)
				.map(fields -> fields[1])
				.toList();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Every ordinary message as a "none" example (class 0) of the score. */
	static List<LinearModelTraining.Sample> samples(Retriever retriever, Redactor redactor) {
		List<LinearModelTraining.Sample> samples = new ArrayList<>();
		for (String message : messages()) {
			samples.add(new LinearModelTraining.Sample(RedFlagModel.features(message),
					retriever.questionVector(redactor.searchable(message), ""), 0));
		}
		return samples;
	}

}
