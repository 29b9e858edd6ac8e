package com.frontdesk.channels.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.frontdesk.booking.CallbackReceipt;
import com.frontdesk.booking.CallbackRequests;
import com.frontdesk.booking.CallbackSubmission;
import com.frontdesk.booking.FieldProblem;
import com.frontdesk.booking.PreferredTime;
import com.frontdesk.practice.OpeningHours;

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

	private static final List<String> TEXT_FIELDS = List.of("conversationId", "name", "phone", "email",
			"preferredTime", "reason", "consentVersion");

	private final CallbackRequests callbacks;

	private final OpeningHours hours;

	private final Clock clock;

	CallbackController(CallbackRequests callbacks, OpeningHours hours, Clock clock) {
		this.callbacks = callbacks;
		this.hours = hours;
		this.clock = clock;
	}

	@GetMapping(path = "/api/callbacks/form", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Form> form() {
		List<Choice> times = Arrays.stream(PreferredTime.values()).map(t -> new Choice(t.value(), t.label())).toList();
		Form form = new Form(callbacks.consentWording().text(), callbacks.consentWording().version(), times,
				callbacks.maxReasonLength(), hours.isOpen(clock.instant()), hours.expectedCall(clock.instant()),
				hours.describe(), hours.sameDayAppointments());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(form);
	}

	@PostMapping(path = "/api/callbacks", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Received> submit(@RequestBody JsonNode body,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
		CallbackReceipt receipt = callbacks.submit(submission(body, idempotencyKey));
		return ResponseEntity.status(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.cacheControl(CacheControl.noStore())
			.body(new Received(receipt.id(), "received", receipt.expectCall(), receipt.message(), receipt.emergency()));
	}

	private static CallbackSubmission submission(JsonNode body, String idempotencyKey) {
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
		return new CallbackSubmission(text(body, "conversationId"), WEB, text(body, "name"), text(body, "phone"),
				text(body, "email"), text(body, "preferredTime"), text(body, "reason"),
				consent == null || consent.isNull() ? null : consent.booleanValue(), text(body, "consentVersion"),
				idempotencyKey);
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
