package com.frontdesk.knowledge;

/** A knowledge file that could not be used, and why; reported by file name, never fatal. */
public record KnowledgeProblem(String file, String reason) {
}
