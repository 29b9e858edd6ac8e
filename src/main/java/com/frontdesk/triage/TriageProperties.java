package com.frontdesk.triage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of triage.
 *
 * @param safetyNet the net behind the concept rules
 */
@ConfigurationProperties("frontdesk.triage")
public record TriageProperties(@DefaultValue SafetyNetSettings safetyNet) {

	/**
	 * @param enabled whether a message no concept matches is compared in meaning with the red-flag descriptions
	 * @param threshold cosine from which a message counts as close to a red flag (calibrated on the tuned sets, see
	 * docs/benchmarks.md)
	 * @param exampleMargin how much nearer (mean cosine of the three nearest) a message must be to the labelled
	 * emergencies of {@code triage/examples/} than to their look-alikes to count as a red flag (calibrated on the
	 * examples themselves, each left out in turn, see docs/benchmarks.md)
	 * @param selfHarmMargin the same margin for a message whose nearest emergencies are thoughts of self-harm: lower,
	 * since such thoughts are most often said indirectly, a missed one costs most, and the reply to a false alarm is
	 * an offer of the crisis line (calibrated on a scored held-out set, see docs/benchmarks.md)
	 * @param scoreAt the learned red-flag score ({@code triage/examples/model.bin}) from which a message the rules
	 * leave without an alarm is a red flag (calibrated with each tune set left out of the learning in turn, see
	 * docs/benchmarks.md)
	 * @param scoreClearsBelow the learned score under which an alarm of the rules is not raised after all: the
	 * message is much more like the look-alikes than like any emergency (calibrated the same way); 0 never clears one
	 * @param careTeamAt the learned score for questions only the care team can answer (choosing, combining or dosing
	 * a medicine, what a result means) from which a message the rules cleared goes to the care team (calibrated the
	 * same way); above 1 never
	 * @param selfHarmScoreAt the learned score's chance of thoughts of self-harm from which a message the rules leave
	 * without an alarm gets the crisis line first, whatever its nearest examples: thoughts of self-harm are most often
	 * said indirectly, a missed one costs most, and the reply to a false alarm is an offer of the crisis line
	 * (calibrated the same way); above 1 never
	 * @param scoreAloneAt the learned score from which a message the rules leave without an alarm gets that red flag's
	 * advice whatever its nearest examples (from {@code score-at} they must lean to the emergencies too); chosen with
	 * each example set left out in turn, where it caught 19 more of 3,140 emergencies with no more false alarms; above
	 * 1 never
	 */
	public record SafetyNetSettings(@DefaultValue("true") boolean enabled, @DefaultValue("0.70") double threshold,
			@DefaultValue("0.12") double exampleMargin, @DefaultValue("0.10") double selfHarmMargin,
			@DefaultValue("0.5") double scoreAt, @DefaultValue("0.10") double scoreClearsBelow,
			@DefaultValue("0.5") double careTeamAt, @DefaultValue("0.4") double selfHarmScoreAt,
			@DefaultValue("0.8") double scoreAloneAt) {

		/** The margin a message's nearest emergencies of this concept must have over its nearest look-alikes. */
		public double marginFor(String concept) {
			return Concept.SELF_HARM.equals(concept) ? selfHarmMargin : exampleMargin;
		}

	}

}
