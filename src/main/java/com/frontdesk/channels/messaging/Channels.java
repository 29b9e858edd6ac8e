package com.frontdesk.channels.messaging;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The messaging channels known to this installation, by name. */
@Component
class Channels {

	private final Map<String, MessagingChannel> byName;

	Channels(ObjectProvider<MessagingChannel> channels) {
		this.byName = channels.orderedStream()
			.collect(Collectors.toUnmodifiableMap(MessagingChannel::name, Function.identity()));
	}

	Optional<MessagingChannel> get(String name) {
		return Optional.ofNullable(byName.get(name));
	}

	Stream<MessagingChannel> all() {
		return byName.values().stream();
	}

	boolean enabled(String name) {
		return get(name).map(MessagingChannel::enabled).orElse(false);
	}

}
