package com.frontdesk.channels.messaging;

/**
 * A subscription handshake with the right verify token whose {@code hub.challenge} is not what Meta sends (a number):
 * 400, nothing echoed, so the endpoint cannot be made to reflect what a caller chose.
 */
public class InvalidChallenge extends RuntimeException {

	public InvalidChallenge(String channel) {
		super("The " + channel + " hub.challenge must be a number of at most " + MetaPlatform.MAX_CHALLENGE_DIGITS
				+ " digits");
	}

}
