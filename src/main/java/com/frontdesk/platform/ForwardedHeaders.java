package com.frontdesk.platform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.ServletException;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.tomcat.util.http.MimeHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Behind a TLS-terminating proxy: Tomcat's {@link RemoteIpValve} believes {@code X-Forwarded-For},
 * {@code X-Forwarded-Proto}, {@code X-Forwarded-Port} and {@code X-Forwarded-Host} from the trusted proxies
 * ({@code frontdesk.limits.trusted-proxies}, the one setting that also decides whose address the rate limits count),
 * so a request the proxy received over HTTPS is secure here too: HSTS is sent and redirects stay on HTTPS. From any
 * other address the headers are ignored. With no trusted proxies (the default) the connection is the client.
 * Spring Boot's own valve ({@code server.forward-headers-strategy=native}, with its regular-expression
 * {@code server.tomcat.remoteip.internal-proxies}) is replaced by this one, so there is only one list to keep.
 */
@Component
class ForwardedHeaders implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private static final Logger log = LoggerFactory.getLogger(ForwardedHeaders.class);

	static final String FORWARDED_FOR = "X-Forwarded-For";

	private final TrustedProxies proxies;

	ForwardedHeaders(LimitsProperties limits) {
		this.proxies = TrustedProxies.parse(limits.trustedProxies());
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		List<Valve> valves = new ArrayList<>(factory.getEngineValves());
		if (valves.removeIf(RemoteIpValve.class::isInstance)) {
			log.info("server.forward-headers-strategy is not used: forwarded headers are believed only from {}",
					TrustedProxies.SETTING);
		}
		if (!proxies.none()) {
			valves.add(valve(proxies));
		}
		factory.setEngineValves(valves);
	}

	static RemoteIpValve valve(TrustedProxies proxies) {
		RemoteIpValve valve = new LiteralAddressesOnly();
		valve.setInternalProxies(proxies.cidrs());
		valve.setTrustedProxies(null);
		valve.setRemoteIpHeader(FORWARDED_FOR);
		valve.setProtocolHeader("X-Forwarded-Proto");
		valve.setPortHeader("X-Forwarded-Port");
		valve.setHostHeader("X-Forwarded-Host");
		return valve;
	}

	@Override
	public int getOrder() {
		// After Spring Boot's own customizer, which may have added its valve.
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * {@link RemoteIpValve} reading only address literals in {@code X-Forwarded-For}: the hops from the first one
	 * (from the right) that is not an address on are dropped before the valve reads them, so nothing a client wrote
	 * is ever looked up in DNS, and the client is the nearest hop that is an address.
	 */
	static final class LiteralAddressesOnly extends RemoteIpValve {

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			MimeHeaders headers = request.getCoyoteRequest().getMimeHeaders();
			List<String> hops = hops(headers.values(FORWARDED_FOR));
			int first = hops.size();
			while (first > 0 && ClientAddresses.literal(hops.get(first - 1)).isPresent()) {
				first--;
			}
			if (first > 0) {
				headers.removeHeader(FORWARDED_FOR);
				if (first < hops.size()) {
					headers.addValue(FORWARDED_FOR).setString(String.join(", ", hops.subList(first, hops.size())));
				}
			}
			super.invoke(request, response);
		}

		private static List<String> hops(Enumeration<String> values) {
			List<String> hops = new ArrayList<>();
			while (values.hasMoreElements()) {
				Arrays.stream(values.nextElement().split(",")).map(String::strip).forEach(hops::add);
			}
			return hops;
		}

	}

}
