package com.frontdesk.notifications;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import com.frontdesk.notifications.NoticeStore.StoredNotice;
import com.frontdesk.practice.PracticeId;
import com.frontdesk.practice.PracticeProfile;
import com.frontdesk.practice.Practices;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers notices to the practice's inbox ({@code frontdesk.notifications.email.to}) through the SMTP server of
 * {@code spring.mail.*}: plain text, the details the practice needs to act and nothing else; the subject names the
 * kind of notice only, never the patient. The {@code Message-ID} is derived from the notice, so a repeat after a
 * lost reply is recognisable as the same message.
 */
@Component
class EmailTarget implements NoticeTarget {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, h:mm a (VV)",
			Locale.ENGLISH);

	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("callbackId", "Request id"),
			Map.entry("name", "Name"), Map.entry("phone", "Phone"), Map.entry("email", "E-mail"),
			Map.entry("preferredTime", "Preferred time"), Map.entry("reason", "Reason"),
			Map.entry("consentText", "Consent given"), Map.entry("consentAt", "Consent time"),
			Map.entry("expectCall", "Patient was told to expect the call"));

	private final NoticeDestinations destinations;

	private final ObjectProvider<JavaMailSender> mail;

	private final Practices practices;

	private final JsonMapper json;

	EmailTarget(NoticeDestinations destinations, ObjectProvider<JavaMailSender> mail, Practices practices,
			JsonMapper json) {
		this.destinations = destinations;
		this.mail = mail;
		this.practices = practices;
		this.json = json;
		if (destinations.anyEmail() && mail.getIfAvailable() == null) {
			throw new IllegalStateException(
					"frontdesk.notifications.email.to is set but no SMTP server is: set spring.mail.host (and port, username, password)");
		}
	}

	@Override
	public String name() {
		return "email";
	}

	@Override
	public boolean configured(PracticeId practice) {
		return destinations.email(practice).configured();
	}

	@Override
	public void deliver(StoredNotice notice) {
		NotificationProperties.Email email = destinations.email(notice.practice());
		PracticeProfile practice = practices.get(notice.practice()).profile();
		JavaMailSender sender = mail.getObject();
		try {
			MimeMessage message = message(sender, "<" + notice.key() + "@frontdesk>");
			message.setFrom(new InternetAddress(email.sender()));
			message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(String.join(",", email.to())));
			message.setSubject("[" + practice.name() + "] " + subject(notice.type()), StandardCharsets.UTF_8.name());
			message.setText(body(notice, practice), StandardCharsets.UTF_8.name());
			message.setHeader("X-Frontdesk-Event", notice.type());
			message.setHeader("X-Frontdesk-Idempotency-Key", notice.key());
			sender.send(message);
		}
		catch (MailException | MessagingException ex) {
			throw new NoticeNotDelivered("SMTP: " + ex.getClass().getSimpleName());
		}
	}

	/** A message whose Message-ID stays the notice's own when it is sent (Jakarta Mail would make a new one). */
	private static MimeMessage message(JavaMailSender sender, String messageId) {
		Session session = sender instanceof JavaMailSenderImpl impl ? impl.getSession()
				: sender.createMimeMessage().getSession();
		return new MimeMessage(session) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", messageId);
			}
		};
	}

	static String subject(String type) {
		return switch (type) {
			case PracticeNotice.CALLBACK_REQUEST -> "A patient asks to be called back";
			case PracticeNotice.HANDOFF_REQUESTED -> "A patient asks to talk to someone";
			default -> {
				String words = type.replace('_', ' ');
				yield Character.toUpperCase(words.charAt(0)) + words.substring(1);
			}
		};
	}

	String body(StoredNotice notice, PracticeProfile practice) {
		JsonNode payload = json.readTree(notice.payload());
		StringBuilder text = new StringBuilder();
		String summary = payload.path("text").asString("");
		if (!summary.isBlank()) {
			text.append(summary).append("\n\n");
		}
		payload.path("fields").properties().forEach(field -> text.append(label(field.getKey()))
			.append(": ")
			.append(field.getValue().asString("").replace("\n", "\n    "))
			.append('\n'));
		text.append('\n');
		String conversation = payload.path("conversationId").asString("");
		if (!conversation.isBlank()) {
			text.append("Conversation: ").append(conversation);
			String channel = payload.path("channel").asString("");
			text.append(channel.isBlank() ? "" : " (" + channel + ")").append('\n');
		}
		text.append("Received: ").append(WHEN.format(notice.createdAt().atZone(practice.timeZone()))).append('\n');
		text.append("Reference: ").append(notice.key()).append("\n\n");
		text.append("Sent by Frontdesk, the virtual assistant of ").append(practice.name())
			.append(". This message contains patient details: keep it confidential.\n");
		return text.toString();
	}

	private static String label(String key) {
		String known = LABELS.get(key);
		if (known != null) {
			return known;
		}
		String words = key.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT);
		return words.isEmpty() ? key : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
