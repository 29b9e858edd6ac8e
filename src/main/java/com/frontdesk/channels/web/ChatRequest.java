package com.frontdesk.channels.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/chat}: {@code {"conversationId": string|null, "message": string, "practice":
 * string|null, "language": string|null, "page": string|null}}; {@code practice} is the widget's
 * {@code data-practice} (none: the practice of the page's origin, or the default practice), {@code language} the
 * page's language ({@code <html lang>}), {@code page} the page the widget is on. A {@code language} or {@code page}
 * that is not a language tag or an http(s) URL is ignored: it is a hint, and a patient's message is never refused
 * for it. Only the page's origin and path are kept (a query string may carry a visitor's details).
 */
record ChatRequest(String conversationId, String message, String practice, String language, String page) {

	private static final int MAX_ID_LENGTH = 64;

	private static final int MAX_PAGE_LENGTH = 500;

	static ChatRequest from(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw new InvalidChatRequest("The body must be a JSON object with a \"message\" string");
		}
		JsonNode message = body.get("message");
		if (message == null || message.isNull()) {
			throw new InvalidChatRequest("\"message\" is required");
		}
		if (!message.isString()) {
			throw new InvalidChatRequest("\"message\" must be a string");
		}
		JsonNode id = body.get("conversationId");
		String conversationId = null;
		if (id != null && !id.isNull()) {
			if (!id.isString()) {
				throw new InvalidChatRequest("\"conversationId\" must be a string or null");
			}
			conversationId = id.stringValue().strip();
			if (conversationId.isEmpty()) {
				conversationId = null;
			}
			else if (conversationId.length() > MAX_ID_LENGTH) {
				throw new InvalidChatRequest("\"conversationId\" is not a conversation id");
			}
		}
		JsonNode practice = body.get("practice");
		if (practice != null && !practice.isNull() && !practice.isString()) {
			throw new InvalidChatRequest("\"practice\" must be a string or null");
		}
		return new ChatRequest(conversationId, message.stringValue(),
				practice == null || practice.isNull() ? null : practice.stringValue(),
				language(optionalString(body, "language")), page(optionalString(body, "page")));
	}

	private static String optionalString(JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new InvalidChatRequest("\"" + field + "\" must be a string or null");
		}
		return value.stringValue();
	}

	/** The primary subtag of a BCP 47 tag ({@code es-MX}: {@code es}), or null. */
	static String language(String tag) {
		if (tag == null || !tag.strip().matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,4}")) {
			return null;
		}
		return tag.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
	}

	/** Whether a language tag ({@code es}, {@code es-MX}) names Spanish; null and anything else do not. */
	static boolean spanish(String tag) {
		return "es".equals(language(tag));
	}

	/** The page's origin and path, or null when it is not an absolute http(s) URL. */
	static String page(String url) {
		if (url == null || url.length() > 4 * MAX_PAGE_LENGTH) {
			return null;
		}
		try {
			URI uri = new URI(url.strip());
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getRawAuthority() == null
					|| uri.getRawUserInfo() != null) {
				return null;
			}
			String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
			String page = scheme + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT) + path;
			return page.length() > MAX_PAGE_LENGTH || page.chars().anyMatch(Character::isISOControl) ? null : page;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
