package com.frontdesk.conversation;

import java.time.Instant;

/**
 * A patient asked for a person and the conversation moved to {@code waiting_for_staff}: published once per request
 * (never for a second "talk to a person" while waiting), after the change is stored, so the practice can be told.
 *
 * @param conversationId the conversation
 * @param channel where the patient is (web, whatsapp, ...)
 * @param at when it was asked
 */
public record HandoffRequested(String conversationId, String channel, Instant at) {
}
