package com.frontdesk.conversation;

/** Cleans a patient's message: control characters out, white space folded, the text otherwise as typed. */
public final class MessageText {

	private MessageText() {
	}

	public static String clean(String message) {
		if (message == null) {
			return "";
		}
		StringBuilder text = new StringBuilder(message.length());
		message.codePoints().forEach(cp -> {
			if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
				text.append(cp == '\n' ? '\n' : ' ');
			}
			else if (!Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT
					&& Character.getType(cp) != Character.SURROGATE && Character.getType(cp) != Character.UNASSIGNED) {
				text.appendCodePoint(cp);
			}
		});
		return text.toString().replaceAll("[ \\t]+", " ").replaceAll("\\s*\\n\\s*", "\n").strip();
	}

}
