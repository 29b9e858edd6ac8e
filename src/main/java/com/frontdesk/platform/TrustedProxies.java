package com.frontdesk.platform;

import java.net.InetAddress;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The reverse proxies and load balancers in front of Frontdesk ({@code frontdesk.limits.trusted-proxies}): addresses
 * or CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}), checked at start-up.
 */
record TrustedProxies(List<Range> ranges) {

	static final String SETTING = "frontdesk.limits.trusted-proxies";

	static TrustedProxies parse(List<String> texts) {
		return new TrustedProxies(texts.stream().map(Range::parse).toList());
	}

	boolean none() {
		return ranges.isEmpty();
	}

	/** The ranges as Tomcat's {@code RemoteIpValve} reads CIDR lists: {@code 10.0.0.0/8, 192.168.1.10/32}. */
	String cidrs() {
		return ranges.stream().map(Range::toString).collect(Collectors.joining(", "));
	}

	/** An address or a CIDR range. */
	record Range(InetAddress network, int prefix) {

		static Range parse(String text) {
			String[] parts = text.split("/", 2);
			InetAddress address = ClientAddresses.literal(parts[0].strip())
				.orElseThrow(() -> new IllegalArgumentException("Not an address or CIDR range: " + text + " (" + SETTING + ")"));
			int bits = address.getAddress().length * 8;
			int prefix;
			try {
				prefix = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : bits;
			}
			catch (NumberFormatException ex) {
				prefix = -1;
			}
			if (prefix < 0 || prefix > bits) {
				throw new IllegalArgumentException("Bad prefix length in " + text + " (" + SETTING + ")");
			}
			return new Range(address, prefix);
		}

		@Override
		public String toString() {
			return network.getHostAddress() + "/" + prefix;
		}

	}

}
