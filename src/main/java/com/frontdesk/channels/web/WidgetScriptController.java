package com.frontdesk.channels.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.frontdesk.booking.PatientTexts;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /widget.js}: the chat widget a practice embeds with one script tag. Served with
 * {@code Cache-Control: public, max-age} ({@code frontdesk.web.widget-max-age}), a strong {@code ETag} (304 when
 * unchanged), gzip when the browser accepts it, and {@code Cross-Origin-Resource-Policy: cross-origin} so any site
 * may load it.
 */
@RestController
class WidgetScriptController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);

	private final byte[] plain;

	private final byte[] gzipped;

	private final String etag;

	private final CacheControl cacheControl;

	/** Where the script takes the bundles' texts ({@code channels/widget*.properties}) as a JSON object. */
	static final String TEXTS_PLACEHOLDER = "/*@WIDGET_TEXTS@*/{}";

	WidgetScriptController(WebProperties properties, PatientTexts texts) {
		this.plain = withTexts(read("static/widget.js"), texts);
		this.gzipped = gzip(plain);
		this.etag = etagOf(plain);
		this.cacheControl = CacheControl.maxAge(properties.widgetMaxAge()).cachePublic();
	}

	@GetMapping("/widget.js")
	ResponseEntity<byte[]> widget(@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String encodings,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		boolean gzip = encodings != null && encodings.toLowerCase(Locale.ROOT).contains("gzip");
		String tag = gzip ? etag.substring(0, etag.length() - 1) + "-gz\"" : etag;
		boolean unchanged = ifNoneMatch != null && (ifNoneMatch.strip().equals("*") || ifNoneMatch.contains(tag));
		ResponseEntity.BodyBuilder response = ResponseEntity.status(unchanged ? HttpStatus.NOT_MODIFIED : HttpStatus.OK)
			.eTag(tag)
			.cacheControl(cacheControl)
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
			.header("Cross-Origin-Resource-Policy", "cross-origin")
			.header("X-Content-Type-Options", "nosniff");
		if (unchanged) {
			return response.build();
		}
		if (gzip) {
			response.header(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		return response.contentType(JAVASCRIPT).body(gzip ? gzipped : plain);
	}

	private static byte[] withTexts(byte[] script, PatientTexts texts) {
		String source = new String(script, StandardCharsets.UTF_8);
		if (!source.contains(TEXTS_PLACEHOLDER)) {
			throw new IllegalStateException("The widget script has no place for its texts");
		}
		// every '<' escaped: no text can end the script early
		String json = JSON.writeValueAsString(texts.bundledWidget()).replace("<", "\\u003c");
		return source.replace(TEXTS_PLACEHOLDER, json).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] read(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The widget script " + path + " is missing from the build", ex);
		}
	}

	private static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
			zip.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static String etagOf(byte[] bytes) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
			return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
