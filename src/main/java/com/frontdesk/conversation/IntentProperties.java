package com.frontdesk.conversation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a message's intent is recognised from the example sentences of {@code conversation/intents/}: the mean cosine
 * of each intent's {@code neighbours} nearest examples decides, when the best intent reaches {@code floor} and leads
 * the runner-up by {@code margin}; otherwise (or without vectors) the rules of {@link ConversationalIntents} do.
 * Chosen on the tune sets of {@code conversation/intents/labelled/} ({@code IntentBenchmark}).
 *
 * @param enabled off: the rules alone
 * @param neighbours how many of an intent's nearest examples are averaged
 * @param floor the least score the best intent needs
 * @param margin how far the best intent must lead the runner-up
 * @param offTopicBelow a message that no intent's examples come near (the best score is below this) and that the
 * rules read as a question is off topic: it is near neither the practice's questions nor real patients' health
 * questions ("how tall is the Eiffel Tower?"); 0 turns this off
 * @param handoffFloor the least score a request for a person needs by the examples alone (the rules' phrases for it
 * always count): a handoff gives the conversation to the team, so a question that only resembles one ("who is a good
 * candidate?") must not
 * @param modelAt the least probability the learned model ({@code conversation/intents/model.bin}) needs for its most
 * likely intent to decide; below it the nearest examples and the rules do; above 1 turns the model off
 */
@ConfigurationProperties("frontdesk.conversation.intents")
record IntentProperties(@DefaultValue("true") boolean enabled, @DefaultValue("2") int neighbours,
		@DefaultValue("0.35") double floor, @DefaultValue("0.02") double margin,
		@DefaultValue("0.25") double offTopicBelow, @DefaultValue("0.45") double handoffFloor,
		@DefaultValue("0.8") double modelAt) {
}
