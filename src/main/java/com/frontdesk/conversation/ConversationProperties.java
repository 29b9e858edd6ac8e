package com.frontdesk.conversation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of a conversation.
 *
 * @param maxMessageLength longest message accepted, in characters
 */
@ConfigurationProperties("frontdesk.conversation")
public record ConversationProperties(@DefaultValue("2000") int maxMessageLength) {
}
