package com.frontdesk.channels.whatsapp;

import com.frontdesk.practice.PracticeId;

/**
 * One practice's WhatsApp business number and what receives and sends on it.
 *
 * @param practice whose number it is
 * @param phoneNumberId the number's id: where Meta says a message was sent to, and which replies are sent from
 * @param accessToken sends from it (secret)
 * @param appSecret the key of {@code X-Hub-Signature-256} of the Meta app the number is on (secret)
 * @param verifyToken that app's webhook verify token
 */
record WhatsAppAccount(PracticeId practice, String phoneNumberId, String accessToken, String appSecret,
		String verifyToken) {

	@Override
	public String toString() {
		return "WhatsAppAccount[" + practice + "]";
	}

}
