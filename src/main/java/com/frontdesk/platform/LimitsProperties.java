package com.frontdesk.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on what the public endpoints accept.
 *
 * @param rateLimiting whether requests are counted at all (rate limits); body sizes are always enforced
 * @param trustedProxies addresses or CIDR ranges of the reverse proxies / load balancers in front of Frontdesk;
 * only a request from one of them has its client address taken from {@code X-Forwarded-For} and its scheme, port and
 * host from {@code X-Forwarded-Proto}, {@code -Port}, {@code -Host} (see {@link ForwardedHeaders}). Empty (the
 * default): the connection's address is the client's, and forwarded headers are ignored
 * @param maxTrackedKeys how many clients and conversations are counted at once; beyond that the least recently
 * seen are forgotten (memory stays bounded)
 * @param endpoints the limits by endpoint group, each for the paths it lists (prefixes). Groups not configured keep
 * their defaults ({@link #DEFAULTS}); a setting left out of a configured group keeps the group's default
 */
@ConfigurationProperties("frontdesk.limits")
public record LimitsProperties(@DefaultValue("true") boolean rateLimiting, List<String> trustedProxies,
		@DefaultValue("100000") int maxTrackedKeys, Map<String, Endpoint> endpoints) {

	/**
	 * The limits of one group of endpoints.
	 *
	 * @param paths path prefixes ({@code /api/chat} also covers {@code /api/chat/stream})
	 * @param perClient requests per client address (IPv6: per /64 network)
	 * @param perConversation requests per {@code conversationId} of the JSON body
	 * @param maxBody largest request body
	 */
	public record Endpoint(List<String> paths, Rate perClient, Rate perConversation, DataSize maxBody) {

		Endpoint orDefaults(Endpoint defaults) {
			return new Endpoint(paths == null || paths.isEmpty() ? defaults.paths() : paths,
					perClient == null ? defaults.perClient() : perClient,
					perConversation == null ? defaults.perConversation() : perConversation,
					maxBody == null ? defaults.maxBody() : maxBody);
		}

	}

	/** The groups a practice gets without configuring any. */
	public static final Map<String, Endpoint> DEFAULTS = defaults();

	public LimitsProperties {
		trustedProxies = trustedProxies == null ? List.of()
				: trustedProxies.stream().map(String::strip).filter(proxy -> !proxy.isEmpty()).toList();
		Map<String, Endpoint> merged = new LinkedHashMap<>(DEFAULTS);
		if (endpoints != null) {
			endpoints.forEach((name, endpoint) -> merged.merge(name, endpoint.orDefaults(fallback(name)),
					(defaults, configured) -> configured));
		}
		endpoints = Map.copyOf(merged);
		if (maxTrackedKeys < 1) {
			throw new IllegalArgumentException("frontdesk.limits.max-tracked-keys must be at least 1");
		}
	}

	private static Endpoint fallback(String name) {
		return DEFAULTS.getOrDefault(name, new Endpoint(List.of(), Rate.OFF, Rate.OFF, DataSize.ofKilobytes(64)));
	}

	private static Map<String, Endpoint> defaults() {
		Map<String, Endpoint> defaults = new LinkedHashMap<>();
		defaults.put("chat", new Endpoint(List.of("/api/chat"), Rate.valueOf("60/1m"), Rate.valueOf("12/1m"),
				DataSize.ofKilobytes(16)));
		defaults.put("callbacks", new Endpoint(List.of("/api/callbacks"), Rate.valueOf("10/1h"), Rate.valueOf("3/1h"),
				DataSize.ofKilobytes(16)));
		defaults.put("feedback", new Endpoint(List.of("/api/feedback"), Rate.valueOf("30/1m"), Rate.valueOf("10/1m"),
				DataSize.ofKilobytes(16)));
		defaults.put("history", new Endpoint(List.of("/api/conversations"), Rate.valueOf("60/1m"), Rate.OFF,
				DataSize.ofKilobytes(1)));
		defaults.put("webhooks", new Endpoint(List.of("/webhooks"), Rate.valueOf("600/1m"), Rate.OFF,
				DataSize.ofMegabytes(1)));
		// No per-address rate: it held the real admin back behind the same office NAT as a guesser. Failed sign-ins
		// are throttled per account and per address instead (frontdesk.admin.sign-in, SignInGuard).
		defaults.put("admin", new Endpoint(List.of("/api/admin", "/admin", "/actuator/prometheus"), Rate.OFF, Rate.OFF,
				DataSize.ofKilobytes(256)));
		return Map.copyOf(defaults);
	}

}
