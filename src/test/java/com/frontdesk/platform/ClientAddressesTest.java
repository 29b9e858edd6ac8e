package com.frontdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Whose request it is: X-Forwarded-For is believed only from the trusted proxies, and never looked up in DNS. */
class ClientAddressesTest {

	@Test
	void withoutTrustedProxiesTheConnectionIsTheClient() {
		ClientAddresses clients = new ClientAddresses(List.of());

		assertThat(clients.clientOf(request("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
	}

	@Test
	void behindATrustedProxyTheNearestUntrustedHopIsTheClient() {
		ClientAddresses clients = new ClientAddresses(List.of("10.0.0.0/8", "192.168.1.1"));

		assertThat(clients.clientOf(request("10.1.2.3", "198.51.100.1, 203.0.113.5, 192.168.1.1"))).isEqualTo("203.0.113.5");
		assertThat(clients.clientOf(request("10.1.2.3", null))).isEqualTo("10.1.2.3");
		assertThat(clients.clientOf(request("10.1.2.3", "example.com, 10.9.9.9"))).as("a host name is not an address")
			.isEqualTo("10.9.9.9");
		assertThat(clients.clientOf(request("172.16.0.1", "198.51.100.1"))).as("not a trusted proxy").isEqualTo("172.16.0.1");
	}

	@Test
	void ipv6ClientsCountByTheirSlash64() {
		ClientAddresses clients = new ClientAddresses(List.of());

		assertThat(clients.clientOf(request("2001:db8:1:2:3:4:5:6", null)))
			.isEqualTo(clients.clientOf(request("2001:db8:1:2:ffff::1", null)))
			.isNotEqualTo(clients.clientOf(request("2001:db8:1:3::1", null)));
	}

	@Test
	void aTrustedProxyThatIsNoAddressStopsStartUp() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddresses(List.of("proxy.internal")));
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33")));
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
