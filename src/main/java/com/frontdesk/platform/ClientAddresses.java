package com.frontdesk.platform;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who a request comes from, for counting it. The connection's address, unless that is one of the configured
 * trusted proxies: then the nearest address in {@code X-Forwarded-For} that is not a trusted proxy. An IPv6 client
 * counts by its /64 network (one household or device gets a whole /64). Only address literals are read: nothing is
 * ever looked up in DNS.
 */
final class ClientAddresses {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	private final List<Range> trusted;

	ClientAddresses(List<String> trustedProxies) {
		this.trusted = trustedProxies.stream().map(Range::parse).toList();
	}

	/** The key the client is counted under. */
	String clientOf(HttpServletRequest request) {
		InetAddress client = literal(request.getRemoteAddr()).orElse(null);
		if (client == null) {
			return "unknown";
		}
		if (isTrusted(client)) {
			String forwarded = request.getHeader("X-Forwarded-For");
			String[] hops = forwarded == null ? new String[0] : forwarded.split(",");
			for (int i = hops.length - 1; i >= 0; i--) {
				Optional<InetAddress> hop = literal(hops[i].strip());
				if (hop.isEmpty()) {
					break;
				}
				client = hop.get();
				if (!isTrusted(client)) {
					break;
				}
			}
		}
		return key(client);
	}

	private boolean isTrusted(InetAddress address) {
		return trusted.stream().anyMatch(range -> range.contains(address));
	}

	private static String key(InetAddress address) {
		if (address instanceof Inet6Address) {
			byte[] network = new byte[8];
			System.arraycopy(address.getAddress(), 0, network, 0, 8);
			return HexFormat.of().formatHex(network) + "::/64";
		}
		return address.getHostAddress();
	}

	static Optional<InetAddress> literal(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String value = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
		if (value.length() > 45 || !(IPV4.matcher(value).matches() || IPV6.matcher(value).matches())) {
			return Optional.empty();
		}
		try {
			return Optional.of(InetAddress.getByName(value));
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

	/** An address or a CIDR range ({@code 10.0.0.0/8}, {@code fd00::/8}). */
	private record Range(byte[] network, int prefix) {

		static Range parse(String text) {
			String[] parts = text.split("/", 2);
			InetAddress address = literal(parts[0].strip())
				.orElseThrow(() -> new IllegalArgumentException("Not an address or CIDR range: " + text
						+ " (frontdesk.limits.trusted-proxies)"));
			int bits = address.getAddress().length * 8;
			int prefix = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : bits;
			if (prefix < 0 || prefix > bits) {
				throw new IllegalArgumentException("Bad prefix length in " + text + " (frontdesk.limits.trusted-proxies)");
			}
			return new Range(address.getAddress(), prefix);
		}

		boolean contains(InetAddress address) {
			byte[] bytes = address.getAddress();
			if (bytes.length != network.length) {
				return false;
			}
			for (int bit = 0; bit < prefix; bit++) {
				int mask = 0x80 >> (bit % 8);
				if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

	}

}
