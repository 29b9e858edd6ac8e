package com.frontdesk.booking;

/**
 * What is wrong with one field of a request, in words for the patient; never the value itself.
 *
 * @param field the field's name in the request ({@code phone})
 * @param detail what to do about it
 */
public record FieldProblem(String field, String detail) {
}
