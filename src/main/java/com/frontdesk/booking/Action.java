package com.frontdesk.booking;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Something the patient can do next, shown as a button: book online, call the practice, ask to be called back,
 * call the emergency number, or reach a person.
 *
 * @param type {@code book}, {@code call}, {@code callback} (ask to be called back), {@code emergency} or
 * {@code handoff}
 * @param label the button text
 * @param url where the button leads (booking page, {@code tel:} link), if any
 * @param phone the number to call, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Action(String type, String label, String url, String phone) {
}
