package com.frontdesk.practice;

/**
 * What is wrong with one field of a practice as the operator sent it; never the value itself.
 *
 * @param field the field's name in the request ({@code profile.timeZone}, {@code allowedOrigins[1]})
 * @param detail what to do about it
 */
public record InvalidField(String field, String detail) {
}
