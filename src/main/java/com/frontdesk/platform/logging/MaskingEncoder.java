package com.frontdesk.platform.logging;

import java.nio.charset.Charset;

import org.springframework.boot.logging.logback.StructuredLogEncoder;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * The console encoder ({@code logback-spring.xml}): Spring Boot's plain pattern, or its structured JSON when
 * {@code logging.structured.format.console} is set ({@code FRONTDESK_LOG_FORMAT=json}), always writing the
 * {@link MaskedEvent masked} event.
 */
public class MaskingEncoder extends EncoderBase<ILoggingEvent> {

	private String pattern;

	private String structuredFormat;

	private Charset charset;

	private Encoder<ILoggingEvent> delegate;

	public void setPattern(String pattern) {
		this.pattern = pattern;
	}

	public void setStructuredFormat(String structuredFormat) {
		this.structuredFormat = structuredFormat;
	}

	public void setCharset(Charset charset) {
		this.charset = charset;
	}

	@Override
	public void start() {
		delegate = structuredFormat == null || structuredFormat.isBlank() ? plain() : structured();
		super.start();
	}

	private Encoder<ILoggingEvent> plain() {
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(getContext());
		encoder.setPattern(pattern);
		encoder.setCharset(charset);
		encoder.start();
		return encoder;
	}

	private Encoder<ILoggingEvent> structured() {
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(getContext());
		encoder.setFormat(structuredFormat.strip());
		encoder.setCharset(charset);
		encoder.start();
		return encoder;
	}

	@Override
	public void stop() {
		if (delegate != null) {
			delegate.stop();
		}
		super.stop();
	}

	@Override
	public byte[] headerBytes() {
		return delegate.headerBytes();
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		return delegate.encode(new MaskedEvent(event));
	}

	@Override
	public byte[] footerBytes() {
		return delegate.footerBytes();
	}

}
