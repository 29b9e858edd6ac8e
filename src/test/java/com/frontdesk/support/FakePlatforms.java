package com.frontdesk.support;

import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * One WireMock server standing in for every messaging platform's send API, for test classes that run the whole
 * application with all channels on. Declare it as a static {@code @RegisterExtension} field: it is running, and
 * accepting every send ({@link Webhooks#acceptSends}), as soon as it exists, so a {@code @DynamicPropertySource} can
 * point the channels at it with {@link #channels}; it stops after the class's last test and {@code @AfterAll} method.
 */
public final class FakePlatforms extends WireMockServer implements AfterAllCallback {

	public FakePlatforms() {
		this(wireMockConfig().dynamicPort());
	}

	public FakePlatforms(WireMockConfiguration options) {
		super(options);
		start();
		Webhooks.acceptSends(this);
	}

	/** The settings that switch all four channels on, sending here ({@link Webhooks#settings}). */
	public Map<String, String> settings() {
		return Webhooks.settings(baseUrl());
	}

	/** Registers {@link #settings()} for the application under test. */
	public void channels(DynamicPropertyRegistry registry) {
		settings().forEach((name, value) -> registry.add(name, () -> value));
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

}
