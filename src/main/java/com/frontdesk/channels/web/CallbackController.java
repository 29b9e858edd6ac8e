package com.frontdesk.channels.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.frontdesk.booking.CallbackReceipt;
import com.frontdesk.booking.CallbackRequests;
import com.frontdesk.booking.CallbackSubmission;
import com.frontdesk.booking.ConsentWording;
import com.frontdesk.booking.FieldProblem;
import com.frontdesk.booking.PreferredTime;
import com.frontdesk.practice.OpeningHours;
import com.frontdesk.practice.PracticeId;

import tools.jackson.databind.JsonNode;

/**
 * The website's callback request form: {@code GET /api/callbacks/form} gives its texts (the consent wording and its
 * version, the time choices, when the practice would call); {@code POST /api/callbacks} stores a request and says
 * when to expect the call: 201 for a new request, 200 with the same id for a repeat (same {@code Idempotency-Key}, or
 * the same phone from the same conversation shortly after). The body is read field by field: a wrong type is a 400
 * problem naming the field, never coerced, and the problem never repeats what was sent.
 */
@RestController
class CallbackController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final String WEB = "web";

	private static final List<String> TEXT_FIELDS = List.of("conversationId", "practice", "name", "phone", "email",
			"preferredTime", "reason", "consentVersion", "language");

	private final CallbackRequests callbacks;

	private final WidgetPractices practices;

	private final Clock clock;

	CallbackController(CallbackRequests callbacks, WidgetPractices practices, Clock clock) {
		this.callbacks = callbacks;
		this.practices = practices;
		this.clock = clock;
	}

	/**
	 * @param practice the widget's practice ({@code ?practice=}): its consent wording and its hours
	 * @param language the language the patient reads ({@code ?language=es}: the texts in Spanish; else English)
	 */
	@GetMapping(path = "/api/callbacks/form", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Form> form(@RequestParam(required = false) String practice,
			@RequestParam(required = false) String language,
			@RequestHeader(name = HttpHeaders.ORIGIN, required = false) String origin) {
		PracticeId id = practices.of(practice, origin).id();
		boolean spanish = ChatRequest.spanish(language);
		ConsentWording consent = callbacks.consentWording(id, spanish);
		OpeningHours hours = callbacks.hours(id);
		List<Choice> times = Arrays.stream(PreferredTime.values())
			.map(t -> new Choice(t.value(), callbacks.timeLabel(id, t, spanish)))
			.toList();
		Form form = new Form(consent.text(), consent.version(), times, callbacks.maxReasonLength(),
				hours.isOpen(clock.instant()), callbacks.expectedCall(id, spanish), callbacks.openingHours(id, spanish),
				hours.sameDayAppointments());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(form);
	}

	@PostMapping(path = "/api/callbacks", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Received> submit(@RequestBody JsonNode body,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
			@RequestHeader(name = HttpHeaders.ORIGIN, required = false) String origin) {
		CallbackReceipt receipt = callbacks.submit(submission(body, idempotencyKey, origin));
		return ResponseEntity.status(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.cacheControl(CacheControl.noStore())
			.body(new Received(receipt.id(), "received", receipt.expectCall(), receipt.message(), receipt.emergency()));
	}

	private CallbackSubmission submission(JsonNode body, String idempotencyKey, String origin) {
		if (body == null || !body.isObject()) {
			throw new InvalidCallbackForm(List.of(new FieldProblem("", "The body must be a JSON object.")));
		}
		List<FieldProblem> problems = new ArrayList<>();
		for (String field : TEXT_FIELDS) {
			JsonNode value = body.get(field);
			if (value != null && !value.isNull() && !value.isString()) {
				problems.add(new FieldProblem(field, "Must be a string."));
			}
		}
		JsonNode consent = body.get("consent");
		if (consent != null && !consent.isNull() && !consent.isBoolean()) {
			problems.add(new FieldProblem("consent", "Must be true or false."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidCallbackForm(problems);
		}
		PracticeId practice = practices.of(text(body, "practice"), origin).id();
		return new CallbackSubmission(practice, text(body, "conversationId"), WEB, text(body, "name"), text(body, "phone"),
				text(body, "email"), text(body, "preferredTime"), text(body, "reason"),
				consent == null || consent.isNull() ? null : consent.booleanValue(), text(body, "consentVersion"),
				idempotencyKey, text(body, "language"));
	}

	private static String text(JsonNode body, String field) {
		JsonNode value = body.get(field);
		return value == null || value.isNull() ? null : value.stringValue();
	}

	/** What {@code GET /api/callbacks/form} returns. */
	record Form(String consentText, String consentVersion, List<Choice> preferredTimes, int maxReasonLength,
			boolean openNow, String expectCall, String openingHours, boolean sameDayAppointments) {
	}

	/** One choice of preferred time: the value to send and its label. */
	record Choice(String value, String label) {
	}

	/**
	 * What {@code POST /api/callbacks} returns.
	 *
	 * @param emergency the reason describes emergency or self-harm signs: {@code message} starts with what to do now
	 */
	record Received(String id, String status, String expectCall, String message, boolean emergency) {
	}

}
