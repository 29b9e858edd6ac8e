package com.frontdesk.platform.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

/** An exception as the log shows it: its class and stack as they are, its message (and its causes') masked. */
final class MaskedThrowable implements IThrowableProxy {

	private final IThrowableProxy throwable;

	private final IThrowableProxy cause;

	private final IThrowableProxy[] suppressed;

	private MaskedThrowable(IThrowableProxy throwable) {
		this.throwable = throwable;
		this.cause = throwable.isCyclic() ? throwable.getCause() : of(throwable.getCause());
		IThrowableProxy[] original = throwable.getSuppressed();
		this.suppressed = original == null ? null : new IThrowableProxy[original.length];
		for (int i = 0; original != null && i < original.length; i++) {
			suppressed[i] = of(original[i]);
		}
	}

	static IThrowableProxy of(IThrowableProxy throwable) {
		return throwable == null ? null : new MaskedThrowable(throwable);
	}

	@Override
	public String getMessage() {
		return LogMasking.mask(throwable.getMessage());
	}

	@Override
	public String getOverridingMessage() {
		return LogMasking.mask(throwable.getOverridingMessage());
	}

	@Override
	public String getClassName() {
		return throwable.getClassName();
	}

	@Override
	public StackTraceElementProxy[] getStackTraceElementProxyArray() {
		return throwable.getStackTraceElementProxyArray();
	}

	@Override
	public int getCommonFrames() {
		return throwable.getCommonFrames();
	}

	@Override
	public IThrowableProxy getCause() {
		return cause;
	}

	@Override
	public IThrowableProxy[] getSuppressed() {
		return suppressed;
	}

	@Override
	public boolean isCyclic() {
		return throwable.isCyclic();
	}

}
