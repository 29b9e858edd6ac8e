package com.frontdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Whose request it is: the remote address (Tomcat's valve has taken it from X-Forwarded-For only for trusted
 * proxies), by /64 for IPv6, never looked up in DNS; and the trusted proxies are checked at start-up.
 */
class ClientAddressesTest {

	@Test
	void theRemoteAddressIsTheClientAndForwardedHeadersAreNotReadHere() {
		assertThat(ClientAddresses.clientOf(request("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
		assertThat(ClientAddresses.keyOf("example.com")).isEqualTo("unknown");
		assertThat(ClientAddresses.keyOf("300.1.1.1")).as("not an address, so not looked up").isEqualTo("unknown");
	}

	@Test
	void ipv6ClientsCountByTheirSlash64() {
		assertThat(ClientAddresses.clientOf(request("2001:db8:1:2:3:4:5:6", null)))
			.isEqualTo(ClientAddresses.clientOf(request("2001:db8:1:2:ffff::1", null)))
			.isNotEqualTo(ClientAddresses.clientOf(request("2001:db8:1:3::1", null)));
	}

	@Test
	void logsShowOnlyTheNetworkOfAnAddress() {
		assertThat(ClientAddresses.masked("203.0.113.9")).isEqualTo("203.0.*.*");
		assertThat(ClientAddresses.masked("2001:db8:aa:1::9")).isEqualTo("2001:db8:aa:*");
		assertThat(ClientAddresses.masked("proxy.internal")).isEqualTo("unknown");
	}

	@Test
	void trustedProxiesAreReadAsTheValveReadsCidrLists() {
		assertThat(TrustedProxies.parse(List.of("10.0.0.0/8", "192.168.1.10", "::1", "fd00::/8")).cidrs())
			.isEqualTo("10.0.0.0/8, 192.168.1.10/32, 0:0:0:0:0:0:0:1/128, fd00:0:0:0:0:0:0:0/8");
		assertThat(TrustedProxies.parse(List.of()).none()).isTrue();
	}

	@Test
	void aTrustedProxyThatIsNoAddressStopsStartUp() {
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.parse(List.of("proxy.internal")))
			.withMessageContaining("frontdesk.limits.trusted-proxies");
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.parse(List.of("10.0.0.0/33")));
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.parse(List.of("10.0.0.0/x")));
	}

	private static MockHttpServletRequest request(String remote, String forwardedFor) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/chat");
		request.setRemoteAddr(remote);
		if (forwardedFor != null) {
			request.addHeader("X-Forwarded-For", forwardedFor);
		}
		return request;
	}

}
