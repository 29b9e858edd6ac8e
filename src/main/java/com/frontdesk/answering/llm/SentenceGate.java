package com.frontdesk.answering.llm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets a streamed model answer through one sentence at a time, and only after the sentence passed the
 * {@link OutputGuard}. Citation numbers are renumbered in the order the answer first uses them, so that [1] is the
 * first entry of the reply's citations. The first sentence that fails stops everything after it from being released,
 * but the gate still reads on for an {@link EmergencyMarker emergency marker}: once one is read the answer is over
 * and nothing more is released. A line that may be a marker is held back until it is complete, so a marker is never
 * released.
 */
final class SentenceGate {

	private static final Pattern SENTENCE_END = Pattern.compile(
			"[.!?](?:\\s*\\[\\s*\\d+(?:\\s*,\\s*\\d+)*\\s*])*[.!?]?\\s+|\\n\\s*\\n");

	private static final Pattern CITATION = Pattern.compile("\\[\\s*(\\d{1,3}(?:\\s*,\\s*\\d{1,3})*)\\s*]");

	private static final Pattern NOT_COVERED = Pattern.compile("^\\W*NOT_COVERED\\W*$");

	private final OutputGuard guard;

	private final Set<String> allowedNumbers;

	private final int passages;

	private final Consumer<String> out;

	private final StringBuilder pending = new StringBuilder();

	private final StringBuilder released = new StringBuilder();

	/** Everything the model wrote so far, for finding a marker line. */
	private final StringBuilder written = new StringBuilder();

	/** Where the first line of {@link #written} not yet known to be no marker starts. */
	private int unread;

	private ModelAnswer.Emergency raised;

	/** Original passage number -> number in the reply. */
	private final Map<Integer, Integer> numbering = new LinkedHashMap<>();

	private String violation;

	SentenceGate(OutputGuard guard, Set<String> allowedNumbers, int passages, Consumer<String> out) {
		this.guard = guard;
		this.allowedNumbers = allowedNumbers;
		this.passages = passages;
		this.out = out;
	}

	/**
	 * Takes the next piece of the model's answer.
	 * @return false once there is no need to hear more: the model raised the turn to an emergency
	 */
	synchronized boolean accept(String piece) {
		if (raised != null) {
			return false;
		}
		written.append(piece);
		int held = readMarker(false);
		if (raised != null) {
			return false;
		}
		if (violation != null) {
			return true;
		}
		pending.append(piece);
		int releasable = held < 0 ? pending.length()
				: Math.max(0, held - (written.length() - pending.length()));
		Matcher end = SENTENCE_END.matcher(pending).region(0, releasable);
		int from = 0;
		while (end.find()) {
			if (!release(pending.substring(from, end.end()))) {
				pending.setLength(0);
				return true;
			}
			from = end.end();
		}
		pending.delete(0, from);
		return true;
	}

	/** Ends the answer: the rest is checked like a sentence. */
	synchronized Result finish() {
		if (raised == null) {
			readMarker(true);
		}
		if (raised != null) {
			pending.setLength(0);
			return new Result("", List.of(), false, Optional.empty(), Optional.of(raised));
		}
		String rest = pending.toString();
		pending.setLength(0);
		if (violation == null && released.isEmpty() && NOT_COVERED.matcher(rest.strip()).matches()) {
			return new Result("", List.of(), true, Optional.empty(), Optional.empty());
		}
		if (violation == null && !rest.isBlank()) {
			release(rest);
		}
		if (violation == null && numbering.isEmpty()) {
			violation = "no citation";
		}
		return new Result(released.toString().strip(), List.copyOf(numbering.keySet()), false,
				Optional.ofNullable(violation), Optional.empty());
	}

	/**
	 * Whether the model raised the turn to an emergency in what it wrote so far, its last line read as complete: for a
	 * call that ended before the model finished. Releases nothing.
	 */
	synchronized Optional<ModelAnswer.Emergency> raised() {
		if (raised == null) {
			readMarker(true);
		}
		return Optional.ofNullable(raised);
	}

	/** Why the answer must not be shown, once a sentence has failed the guard. */
	synchronized Optional<String> violation() {
		return Optional.ofNullable(violation);
	}

	/**
	 * What the model wrote, once checked.
	 * @param text the answer as released, citations renumbered
	 * @param cited the passage numbers (1-based, as given to the model) in reply order
	 * @param notCovered the model said the passages do not answer the question
	 * @param violation why the answer must not be shown, if it must not
	 * @param raised the model raised the turn to an emergency: whatever else it wrote does not count
	 */
	record Result(String text, List<Integer> cited, boolean notCovered, Optional<String> violation,
			Optional<ModelAnswer.Emergency> raised) {
	}

	/**
	 * Reads the lines written since the last one known to be no marker, and remembers a marker when one is complete.
	 * @param ended the model has finished: its last line is complete too
	 * @return where in {@link #written} the last, unfinished line starts when it may still be a marker (nothing from
	 * there may be released yet), otherwise -1
	 */
	private int readMarker(boolean ended) {
		while (unread < written.length()) {
			int newline = written.indexOf("\n", unread);
			boolean complete = newline >= 0 || ended;
			String line = written.substring(unread, newline >= 0 ? newline : written.length());
			if (!complete) {
				return EmergencyMarker.mayStart(line) ? unread : -1;
			}
			Optional<ModelAnswer.Emergency> marker = EmergencyMarker.in(line);
			if (marker.isPresent()) {
				raised = marker.get();
				return -1;
			}
			unread = newline >= 0 ? newline + 1 : written.length();
		}
		return -1;
	}

	private boolean release(String sentence) {
		Optional<String> problem = guard.violation(sentence, allowedNumbers);
		if (problem.isPresent()) {
			violation = problem.get();
			return false;
		}
		String renumbered = renumber(sentence);
		if (renumbered == null) {
			violation = "cites a passage that was not given";
			return false;
		}
		released.append(renumbered);
		out.accept(renumbered);
		return true;
	}

	private String renumber(String sentence) {
		Matcher citation = CITATION.matcher(sentence);
		StringBuilder result = new StringBuilder();
		while (citation.find()) {
			List<String> numbers = new ArrayList<>();
			for (String number : citation.group(1).split("\\s*,\\s*")) {
				int original = Integer.parseInt(number.strip());
				if (original < 1 || original > passages) {
					return null;
				}
				numbers.add(String.valueOf(numbering.computeIfAbsent(original, n -> numbering.size() + 1)));
			}
			citation.appendReplacement(result, Matcher.quoteReplacement("[" + String.join(", ", numbers) + "]"));
		}
		citation.appendTail(result);
		return result.toString();
	}

}
