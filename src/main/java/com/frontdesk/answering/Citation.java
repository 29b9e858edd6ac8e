package com.frontdesk.answering;

/**
 * Where a reply's content comes from.
 *
 * @param title the source document's title
 * @param section the section inside it
 * @param url a link to the source
 * @param snippet the words of the source the reply relies on
 */
public record Citation(String title, String section, String url, String snippet) {
}
