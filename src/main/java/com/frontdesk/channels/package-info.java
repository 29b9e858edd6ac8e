/**
 * The channels patients write on: the website (chat API, widget, page) and the messaging platforms (WhatsApp,
 * Messenger, Telegram, SMS) with their channel-neutral part in {@code messaging}.
 */
@ApplicationModule(allowedDependencies = {
		"answering", "booking", "conversation", "platform", "platform::logging", "practice", "retrieval" })
package com.frontdesk.channels;

import org.springframework.modulith.ApplicationModule;
