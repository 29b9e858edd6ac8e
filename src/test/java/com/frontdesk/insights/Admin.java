package com.frontdesk.insights;

import java.net.URI;
import java.net.http.HttpRequest;

import com.frontdesk.support.AdminLogin;
import com.frontdesk.support.ChatClient;
import com.frontdesk.support.ChatClient.Response;

/** The practice's admin calling the admin API over real HTTP, logged in as {@link AdminLogin}. */
final class Admin {

	private final ChatClient client;

	Admin(int port) {
		this.client = new ChatClient(port);
	}

	Response get(String path) {
		return send("GET", path, AdminLogin.header());
	}

	Response delete(String path) {
		return send("DELETE", path, AdminLogin.header());
	}

	/** A call with the given {@code Authorization} header, or none when it is null. */
	Response send(String method, String path, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.base() + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return client.send(request.build());
	}

}
