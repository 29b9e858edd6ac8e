package com.frontdesk.platform;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who a request comes from, for counting it: the request's remote address, which {@link ForwardedHeaders} has already
 * taken from {@code X-Forwarded-For} when the connection came from a trusted proxy. An IPv6 client counts by its /64
 * network (one household or device gets a whole /64). Only address literals are read: nothing is ever looked up in
 * DNS.
 */
final class ClientAddresses {

	private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

	private static final Pattern IPV4 = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	private ClientAddresses() {
	}

	/** The key the client of the request is counted under. */
	static String clientOf(HttpServletRequest request) {
		return keyOf(request.getRemoteAddr());
	}

	/** The key a client address is counted under; {@code unknown} when it is not an address. */
	static String keyOf(String address) {
		return literal(address).map(ClientAddresses::key).orElse("unknown");
	}

	/**
	 * The address as it may be shown in a log line: its network only ({@code 203.0.*.*}, {@code 2001:db8:aa:*}), enough
	 * to tell an office from a botnet without keeping whose address it was.
	 */
	static String masked(String address) {
		Optional<InetAddress> literal = literal(address);
		if (literal.isEmpty()) {
			return "unknown";
		}
		byte[] bytes = literal.get().getAddress();
		if (bytes.length == 4) {
			return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + ".*.*";
		}
		return Integer.toHexString((bytes[0] & 0xff) << 8 | bytes[1] & 0xff) + ":"
				+ Integer.toHexString((bytes[2] & 0xff) << 8 | bytes[3] & 0xff) + ":"
				+ Integer.toHexString((bytes[4] & 0xff) << 8 | bytes[5] & 0xff) + ":*";
	}

	private static String key(InetAddress address) {
		if (address instanceof Inet6Address) {
			byte[] network = new byte[8];
			System.arraycopy(address.getAddress(), 0, network, 0, 8);
			return HexFormat.of().formatHex(network) + "::/64";
		}
		return address.getHostAddress();
	}

	/** The address the text is a literal of (IPv4, IPv6, IPv6 in brackets); empty for anything else. */
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

}
