package com.frontdesk.conversation;

import java.time.Instant;

import com.frontdesk.practice.PracticeId;

/**
 * A patient asked for a person and the conversation moved to {@code waiting_for_staff}: published once per request
 * (never for a second "talk to a person" while waiting), inside the transaction that stores the change, so the
 * practice's notice (written by a listener) is stored with it or not at all, and a listener that fails fails the
 * request.
 *
 * @param practice the practice whose conversation it is
 * @param conversationId the conversation
 * @param channel where the patient is (web, whatsapp, ...)
 * @param at when it was asked
 */
public record HandoffRequested(PracticeId practice, String conversationId, String channel, Instant at) {
}
