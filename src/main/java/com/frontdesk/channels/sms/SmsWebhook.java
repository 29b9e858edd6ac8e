package com.frontdesk.channels.sms;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.frontdesk.channels.messaging.BadWebhookSignature;
import com.frontdesk.channels.messaging.ChannelDisabled;
import com.frontdesk.channels.messaging.InboundMessage;
import com.frontdesk.channels.messaging.InboundMessages;
import com.frontdesk.channels.messaging.MalformedWebhook;
import com.frontdesk.channels.messaging.PracticeAccounts;
import com.frontdesk.channels.messaging.UnsignedWebhook;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /webhooks/sms}: finds the practice whose number was texted ({@code To}), checks
 * {@code X-Twilio-Signature} with that practice's auth token over its public URL and the form parameters read from
 * the raw body, stores the message and answers 200 with empty TwiML at once; the reply is sent afterwards through the
 * Messages API, from that number. A text to a number of no practice, signed with one of the auth tokens set up, is
 * acknowledged the same way and dropped.
 */
@RestController
class SmsWebhook {

	static final String CHANNEL = "sms";

	static final String SIGNATURE_HEADER = "X-Twilio-Signature";

	private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

	private final SmsProperties properties;

	private final PracticeAccounts<SmsAccount> accounts;

	private final InboundMessages inbound;

	private final Clock clock;

	SmsWebhook(SmsProperties properties, PracticeAccounts<SmsAccount> accounts, InboundMessages inbound, Clock clock) {
		this.properties = properties;
		this.accounts = accounts;
		this.inbound = inbound;
		this.clock = clock;
	}

	@PostMapping(path = "/webhooks/sms", produces = MediaType.TEXT_XML_VALUE)
	ResponseEntity<String> receive(@RequestHeader(name = SIGNATURE_HEADER, required = false) String signature,
			HttpServletRequest request) throws IOException {
		if (!properties.enabled()) {
			throw new ChannelDisabled(CHANNEL);
		}
		if (signature == null || signature.isBlank()) {
			throw new UnsignedWebhook(CHANNEL);
		}
		FormBody form = FormBody.parse(request.getInputStream().readAllBytes());
		Optional<SmsAccount> to = accounts.practiceOf(form.first("To")).flatMap(accounts::of);
		if (to.isPresent() ? !signed(to.get(), form, signature)
				: accounts.all().stream().noneMatch(account -> signed(account, form, signature))) {
			throw new BadWebhookSignature(CHANNEL);
		}
		InboundMessage message = message(form);
		to.ifPresentOrElse(account -> inbound.accept(List.of(message.to(account.practice()))),
				() -> inbound.unrouted(CHANNEL));
		return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
	}

	private static boolean signed(SmsAccount account, FormBody form, String signature) {
		return account.authToken() != null && account.publicUrl() != null
				&& TwilioSignature.matches(account.authToken(), account.publicUrl(), form.parameters(), signature);
	}

	private InboundMessage message(FormBody form) {
		String sid = form.first("MessageSid") != null ? form.first("MessageSid") : form.first("SmsMessageSid");
		String from = form.first("From");
		if (sid == null || from == null) {
			throw new MalformedWebhook("no MessageSid or From");
		}
		String media = form.first("NumMedia");
		if (media != null && !media.strip().equals("0")) {
			return InboundMessage.media(CHANNEL, sid, from, clock.instant());
		}
		return InboundMessage.text(CHANNEL, sid, from, form.first("Body"), clock.instant());
	}

}
