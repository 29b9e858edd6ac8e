package com.frontdesk.conversation;

/**
 * A message for the patient from the practice (a staff reply, or the notice that staff handed the conversation back
 * or closed it), stored before this event is published; channels that push messages deliver it and report how it
 * went through {@link StaffMessageDeliveries}.
 *
 * @param conversationId the conversation
 * @param channel where the patient is (web, whatsapp, ...)
 * @param text what the patient receives
 * @param turnId the stored turn that holds the message
 */
public record StaffMessage(String conversationId, String channel, String text, long turnId) {
}
