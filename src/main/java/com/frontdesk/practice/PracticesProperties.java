package com.frontdesk.practice;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The practices this deployment serves besides the default one ({@code frontdesk.practices[n].*}). The default
 * practice is always there: its profile is {@code frontdesk.practice.*} and its content {@code frontdesk.knowledge.dir},
 * so a single-practice installation needs none of this.
 *
 * @param practices the further practices, each with its own id, profile, knowledge folder, origins and accounts
 */
@ConfigurationProperties("frontdesk")
public record PracticesProperties(List<Entry> practices) {

	public PracticesProperties {
		practices = practices == null ? List.of() : List.copyOf(practices);
	}

	/**
	 * One further practice.
	 *
	 * @param id its id ({@link PracticeId}: lower-case letters, digits and hyphens), never {@code default}
	 * @param profile its profile, with the same keys as {@code frontdesk.practice.*}
	 * @param knowledgeDir the folder of its knowledge files (required)
	 * @param allowedOrigins the web origins whose pages may embed its widget
	 * @param channels its messaging accounts by platform ({@code whatsapp}, {@code messenger}, {@code telegram},
	 * {@code sms})
	 * @param texts its own wording of patient-facing texts by bundle key ({@code texts.[handoff.requested]}), English
	 * @param textsEs the same in Spanish ({@code texts-es.[handoff.requested]})
	 */
	public record Entry(String id, @DefaultValue PracticeProfile profile, Path knowledgeDir, List<String> allowedOrigins,
			Map<String, String> channels, Map<String, String> texts, Map<String, String> textsEs) {

		@Override
		public String toString() {
			return "Practice[" + id + "]";
		}

	}

}
