package com.frontdesk.practice;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One practice served by this deployment: who it is to patients, where its content is, which web pages may embed
 * its widget and which messaging accounts are its own.
 *
 * @param id its id
 * @param profile its name, numbers, address and hours as patients see them
 * @param knowledgeDir the folder of its knowledge files; empty for the default practice, whose folder is
 * {@code frontdesk.knowledge.dir}
 * @param allowedOrigins the web origins (such as {@code https://www.northside.example}) whose pages may use its widget,
 * besides the ones {@code frontdesk.web.allowed-origins} allows for every practice
 * @param channelAccounts its account on each messaging platform, by platform ({@code whatsapp}: the phone-number id,
 * {@code messenger}: the page id, {@code telegram}: the bot's user name, {@code sms}: the Twilio number); a message
 * sent to one of them is this practice's (Telegram's updates are told apart by their webhook path instead)
 * @param texts its own wording of patient-facing texts, by the key of the message bundles
 * ({@code conversation/replies/messages.properties}, {@code booking/actions.properties}), in English
 * @param textsInSpanish the same in Spanish
 */
public record Practice(PracticeId id, PracticeProfile profile, Optional<Path> knowledgeDir,
		List<String> allowedOrigins, Map<String, String> channelAccounts, Map<String, String> texts,
		Map<String, String> textsInSpanish) {

	public Practice {
		allowedOrigins = List.copyOf(allowedOrigins);
		channelAccounts = Map.copyOf(channelAccounts);
		texts = Map.copyOf(texts);
		textsInSpanish = Map.copyOf(textsInSpanish);
	}

	/** A practice that words every text as the bundles do. */
	public Practice(PracticeId id, PracticeProfile profile, Optional<Path> knowledgeDir, List<String> allowedOrigins,
			Map<String, String> channelAccounts) {
		this(id, profile, knowledgeDir, allowedOrigins, channelAccounts, Map.of(), Map.of());
	}

	/** The practice's own wording of a patient-facing text, if it has one. */
	public Optional<String> text(String key, boolean spanish) {
		return Optional.ofNullable((spanish ? textsInSpanish : texts).get(key));
	}

	/** Its account on a messaging platform, if it has one there. */
	public Optional<String> channelAccount(String platform) {
		return Optional.ofNullable(channelAccounts.get(platform));
	}

}
