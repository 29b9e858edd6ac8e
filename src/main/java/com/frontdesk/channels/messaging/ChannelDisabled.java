package com.frontdesk.channels.messaging;

/** A webhook of a channel that is not enabled: answered 404, as if it did not exist. */
public class ChannelDisabled extends RuntimeException {

	public ChannelDisabled(String channel) {
		super("The " + channel + " channel is not enabled");
	}

}
