package com.frontdesk.platform;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problems as every edge of Frontdesk answers them: a {@code urn:frontdesk:problem:<type>} type, a title, a
 * detail written for the patient or the practice, and the request id, never anything of the internals.
 */
public final class Problems {

	/** Problem properties (such as the request id) as top-level members, the way Spring MVC writes them. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
		.build();

	private Problems() {
	}

	public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:frontdesk:problem:" + type));
		problem.setTitle(title);
		RequestIds.current().ifPresent(id -> problem.setProperty(RequestIds.PROPERTY, id));
		return problem;
	}

	/** Writes a problem outside Spring MVC (servlet filters, security entry points, the servlet container). */
	public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		RequestIds.current().ifPresent(id -> problem.setProperty(RequestIds.PROPERTY, id));
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		byte[] body = json(problem).getBytes(java.nio.charset.StandardCharsets.UTF_8);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

	/** The problem document as JSON text. */
	public static String json(ProblemDetail problem) {
		return JSON.writeValueAsString(problem);
	}

}
