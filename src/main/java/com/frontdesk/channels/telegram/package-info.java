/** The Telegram Bot API channel: {@code POST /webhooks/telegram} in, {@code sendMessage} out. */
package com.frontdesk.channels.telegram;
