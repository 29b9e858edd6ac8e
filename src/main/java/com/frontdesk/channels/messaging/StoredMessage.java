package com.frontdesk.channels.messaging;

/** An inbound message with its row id. */
record StoredMessage(long id, InboundMessage message) {
}
