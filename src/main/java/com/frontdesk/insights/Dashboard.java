package com.frontdesk.insights;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.context.annotation.Lazy;

import com.frontdesk.conversation.Intent;

/**
 * What a practice manager looks at: conversations per day by channel, what patients came for (reply intents), the
 * booking funnel, handoffs to staff, feedback, and the top content gaps, for the last days in the practice's time
 * zone.
 */
@Lazy // for the admin only: made when first asked for, not while the app starts
@Service
class Dashboard {

	static final int TOP_TOPICS = 5;

	private final JdbcClient jdbc;

	private final ContentGaps gaps;

	Dashboard(JdbcClient jdbc, ContentGaps gaps) {
		this.jdbc = jdbc;
		this.gaps = gaps;
	}

	Report report(ReportPeriod period) {
		List<ChannelDay> started = jdbc.sql("select created_at, channel from conversation where practice_id = ? and created_at >= ? and created_at < ?")
			.params(period.practice().value(), period.start(), period.end())
			.query((row, rowNum) -> new ChannelDay(period.dayOf(ConversationBrowser.instant(row, "created_at")),
					row.getString("channel")))
			.list();
		TreeSet<String> channels = new TreeSet<>();
		started.forEach(day -> channels.add(day.channel()));
		List<Day> perDay = new ArrayList<>();
		for (LocalDate date : period.days()) {
			Map<String, Long> byChannel = new TreeMap<>();
			channels.forEach(channel -> byChannel.put(channel, 0L));
			started.stream().filter(day -> day.date().equals(date))
				.forEach(day -> byChannel.merge(day.channel(), 1L, Long::sum));
			perDay.add(new Day(date, byChannel.values().stream().mapToLong(Long::longValue).sum(), byChannel));
		}
		List<GapTopic> topics = gaps.report(period).topics();
		return new Report(period.from(), period.to(), period.zone().getId(), List.copyOf(channels), perDay,
				intents(period), funnel(period), handoffs(period), feedback(period),
				topics.stream().filter(topic -> topic.topic() != null).limit(TOP_TOPICS).toList());
	}

	/** Replies of the period by intent, every intent listed. */
	private Map<String, Long> intents(ReportPeriod period) {
		Map<String, Long> intents = new LinkedHashMap<>();
		for (Intent intent : Intent.values()) {
			intents.put(intent.value(), 0L);
		}
		jdbc.sql("""
				select intent, count(*) as n from turn
				where practice_id = ? and created_at >= ? and created_at < ? group by intent""")
			.params(period.practice().value(), period.start(), period.end())
			.query((row, rowNum) -> Map.entry(row.getString("intent"), row.getLong("n")))
			.list()
			.forEach(entry -> intents.put(entry.getKey(), entry.getValue()));
		return intents;
	}

	/**
	 * Of the conversations started in the period: how many asked anything (a reply other than a greeting), how many
	 * of those came to booking (a booking reply or a callback request), and how many left a callback request. Each
	 * stage counts the conversations that reached at least that stage.
	 */
	private Funnel funnel(ReportPeriod period) {
		String callback = "exists (select 1 from callback_request r where r.conversation_id = c.id)";
		return jdbc.sql("""
				select count(*) as conversations,
				  coalesce(sum(case when exists (select 1 from turn t where t.conversation_id = c.id and t.intent <> 'greeting')
				    or %1$s then 1 else 0 end), 0) as with_question,
				  coalesce(sum(case when exists (select 1 from turn t where t.conversation_id = c.id and t.intent = 'booking')
				    or %1$s then 1 else 0 end), 0) as with_booking,
				  coalesce(sum(case when %1$s then 1 else 0 end), 0) as with_callback
				from conversation c where c.practice_id = ? and c.created_at >= ? and c.created_at < ?""".formatted(callback))
			.params(period.practice().value(), period.start(), period.end())
			.query((row, rowNum) -> new Funnel(row.getLong("conversations"), row.getLong("with_question"),
					row.getLong("with_booking"), row.getLong("with_callback")))
			.single();
	}

	/** Conversations started in the period that a patient asked to hand to a person, by who owns them now. */
	private Handoffs handoffs(ReportPeriod period) {
		Map<String, Long> owners = new LinkedHashMap<>();
		jdbc.sql("""
				select owner, count(*) as n from conversation
				where practice_id = ? and created_at >= ? and created_at < ? and owner <> 'bot' group by owner""")
			.params(period.practice().value(), period.start(), period.end())
			.query((row, rowNum) -> Map.entry(row.getString("owner"), row.getLong("n")))
			.list()
			.forEach(entry -> owners.put(entry.getKey(), entry.getValue()));
		return new Handoffs(owners.values().stream().mapToLong(Long::longValue).sum(),
				owners.getOrDefault("waiting_for_staff", 0L), owners.getOrDefault("staff", 0L),
				owners.getOrDefault("closed", 0L));
	}

	/** Ratings given in the period. */
	private Feedback feedback(ReportPeriod period) {
		Map<String, Long> ratings = new LinkedHashMap<>();
		jdbc.sql("""
				select rating, count(*) as n from reply_feedback
				where practice_id = ? and rated_at >= ? and rated_at < ? group by rating""")
			.params(period.practice().value(), period.start(), period.end())
			.query((row, rowNum) -> Map.entry(row.getString("rating"), row.getLong("n")))
			.list()
			.forEach(entry -> ratings.put(entry.getKey(), entry.getValue()));
		return new Feedback(ratings.getOrDefault("up", 0L), ratings.getOrDefault("down", 0L));
	}

	private record ChannelDay(LocalDate date, String channel) {
	}

	/** The dashboard. */
	record Report(LocalDate from, LocalDate to, String timeZone, List<String> channels, List<Day> conversationsPerDay,
			Map<String, Long> intents, Funnel funnel, Handoffs handoffs, Feedback feedback,
			List<GapTopic> topUnansweredTopics) {
	}

	/** Conversations started on one day, in all and by channel. */
	record Day(LocalDate date, long total, Map<String, Long> byChannel) {
	}

	record Funnel(long conversations, long withQuestion, long withBooking, long withCallbackRequest) {
	}

	/** @param requested conversations whose owner is no longer the assistant */
	record Handoffs(long requested, long waitingForStaff, long staff, long closed) {
	}

	record Feedback(long up, long down) {
	}

}
