package com.frontdesk.channels.telegram;

import com.frontdesk.practice.PracticeId;

/**
 * One practice's Telegram bot.
 *
 * @param practice whose bot it is; its updates come to {@code /webhooks/telegram/<practice>} ({@code /webhooks/telegram}
 * for the default practice)
 * @param botToken the bot's token (secret)
 * @param secretToken the {@code X-Telegram-Bot-Api-Secret-Token} every update to it carries (secret)
 */
record TelegramAccount(PracticeId practice, String botToken, String secretToken) {

	@Override
	public String toString() {
		return "TelegramAccount[" + practice + "]";
	}

}
