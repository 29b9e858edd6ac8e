package com.frontdesk.insights;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.context.annotation.Lazy;

/**
 * The content-gap report: the questions of a period that the practice's content did not answer well, grouped by
 * topic, so staff know what to add to the knowledge. A question counts when the knowledge did not cover it, when it
 * was answered with a confidence below {@code frontdesk.insights.low-confidence}, or when the patient rated the reply
 * thumbs down. Replies that never looked in the knowledge (emergencies, greetings, booking, refusals) are not gaps
 * unless rated down.
 */
@Lazy // for the admin only: made when first asked for, not while the app starts
@Service
class ContentGaps {

	/** The newest questions a report considers at most, so a report stays quick however busy the period was. */
	static final int MAX_QUESTIONS = 10_000;

	private final JdbcClient jdbc;

	private final TopicGrouper grouper;

	private final InsightsProperties properties;

	ContentGaps(JdbcClient jdbc, TopicGrouper grouper, InsightsProperties properties) {
		this.jdbc = jdbc;
		this.grouper = grouper;
		this.properties = properties;
	}

	Report report(ReportPeriod period) {
		List<GapQuestion> questions = questions(period);
		return new Report(period.from(), period.to(), period.zone().getId(), properties.lowConfidence(),
				questions.size(), grouper.group(period.practice(), questions));
	}

	/** The gap questions of the period, newest first. */
	List<GapQuestion> questions(ReportPeriod period) {
		double low = properties.lowConfidence();
		return jdbc.sql("""
				select t.id, t.question, t.intent, t.confidence, t.created_at, f.rating, f.comment
				from turn t left join reply_feedback f on f.turn_id = t.id
				where t.practice_id = ? and t.created_at >= ? and t.created_at < ?
				  and ((t.confidence is not null and (t.intent = 'not_covered' or (t.intent = 'answer' and t.confidence < ?)))
				       or f.rating = 'down')
				order by t.id desc limit ?""")
			.params(period.practice().value(), period.start(), period.end(), low, MAX_QUESTIONS)
			.query((row, rowNum) -> {
				String intent = row.getString("intent");
				double confidence = row.getDouble("confidence");
				boolean measured = !row.wasNull();
				boolean down = "down".equals(row.getString("rating"));
				return new GapQuestion(row.getLong("id"), row.getString("question"),
						ConversationBrowser.instant(row, "created_at"), measured && "not_covered".equals(intent),
						measured && "answer".equals(intent) && confidence < low, down,
						down ? row.getString("comment") : null);
			})
			.list();
	}

	/**
	 * The report.
	 *
	 * @param lowConfidenceBelow the confidence under which an answer counted as a gap
	 * @param questions how many questions of the period are gaps
	 */
	record Report(LocalDate from, LocalDate to, String timeZone, double lowConfidenceBelow, int questions,
			List<GapTopic> topics) {
	}

}
