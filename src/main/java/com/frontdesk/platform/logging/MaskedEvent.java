package com.frontdesk.platform.logging;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;

/** A log event as it is written: its message (arguments filled in) and exception messages masked. */
final class MaskedEvent implements ILoggingEvent {

	private final ILoggingEvent event;

	private final String message;

	private final IThrowableProxy throwable;

	MaskedEvent(ILoggingEvent event) {
		this.event = event;
		this.message = LogMasking.mask(event.getFormattedMessage());
		this.throwable = MaskedThrowable.of(event.getThrowableProxy());
	}

	@Override
	public String getMessage() {
		return message;
	}

	@Override
	public Object[] getArgumentArray() {
		return null;
	}

	@Override
	public String getFormattedMessage() {
		return message;
	}

	@Override
	public IThrowableProxy getThrowableProxy() {
		return throwable;
	}

	@Override
	public String getThreadName() {
		return event.getThreadName();
	}

	@Override
	public Level getLevel() {
		return event.getLevel();
	}

	@Override
	public String getLoggerName() {
		return event.getLoggerName();
	}

	@Override
	public LoggerContextVO getLoggerContextVO() {
		return event.getLoggerContextVO();
	}

	@Override
	public StackTraceElement[] getCallerData() {
		return event.getCallerData();
	}

	@Override
	public boolean hasCallerData() {
		return event.hasCallerData();
	}

	@Override
	public List<Marker> getMarkerList() {
		return event.getMarkerList();
	}

	@Override
	public Map<String, String> getMDCPropertyMap() {
		return event.getMDCPropertyMap();
	}

	@Override
	@Deprecated
	public Map<String, String> getMdc() {
		return event.getMDCPropertyMap();
	}

	@Override
	public long getTimeStamp() {
		return event.getTimeStamp();
	}

	@Override
	public int getNanoseconds() {
		return event.getNanoseconds();
	}

	@Override
	public Instant getInstant() {
		return event.getInstant();
	}

	@Override
	public long getSequenceNumber() {
		return event.getSequenceNumber();
	}

	@Override
	public List<KeyValuePair> getKeyValuePairs() {
		List<KeyValuePair> pairs = event.getKeyValuePairs();
		return pairs == null ? null
				: pairs.stream()
					.map(pair -> new KeyValuePair(pair.key,
							pair.value == null ? null : LogMasking.mask(String.valueOf(pair.value))))
					.toList();
	}

	@Override
	public void prepareForDeferredProcessing() {
		event.prepareForDeferredProcessing();
	}

}
