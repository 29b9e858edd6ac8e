package com.frontdesk.channels.sms;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.frontdesk.booking.PatientTexts;
import com.frontdesk.channels.messaging.InboundMessage;
import com.frontdesk.channels.messaging.MessagingChannel;
import com.frontdesk.channels.messaging.OutboundHttp;
import com.frontdesk.channels.messaging.PracticeAccounts;
import com.frontdesk.channels.messaging.ReplyLimits;
import com.frontdesk.channels.messaging.Screening;
import com.frontdesk.channels.messaging.Settings;
import com.frontdesk.practice.Audience;
import com.frontdesk.practice.PracticeId;

/**
 * Sends replies through Twilio's Messages API (HTTP basic auth with the account SID and auth token), from the number
 * of the practice the patient texted, with that practice's details in the keyword replies. A reply is one
 * message of at most 1,530 characters, ten GSM-7 segments, with typographic characters replaced so they stay GSM-7.
 * STOP, START and HELP are honoured, and their Spanish counterparts (PARAR, COMENZAR, AYUDA).
 */
@Component
class SmsChannel implements MessagingChannel {

	/** Ten GSM-7 segments of 153 characters: one message, shortened beyond it. */
	private static final ReplyLimits LIMITS = new ReplyLimits(1530, 1);

	private final SmsProperties properties;

	private final PracticeAccounts<SmsAccount> accounts;

	private final PatientTexts texts;

	SmsChannel(SmsProperties properties, PracticeAccounts<SmsAccount> accounts, PatientTexts texts) {
		this.properties = properties;
		this.accounts = accounts;
		this.texts = texts;
	}

	@Override
	public String name() {
		return SmsWebhook.CHANNEL;
	}

	@Override
	public boolean enabled() {
		return properties.enabled();
	}

	@Override
	public List<String> missingSettings() {
		return Settings.missing(accounts.all(), SmsWebhook.CHANNEL, SmsAccount::practice,
				account -> new String[] { "account-sid", account.accountSid(),
						"auth-token", account.authToken(),
						"from-number", account.number(),
						"public-url", account.publicUrl() });
	}

	@Override
	public ReplyLimits limits() {
		return LIMITS;
	}

	/**
	 * The keywords, answered in the language they were said in. An English STOP is confirmed by Twilio, so nothing is
	 * sent; a Spanish one ({@code PARAR}) is not, so the opt-out is confirmed here, once.
	 */
	@Override
	public Screening screen(Audience audience, InboundMessage message) {
		SmsKeywords.Said said = SmsKeywords.of(message.text());
		Audience speaking = audience.speaking(said.spanish());
		return switch (said.keyword()) {
			case STOP -> said.spanish() ? Screening.optOut(texts.get("sms.stopped", speaking)) : Screening.optOut();
			case START -> Screening.optIn(texts.get("sms.started", speaking));
			case HELP -> Screening.reply(texts.get("sms.help", speaking));
			case NONE -> Screening.answer();
		};
	}

	/** Twilio's {@code From} is the sender's number in E.164. */
	@Override
	public Optional<String> senderPhone(String sender) {
		return sender.matches("\\+\\d{8,15}") ? Optional.of(sender) : Optional.empty();
	}

	@Override
	public String adapt(String text) {
		return text.replace('\u2013', '-')
			.replace('\u2014', '-')
			.replace('\u2018', '\'')
			.replace('\u2019', '\'')
			.replace('\u201C', '"')
			.replace('\u201D', '"')
			.replace("\u2026", "...")
			.replace('\u00A0', ' ');
	}

	@Override
	public void send(PracticeId practice, String recipient, String text) {
		SmsAccount account = accounts.require(practice);
		String form = "To=" + encode(recipient) + "&From=" + encode(account.number()) + "&Body=" + encode(text);
		String credentials = account.accountSid() + ":" + account.authToken();
		HttpRequest request = HttpRequest.newBuilder(URI.create(properties.messagesUrl(account.accountSid())))
			.timeout(OutboundHttp.REQUEST_TIMEOUT)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		OutboundHttp.send(request);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
	}

}
