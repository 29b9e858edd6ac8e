package com.frontdesk.booking;

/**
 * What the patient is told once a callback request is stored.
 *
 * @param id the request's id
 * @param created true for a new request, false when it merged with one already received (a double click, a resend)
 * @param expectCall when to expect the call, in words ("today, usually within 2 hours", "on Monday after 8 am")
 * @param message the confirmation for the patient, saying when to expect the call (and, when the reason describes
 * an emergency, to call the emergency number now instead of waiting)
 * @param emergency whether triage found emergency or self-harm signs in the reason
 */
public record CallbackReceipt(String id, boolean created, String expectCall, String message, boolean emergency) {
}
