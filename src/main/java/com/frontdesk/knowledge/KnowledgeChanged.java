package com.frontdesk.knowledge;

/** Published when files in the knowledge folder were added, changed or removed. */
public record KnowledgeChanged(String reason) {
}
