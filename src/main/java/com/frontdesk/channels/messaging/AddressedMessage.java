package com.frontdesk.channels.messaging;

/**
 * A message as a webhook delivered it, with the platform's id of the account it was sent to, before it is known which
 * practice that account belongs to.
 *
 * @param account the account's id on the platform (phone-number id, page id, Twilio number), or null if not given
 * @param message the message, addressed to the default practice until routed
 */
public record AddressedMessage(String account, InboundMessage message) {
}
