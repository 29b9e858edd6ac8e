package com.frontdesk.channels.messenger;

import com.frontdesk.practice.PracticeId;

/**
 * One practice's Facebook page and what receives and sends on it.
 *
 * @param practice whose page it is
 * @param pageId the page's id ({@code entry[].id} of the events for it); may be unset for the default practice alone
 * @param pageAccessToken sends as the page (secret)
 * @param appSecret the key of {@code X-Hub-Signature-256} of the Meta app the page is on (secret)
 * @param verifyToken that app's webhook verify token
 */
record MessengerAccount(PracticeId practice, String pageId, String pageAccessToken, String appSecret,
		String verifyToken) {

	@Override
	public String toString() {
		return "MessengerAccount[" + practice + "]";
	}

}
