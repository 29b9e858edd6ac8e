package com.frontdesk.channels.messaging;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.frontdesk.booking.CallbackProperties;
import com.frontdesk.booking.CallbackReceipt;
import com.frontdesk.booking.CallbackRequests;
import com.frontdesk.booking.CallbackSubmission;
import com.frontdesk.booking.InvalidCallbackRequest;
import com.frontdesk.booking.PatientTexts;
import com.frontdesk.booking.PhoneNumbers;
import com.frontdesk.booking.PreferredTime;
import com.frontdesk.channels.messaging.CallbackFormStore.Form;
import com.frontdesk.channels.messaging.CallbackFormStore.Step;
import com.frontdesk.conversation.TurnStep;
import com.frontdesk.practice.Audience;

/**
 * A callback request on a messaging channel, as a short guided exchange: name, phone (the sender's own number
 * offered for confirmation where the channel gives it: WhatsApp, SMS), preferred time, an optional reason, then the
 * consent, word for word; then the request is stored for the practice the patient wrote to and the patient told when
 * to expect the call. Its texts are in {@code channels/texts.properties} ({@code callback-exchange.*}), with the
 * practice's details. It starts with CALL (which booking replies offer) or "call me back", survives restarts (the
 * state is in the database), and the patient can cancel at any point. It is a {@link TurnStep} of the turn pipeline:
 * triage runs first on every message, once, and an emergency ends the exchange and gets the emergency reply; each
 * step is stored by the pipeline as a booking turn of the conversation, so staff see the whole exchange.
 */
@Component
class CallbackExchange {

	private static final Logger log = LoggerFactory.getLogger(CallbackExchange.class);

	private static final Pattern START = Pattern.compile("(?:please )?(?:(?:can|could|will) (?:you|someone|somebody) )?"
			+ "(?:call|ring|phone) me(?: back)?(?: please)?|call|call ?back(?: please)?"
			+ "|(?:request|i(?:'d| would)? like|i want) a call ?back"
			+ "|llamar|ll[aá]m(?:e|a|en)me(?: por favor)?|(?:quiero|quisiera) que me llamen");

	private static final Set<String> CANCEL = Set.of("cancel", "exit", "stop", "quit", "abort", "never mind",
			"nevermind", "forget it", "no thanks", "no thank you", "cancelar", "salir", "olvídelo", "olvidelo");

	private static final Set<String> YES = Set.of("yes", "y", "yeah", "yep", "yup", "ok", "okay", "sure", "correct",
			"confirm", "yes please", "that's right", "thats right", "right", "si", "sí", "i agree", "agree");

	private static final Set<String> NO = Set.of("no", "n", "nope", "no thanks", "don't", "dont");

	private static final Set<String> SKIP = Set.of("skip", "no", "none", "nothing", "n/a", "na", "-", "no reason",
			"omitir", "nada", "ninguno", "ninguna");

	private final CallbackFormStore forms;

	private final CallbackRequests callbacks;

	private final PatientTexts texts;

	private final Duration timeout;

	private final Clock clock;

	CallbackExchange(CallbackFormStore forms, CallbackRequests callbacks, PatientTexts texts,
			CallbackProperties properties, Clock clock) {
		this.forms = forms;
		this.callbacks = callbacks;
		this.texts = texts;
		this.timeout = properties.formTimeout();
		this.clock = clock;
	}

	/** Whether the sender is in the middle of a callback request (their next YES is an answer, not an SMS opt-in). */
	boolean underWay(MessagingChannel channel, InboundMessage message) {
		return current(channel, message).isPresent();
	}

	/** Ends an exchange without a request (the sender opted out). */
	void abandon(MessagingChannel channel, InboundMessage message) {
		forms.delete(message.practice(), channel.name(), message.sender());
	}

	/**
	 * The exchange as a step of the message's turn: it answers when the message starts or continues a callback
	 * request, and leaves the message to the pipeline otherwise (no exchange under way and none asked for); an
	 * emergency ends the exchange.
	 */
	TurnStep step(MessagingChannel channel, InboundMessage message, Audience audience) {
		return new TurnStep() {

			@Override
			public Optional<String> reply(String text, Supplier<String> conversation) {
				return CallbackExchange.this.reply(channel, message, audience, text, conversation);
			}

			@Override
			public void interrupted() {
				if (current(channel, message).isPresent()) {
					abandon(channel, message);
					log.info("A {} callback request was ended by an emergency reply", channel.name());
				}
			}

		};
	}

	private Optional<String> reply(MessagingChannel channel, InboundMessage message, Audience audience, String text,
			Supplier<String> conversation) {
		Optional<Form> form = current(channel, message);
		String words = words(text);
		if (form.isEmpty()) {
			if (!START.matcher(words).matches()) {
				return Optional.empty();
			}
			forms.start(message.practice(), channel.name(), message.sender(), conversation.get());
			return Optional.of(text("start", audience, "cancel", cancelWord(channel, audience)));
		}
		return Optional.of(CANCEL.contains(words) ? cancel(form.get(), audience)
				: next(channel, form.get(), text, words, audience));
	}

	private Optional<Form> current(MessagingChannel channel, InboundMessage message) {
		Optional<Form> form = forms.find(message.practice(), channel.name(), message.sender());
		if (form.isPresent() && form.get().updatedAt().plus(timeout).isBefore(clock.instant())) {
			abandon(channel, message);
			return Optional.empty();
		}
		return form;
	}

	private String next(MessagingChannel channel, Form form, String text, String words, Audience audience) {
		if (form.step() != Step.REASON && text.endsWith("?")) {
			return text("question-in-the-middle", audience, "cancel", cancelWord(channel, audience));
		}
		return switch (form.step()) {
			case NAME -> name(channel, form, text, audience);
			case CONFIRM_PHONE -> YES.contains(words) ? saved(form.at(Step.TIME), text("time", audience))
					: NO.contains(words) ? saved(form.withPhone(null).at(Step.PHONE), text("phone", audience))
							: phone(channel, form, text, audience);
			case PHONE -> phone(channel, form, text, audience);
			case TIME -> time(form, words, audience);
			case REASON -> reason(form, text, words, audience);
			case CONSENT -> YES.contains(words) ? submit(channel, form, audience)
					: NO.contains(words) ? cancel(form, audience) : text("consent-again", audience);
		};
	}

	private String name(MessagingChannel channel, Form form, String text, Audience audience) {
		Optional<String> problem = callbacks.nameProblem(text, form.practice(), audience.spanish());
		if (problem.isPresent()) {
			return text("name-again", audience, "problem", problem.get());
		}
		Form named = form.withName(text);
		Optional<String> own = channel.senderPhone(form.sender())
			.map(number -> callbacks.phone(number, form.practice(), audience.spanish()))
			.filter(PhoneNumbers.Result::valid)
			.map(PhoneNumbers.Result::number);
		if (own.isPresent()) {
			return saved(named.withPhone(own.get()).at(Step.CONFIRM_PHONE),
					text("own-number", audience, "number", PhoneNumbers.readable(own.get())));
		}
		return saved(named.at(Step.PHONE), text("thanks", audience) + " " + text("phone", audience));
	}

	private String phone(MessagingChannel channel, Form form, String text, Audience audience) {
		PhoneNumbers.Result phone = callbacks.phone(text, form.practice(), audience.spanish());
		if (!phone.valid()) {
			return text("phone-again", audience, "problem", phone.problem(), "cancel", cancelWord(channel, audience));
		}
		return saved(form.withPhone(phone.number()).at(Step.TIME), text("time", audience));
	}

	private String time(Form form, String words, Audience audience) {
		Optional<PreferredTime> time = preferredTime(words);
		if (time.isEmpty()) {
			return text("time-again", audience) + "\n\n" + text("time", audience);
		}
		return saved(form.withTime(time.get().value()).at(Step.REASON), text("reason", audience));
	}

	private String reason(Form form, String text, String words, Audience audience) {
		String reason = SKIP.contains(words) ? null : text;
		if (reason != null && reason.length() > callbacks.maxReasonLength()) {
			return text("reason-too-long", audience, "limit", String.valueOf(callbacks.maxReasonLength()));
		}
		return saved(form.withReason(reason).at(Step.CONSENT), callbacks.consentWording(form.practice(), audience.spanish()).text()
				+ "\n\n" + text("consent", audience));
	}

	private String submit(MessagingChannel channel, Form form, Audience audience) {
		CallbackReceipt receipt;
		try {
			receipt = callbacks.submit(new CallbackSubmission(form.practice(), form.conversationId(), channel.name(),
					form.name(), form.phone(), null, form.preferredTime(), form.reason(), true,
					callbacks.consentWording(form.practice(), audience.spanish()).version(), "form-" + form.formId(),
					audience.spanish() ? "es" : null));
		}
		catch (InvalidCallbackRequest ex) {
			forms.delete(form.practice(), form.channel(), form.sender());
			return text("not-stored", audience, "problem", ex.problems().get(0).detail());
		}
		forms.delete(form.practice(), form.channel(), form.sender());
		return receipt.message();
	}

	private String cancel(Form form, Audience audience) {
		forms.delete(form.practice(), form.channel(), form.sender());
		return text("cancelled", audience);
	}

	private String saved(Form form, String reply) {
		forms.save(form);
		return reply;
	}

	/**
	 * A text of the exchange ({@code callback-exchange.*} in {@code channels/texts.properties}) for the practice's
	 * patients, with its own placeholders filled in.
	 * @param namesAndValues placeholder, value, placeholder, value...
	 */
	private String text(String key, Audience audience, String... namesAndValues) {
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			values.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return texts.get("callback-exchange." + key, audience, values);
	}

	private static Optional<PreferredTime> preferredTime(String words) {
		return switch (words) {
			case "1", "morning", "mornings", "in the morning", "am" -> Optional.of(PreferredTime.MORNING);
			case "2", "afternoon", "afternoons", "in the afternoon", "pm" -> Optional.of(PreferredTime.AFTERNOON);
			case "3", "evening", "evenings", "in the evening" -> Optional.of(PreferredTime.EVENING);
			case "4", "any", "any time", "anytime", "whenever", "all day", "no preference" -> Optional.of(PreferredTime.ANY);
			default -> Optional.empty();
		};
	}

	/** SMS carriers treat CANCEL, STOP and QUIT as opting out of all messages: on SMS the exchange is left with EXIT. */
	/** The word that leaves the exchange: on SMS never one carriers take for STOP (CANCEL, CANCELAR). */
	private static String cancelWord(MessagingChannel channel, Audience audience) {
		if (audience.spanish()) {
			return "SALIR";
		}
		return "sms".equals(channel.name()) ? "EXIT" : "CANCEL";
	}

	private static String words(String text) {
		String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).replace('\u2019', '\'')
			.toLowerCase(Locale.ROOT);
		return folded.replaceAll("[.!?,;:\\s]+$", "").replaceAll("^[\\s\"']+|[\\s\"']+$", "").replaceAll("\\s+", " ");
	}

}
