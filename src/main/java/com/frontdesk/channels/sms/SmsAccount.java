package com.frontdesk.channels.sms;

import com.frontdesk.practice.PracticeId;

/**
 * One practice's Twilio number and what receives and sends on it.
 *
 * @param practice whose number it is
 * @param number the number (E.164): where a text was sent to ({@code To}) and which replies are sent from
 * @param accountSid the Twilio account it is on
 * @param authToken that account's auth token: key of {@code X-Twilio-Signature} and password of the API (secret)
 * @param publicUrl the number's webhook URL as entered in the Twilio console, which Twilio signs
 */
record SmsAccount(PracticeId practice, String number, String accountSid, String authToken, String publicUrl) {

	@Override
	public String toString() {
		return "SmsAccount[" + practice + "]";
	}

}
