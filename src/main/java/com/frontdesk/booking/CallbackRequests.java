package com.frontdesk.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.frontdesk.practice.Audience;
import com.frontdesk.practice.OpeningHours;
import com.frontdesk.practice.PracticeId;
import com.frontdesk.practice.Practices;
import com.frontdesk.triage.Triage;
import com.frontdesk.triage.TriageOutcome;

/**
 * Callback requests (lead capture): a patient leaves a name and number to be called back. A request is checked,
 * stored with the consent's exact wording and time, and {@link CallbackRequested} is published in the same
 * transaction, before the patient is told it was received: the practice's notice is written by its listener in that
 * transaction, and if it cannot be written the request is not stored and the patient is not told it was. Repeats are merged: the same idempotency key again, or the
 * same phone number from the same conversation within {@code frontdesk.callbacks.merge-window}, is the request
 * already received. Triage reads the reason: a patient describing an emergency is told to call the emergency
 * number now, not to wait for the call (the request is stored all the same, and the practice is told).
 */
@Service
public class CallbackRequests {

	private static final Logger log = LoggerFactory.getLogger(CallbackRequests.class);

	static final int MAX_NAME = 100;

	static final int MAX_EMAIL = 254;

	static final int MAX_KEY = 100;

	private static final Pattern EMAIL = Pattern.compile(
			"[^\\s@<>()\\[\\],;:\"\\\\]{1,64}@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+\\p{L}{2,63}");

	private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1," + MAX_KEY + "}");

	private final CallbackStore store;

	private final PatientTexts texts;

	private final ApplicationEventPublisher events;

	private final CallbackDeliveries deliveries;

	private final Practices practices;

	private final CallbackProperties properties;

	private final Triage triage;

	private final Clock clock;

	CallbackRequests(CallbackStore store, ApplicationEventPublisher events, CallbackDeliveries deliveries,
			Practices practices, CallbackProperties properties, Triage triage, PatientTexts texts, Clock clock) {
		this.store = store;
		this.texts = texts;
		this.events = events;
		this.deliveries = deliveries;
		this.practices = practices;
		this.properties = properties;
		this.triage = triage;
		this.clock = clock;
	}

	/**
	 * Checks and stores a request, or finds the one it repeats.
	 * @throws InvalidCallbackRequest naming each field that is missing or wrong (nothing is stored)
	 * @throws ConsentWordingChanged when the patient was shown a consent wording that is no longer the practice's
	 * @throws IdempotencyKeyReused when the idempotency key belongs to a different request
	 */
	@Transactional
	public CallbackReceipt submit(CallbackSubmission submission) {
		Checked request = check(submission);
		Instant now = clock.instant();
		String clientKey = request.idempotencyKey() == null ? null
				: "client:" + scope(request.practice()) + request.channel() + ":" + request.idempotencyKey();
		if (clientKey != null) {
			Optional<CallbackStore.Existing> existing = store.byKey(clientKey);
			if (existing.isPresent()) {
				return repeated(existing.get(), request, now);
			}
		}
		Optional<String> recent = store.recent(request.practice(), request.channel(), request.conversationId(),
				request.phone(), now.minus(properties.mergeWindow()));
		if (recent.isPresent()) {
			return receipt(recent.get(), false, now, request);
		}
		String key = clientKey != null ? clientKey : automaticKey(request, now);
		String id = UUID.randomUUID().toString();
		CallbackStore.NewRequest row = new CallbackStore.NewRequest(request.practice(), id, request.conversationId(),
				request.channel(), request.name(), request.phone(), request.email(), request.preferredTime(),
				request.reason(), consentWording(request.practice(), request.spanish()).text(), now, key, request.hash(), now);
		if (!store.insert(row)) {
			return repeated(store.byKey(key).orElseThrow(), request, now);
		}
		CallbackReceipt receipt = receipt(id, true, now, request);
		events.publishEvent(requested(row, receipt));
		log.info("Callback request {} received on {}", id, request.channel());
		return receipt;
	}

	/**
	 * The consent wording the practice's patients who read English confirm, and its version for forms to send back.
	 * @throws com.frontdesk.practice.UnknownPractice when this deployment serves no practice of that id
	 */
	public ConsentWording consentWording(PracticeId practice) {
		return consentWording(practice, false);
	}

	/** The consent wording in the patient's language (Spanish or English), and its version. */
	public ConsentWording consentWording(PracticeId practice, boolean spanish) {
		// read per call: a practice created while running has its wording at once
		return ConsentWording.of(properties, audience(practice, spanish), texts);
	}

	/** How a time choice reads to the patient, in their language ("Morning", "Por la mañana"). */
	public String timeLabel(PracticeId practice, PreferredTime time, boolean spanish) {
		return texts.get("callback.time." + time.value(), audience(practice, spanish));
	}

	/** When a patient asking now can expect the call, in their language ("today, usually within 2 hours"). */
	public String expectedCall(PracticeId practice, boolean spanish) {
		return texts.expectedCall(practices.hours(practice), clock.instant(), audience(practice, spanish));
	}

	/** The practice's office hours in words, said from its weekly hours, in the patient's language. */
	public String openingHours(PracticeId practice, boolean spanish) {
		return spanish ? texts.hoursInWords(audience(practice, true))
				: practices.hours(practice).describe();
	}

	/** When the practice's office is open and will call (for the forms that ask for a call). */
	public OpeningHours hours(PracticeId practice) {
		return practices.hours(practice);
	}

	/** The longest reason accepted. */
	public int maxReasonLength() {
		return properties.maxReasonLength();
	}

	/**
	 * Checks a phone number as {@link #submit} would, and writes it in E.164 where it can; why it is refused is said in
	 * the patient's language.
	 */
	public PhoneNumbers.Result phone(String typed, PracticeId practice, boolean spanish) {
		PhoneNumbers.Result result = PhoneNumbers.normalise(typed, properties.defaultCountryCode());
		return result.valid() ? result
				: new PhoneNumbers.Result(null, problem(result.problem(), audience(practice, spanish), Map.of()));
	}

	/** Checks a name as {@link #submit} would: why it is refused, or empty when it will do. */
	public Optional<String> nameProblem(String typed, PracticeId practice, boolean spanish) {
		return Optional.ofNullable(nameProblemOf(PatientText.clean(typed, false)))
			.map(key -> problem(key, audience(practice, spanish), Map.of("limit", String.valueOf(MAX_NAME))));
	}

	private Audience audience(PracticeId practice, boolean spanish) {
		return new Audience(practices.get(practice), spanish);
	}

	/** What is wrong with a field, in the patient's words ({@code callback.problem.*} of the bundles). */
	private String problem(String key, Audience audience, Map<String, String> values) {
		return texts.get("callback.problem." + key, audience, values);
	}

	List<CallbackRequest> list(PracticeId practice, String status, int limit) {
		return withDeliveries(store.list(practice, status, limit));
	}

	Optional<CallbackRequest> find(PracticeId practice, String id) {
		return store.find(practice, id).map(request -> withDeliveries(List.of(request)).get(0));
	}

	/** Marks a request done; empty when there is no such request. Marking it done again changes nothing. */
	@Transactional
	Optional<CallbackRequest> markDone(PracticeId practice, String id) {
		if (store.markDone(practice, id, clock.instant())) {
			log.info("Callback request {} marked done", id);
		}
		return find(practice, id);
	}

	private List<CallbackRequest> withDeliveries(List<CallbackRequest> requests) {
		Map<String, List<CallbackDeliveries.Delivery>> byRequest = deliveries
			.of(requests.stream().map(CallbackRequest::id).toList());
		return requests.stream()
			.map(request -> request.withDeliveries(byRequest.getOrDefault(request.id(), List.of())))
			.toList();
	}

	private CallbackReceipt repeated(CallbackStore.Existing existing, Checked request, Instant now) {
		if (existing.requestHash() != null && !existing.requestHash().equals(request.hash())) {
			throw new IdempotencyKeyReused();
		}
		if (store.find(request.practice(), existing.id()).isEmpty()) {
			throw new IdempotencyKeyReused();
		}
		return receipt(existing.id(), false, now, request);
	}

	/** Keys of the default practice are as they were before there were several practices. */
	private static String scope(PracticeId practice) {
		return practice.isDefault() ? "" : practice.value() + ":";
	}

	/** What the patient is told: received, when to expect the call, and first what to do now if the reason is urgent. */
	private CallbackReceipt receipt(String id, boolean created, Instant now, Checked request) {
		TriageOutcome urgency = request.urgency();
		Audience audience = audience(request.practice(), request.spanish());
		OpeningHours hours = practices.hours(request.practice());
		String message = texts.get("callback.received", audience,
				Map.of("when", texts.callbackSentence(hours, now, audience)));
		boolean emergency = urgency == TriageOutcome.EMERGENCY || urgency == TriageOutcome.SELF_HARM;
		if (emergency) {
			String first = urgency == TriageOutcome.SELF_HARM ? "callback.received-self-harm" : "callback.received-emergency";
			message = texts.get(first, audience) + " " + message;
		}
		return new CallbackReceipt(id, created, texts.expectedCall(hours, now, audience), message, emergency);
	}

	private String automaticKey(Checked request, Instant now) {
		long bucket = now.toEpochMilli() / Math.max(1, properties.mergeWindow().toMillis());
		String about = scope(request.practice()) + request.channel() + "|" + request.conversationId() + "|"
				+ request.phone();
		return "auto:" + ConsentWording.sha256(about).substring(0, 32) + ":" + bucket;
	}

	private static CallbackRequested requested(CallbackStore.NewRequest row, CallbackReceipt receipt) {
		return new CallbackRequested(row.practice(), row.id(), row.conversationId(), row.channel(), row.name(),
				row.phone(), row.email(), row.preferredTime(), row.reason(), row.consentText(), row.consentAt(),
				receipt.expectCall(), receipt.emergency());
	}

	// ---- checking ----

	/** A checked request; {@code urgency} is what triage found in the reason. */
	private record Checked(PracticeId practice, String conversationId, String channel, String name, String phone,
			String email, PreferredTime preferredTime, String reason, String idempotencyKey, TriageOutcome urgency,
			boolean spanish) {

		String hash() {
			return ConsentWording.sha256(scope(practice) + channel + "|" + conversationId + "|" + name + "|" + phone);
		}

	}

	private Checked check(CallbackSubmission s) {
		List<FieldProblem> problems = new ArrayList<>();
		Audience audience = audience(s.practice(), s.readsSpanish());
		String channel = s.channel() == null || !s.channel().matches("[a-z]{1,32}") ? "web" : s.channel();
		PracticeId practice = practices.get(s.practice()).id();
		String conversationId = conversation(practice, s.conversationId(), channel, problems);
		String name = PatientText.clean(s.name(), false);
		add(problems, "name", nameProblemOf(name), audience, Map.of("limit", String.valueOf(MAX_NAME)));
		PhoneNumbers.Result phone = PhoneNumbers.normalise(s.phone(), properties.defaultCountryCode());
		add(problems, "phone", phone.problem(), audience, Map.of());
		String email = PatientText.clean(s.email(), false);
		if (!email.isEmpty() && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
			add(problems, "email", "email", audience, Map.of());
		}
		PreferredTime time = PreferredTime.ANY;
		if (s.preferredTime() != null) {
			time = PreferredTime.fromValue(s.preferredTime()).orElse(null);
			if (time == null) {
				add(problems, "preferredTime", "time", audience, Map.of());
			}
		}
		String reason = PatientText.clean(s.reason(), true);
		if (reason.length() > properties.maxReasonLength()) {
			add(problems, "reason", "reason-too-long", audience,
					Map.of("limit", String.valueOf(properties.maxReasonLength())));
		}
		if (!Boolean.TRUE.equals(s.consent())) {
			add(problems, "consent", "consent", audience, Map.of());
		}
		if (s.consentVersion() == null || s.consentVersion().isBlank()) {
			problems.add(new FieldProblem("consentVersion", "The version of the consent wording shown is missing."));
		}
		String key = s.idempotencyKey() == null ? null : s.idempotencyKey().strip();
		if (key != null && !KEY.matcher(key).matches()) {
			problems.add(new FieldProblem("Idempotency-Key",
					"The Idempotency-Key must be 1 to " + MAX_KEY + " visible ASCII characters."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidCallbackRequest(problems);
		}
		ConsentWording consent = consentWording(practice, s.readsSpanish());
		if (!consent.version().equals(s.consentVersion().strip())) {
			throw new ConsentWordingChanged(consent);
		}
		TriageOutcome urgency = reason.isEmpty() ? TriageOutcome.CLEAR : triage.assess(reason).outcome();
		return new Checked(practice, conversationId, channel, name, phone.number(), email.isEmpty() ? null : email, time,
				reason.isEmpty() ? null : reason, key, urgency, s.readsSpanish());
	}

	private String conversation(PracticeId practice, String typed, String channel, List<FieldProblem> problems) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		String id = typed.strip();
		if (id.length() > 36 || !store.conversationChannel(practice, id).filter(channel::equals).isPresent()) {
			problems.add(new FieldProblem("conversationId",
					"This conversation is not known here; send the request without a conversationId."));
			return null;
		}
		return id;
	}

	/** Why a name is refused (the key of its text), or null. */
	private static String nameProblemOf(String name) {
		if (name.isEmpty()) {
			return "name-missing";
		}
		if (name.length() > MAX_NAME) {
			return "name-too-long";
		}
		if (name.codePoints().noneMatch(Character::isLetter)) {
			return "name-letters";
		}
		return null;
	}

	/** Adds what is wrong with a field ({@code problem}: the key of its text; null: nothing), in the patient's words. */
	private void add(List<FieldProblem> problems, String field, String problem, Audience audience,
			Map<String, String> values) {
		if (problem != null) {
			problems.add(new FieldProblem(field, problem(problem, audience, values)));
		}
	}

}
