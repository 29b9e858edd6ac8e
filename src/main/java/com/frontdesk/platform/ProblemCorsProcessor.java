package com.frontdesk.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Spring's CORS checks, with a refusal (an origin, method or header that is not allowed) answered as an RFC 9457
 * problem with the request id instead of the bare text "Invalid CORS request".
 */
final class ProblemCorsProcessor extends DefaultCorsProcessor {

	@Override
	protected void rejectRequest(ServerHttpResponse response) throws IOException {
		ProblemDetail problem = Problems.problem(HttpStatus.FORBIDDEN, "cross-origin-request", "Cross-origin request refused",
				"Browsers may call this API only from the practice's own website, with the methods and headers it uses.");
		byte[] body = Problems.json(problem).getBytes(StandardCharsets.UTF_8);
		response.setStatusCode(HttpStatus.FORBIDDEN);
		response.getHeaders().setContentType(new MediaType(MediaType.APPLICATION_PROBLEM_JSON, StandardCharsets.UTF_8));
		response.getHeaders().setContentLength(body.length);
		response.getBody().write(body);
		response.flush();
	}

}
