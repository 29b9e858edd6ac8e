package com.frontdesk.booking;

/** Cleans what a patient typed into a form field: control and invisible format characters out, spaces folded. */
final class PatientText {

	private PatientText() {
	}

	/**
	 * @param keepLines whether line breaks are kept (a reason) or folded into spaces (a name)
	 * @return the cleaned text, empty for null
	 */
	static String clean(String typed, boolean keepLines) {
		if (typed == null) {
			return "";
		}
		StringBuilder text = new StringBuilder(typed.length());
		typed.codePoints().forEach(cp -> {
			if (cp == '\n' && keepLines) {
				text.append('\n');
			}
			else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
				text.append(' ');
			}
			else if (!Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT
					&& Character.getType(cp) != Character.SURROGATE && Character.getType(cp) != Character.UNASSIGNED
					&& Character.getType(cp) != Character.PRIVATE_USE) {
				text.appendCodePoint(cp);
			}
		});
		return text.toString().replaceAll(" +", " ").replaceAll(" ?\n ?", "\n").replaceAll("\n{3,}", "\n\n").strip();
	}

}
