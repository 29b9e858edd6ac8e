package com.frontdesk.channels.messaging;

/**
 * How long replies may be on a platform.
 *
 * @param partLength most characters in one outbound message
 * @param maxParts most messages one reply is split into; a longer reply is shortened and says where to read more
 */
public record ReplyLimits(int partLength, int maxParts) {

	public ReplyLimits {
		if (partLength < 200 || maxParts < 1) {
			throw new IllegalArgumentException("limits too small");
		}
	}

}
