package com.frontdesk.booking;

import java.time.Instant;
import java.util.List;

import com.frontdesk.booking.CallbackDeliveries.Delivery;

/**
 * A stored callback request as the practice's admin sees it.
 *
 * @param status {@code open} until the practice marks it {@code done}
 * @param consentText the consent wording the patient confirmed, word for word
 * @param consentAt when the patient confirmed it
 * @param deliveryStatus how the notice to the practice stands: {@code delivered} (to every target), {@code pending}
 * (waiting or being retried), {@code failing} (failed repeatedly, still retried) or {@code not_configured} (no
 * webhook or e-mail was set up when it came in)
 * @param deliveries each target's delivery of the notice ({@code webhook}, {@code email})
 */
record CallbackRequest(String id, Instant createdAt, String channel, String conversationId, String name, String phone,
		String email, PreferredTime preferredTime, String reason, String status, String consentText, Instant consentAt,
		Instant doneAt, String deliveryStatus, List<Delivery> deliveries) {

	CallbackRequest withDeliveries(List<Delivery> list) {
		return new CallbackRequest(id, createdAt, channel, conversationId, name, phone, email, preferredTime, reason,
				status, consentText, consentAt, doneAt, CallbackDeliveries.summary(list), List.copyOf(list));
	}

}
