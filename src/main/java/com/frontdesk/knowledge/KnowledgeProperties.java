package com.frontdesk.knowledge;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the practice's content lives and how it is watched.
 *
 * @param dir folder with Markdown ({@code .md}) and plain-text ({@code .txt}) files
 * @param watch re-index automatically when a file in the folder changes
 * @param watchDebounce how long to wait for more changes before re-indexing
 * @param maxPassageWords sections longer than this are split into several passages
 */
@ConfigurationProperties("frontdesk.knowledge")
public record KnowledgeProperties(@DefaultValue("knowledge") Path dir, @DefaultValue("true") boolean watch,
		@DefaultValue("750ms") Duration watchDebounce, @DefaultValue("90") int maxPassageWords) {
}
