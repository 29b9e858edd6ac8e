package com.frontdesk.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;

/**
 * The last line of defence: whatever reaches the log writer has e-mails, phone numbers, dates of birth and names
 * introduced as names masked, in the message, its arguments and exception messages, while what operations need
 * (counts, durations, versions, ids) stays readable.
 */
class LogMaskingTest {

	@Test
	void masksPersonalData() {
		assertThat(LogMasking.mask("contact maria.delgado+spine@example.co.uk now")).isEqualTo("contact [email] now");
		assertThat(LogMasking.mask("call (415) 555-0198 or +1 415 555 0198 or 415.555.0198")).isEqualTo(
				"call [phone] or [phone] or [phone]");
		assertThat(LogMasking.mask("wa_id 14155550198 sent it")).isEqualTo("wa_id [phone] sent it");
		assertThat(LogMasking.mask("born 04/12/1961, 1961-04-12, April 12, 1961 and 12 de abril de 1961")).isEqualTo(
				"born [date], [date], [date] and [date]");
		assertThat(LogMasking.mask("Hello, my name is Maria Delgado-Fuentes and me llamo Ana")).isEqualTo(
				"Hello, my name is [name] and me llamo [name]");
	}

	@Test
	void leavesWhatOperationsNeedReadable() {
		for (String line : new String[] { "Indexed 12 passages from 1 knowledge files in 43 ms (0 skipped)",
				"Starting Servlet engine: [Apache Tomcat/11.0.27]", "No reply to sms message #1234: HTTP 429",
				"Retrying whatsapp message 1/2 in 250 ms after HTTP 503 (Graph error 131056)",
				"request 6f1c3c2e-8a43-4c43-a3a4-0c9f4b8f0e51 took 15.3 ms", "HikariPool-1 - Start completed." }) {
			assertThat(LogMasking.mask(line)).isEqualTo(line);
		}
	}

	@Test
	void leavesIdentifiersWholeSoLinesCanBeMatchedToRecords() {
		for (String line : new String[] { "Callback request 12345678-1234-4234-8234-123456789012 received on web",
				"conversation 550e8400-e29b-41d4-a716-446655440000 deleted", "request 20261105-0930-4000-8000-000000000042.",
				"No reply to whatsapp message #12345678: HTTP 500", "feedback for replyId=98765432 stored",
				"(id 6F1C3C2E-8A43-4C43-A3A4-0C9F4B8F0E51)" }) {
			assertThat(LogMasking.mask(line)).isEqualTo(line);
		}
	}

	@Test
	void stillMasksPersonalDataNextToIdentifiers() {
		assertThat(LogMasking.mask("call 415-555-0198 about 550e8400-e29b-41d4-a716-446655440000, or mail a@b.org"))
			.isEqualTo("call [phone] about 550e8400-e29b-41d4-a716-446655440000, or mail [email]");
		assertThat(LogMasking.mask("message #1234 from 14155550198 born 04/12/1961"))
			.isEqualTo("message #1234 from [phone] born [date]");
		assertThat(LogMasking.mask("psid-4155550198 and 4155550198-1234-1234-1234-123456789012x"))
			.as("not an identifier: a phone number glued to something").doesNotContain("4155550198");
	}

	@Test
	void theEncoderWritesMaskedMessagesArgumentsAndExceptions() {
		LoggerContext context = new LoggerContext();
		MaskingEncoder encoder = new MaskingEncoder();
		encoder.setContext(context);
		encoder.setPattern("%m%n%ex");
		encoder.setCharset(StandardCharsets.UTF_8);
		encoder.start();
		Logger logger = context.getLogger("test");
		SQLException failure = new SQLException("Value too long for column: 'maria@example.org, 04/12/1961'",
				new IllegalStateException("phone 415-555-0198"));
		LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.ERROR, "Saving {} for {} failed",
				failure, new Object[] { "maria@example.org", "+1 (415) 555-0198" });

		String written = new String(encoder.encode(event), StandardCharsets.UTF_8);

		assertThat(written).startsWith("Saving [email] for [phone] failed")
			.contains("java.sql.SQLException: Value too long for column: '[email], [date]'")
			.contains("java.lang.IllegalStateException: phone [phone]")
			.contains("at com.frontdesk.platform.logging.LogMaskingTest")
			.doesNotContain("maria", "555-0198", "1961");
	}

	@Test
	void exceptionsCanBeLoggedWithoutTheirMessages() {
		Throwable logged = StackTraces.withoutMessages(new IllegalStateException("Maria has back pain",
				new SQLException("value 'Maria Delgado'")));

		assertThat(logged.getMessage()).isEqualTo("java.lang.IllegalStateException (message not logged)");
		assertThat(logged.getCause().getMessage()).isEqualTo("java.sql.SQLException (message not logged)");
		assertThat(logged.getStackTrace()[0].getClassName()).isEqualTo(LogMaskingTest.class.getName());
	}

}
