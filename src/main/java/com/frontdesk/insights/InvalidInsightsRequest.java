package com.frontdesk.insights;

/** A feedback or admin request that is not what the endpoint accepts; the message says what is wrong. */
class InvalidInsightsRequest extends RuntimeException {

	InvalidInsightsRequest(String message) {
		super(message);
	}

}
