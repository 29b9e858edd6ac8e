package com.frontdesk.channels.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.frontdesk.answering.Citation;
import com.frontdesk.booking.Action;
import com.frontdesk.conversation.ChatReply;
import com.frontdesk.conversation.Intent;
import com.frontdesk.booking.PatientTexts;
import com.frontdesk.practice.Audience;
import com.frontdesk.practice.Practice;
import com.frontdesk.practice.PracticeId;
import com.frontdesk.practice.PracticeProfile;

/** How replies read on a plain-text platform. */
class PlainTextRepliesTest {

	static final PracticeProfile PRACTICE = new PracticeProfile("Sample Spine Practice", "+1-555-0100",
			"https://www.example.com/book", "https://www.example.com", "100 Sample Street", "Monday to Friday", "911",
			"988");

	static final String PAGE = "https://www.example.com/procedures/minimally-invasive-lateral-fusion";

	final PlainTextReplies replies = new PlainTextReplies(new ChannelTexts(new PatientTexts()));

	static final Audience AUDIENCE = new Audience(new Practice(PracticeId.DEFAULT, PRACTICE, Optional.empty(), List.of(),
			Map.of()), false);

	@Test
	void replacesTheSourceLineWithTheSourceNameAndLink() {
		ChatReply reply = new ChatReply("c", "Upon healing, you will have one small scar on your side.\n\n"
				+ "Source: Minimally Invasive Lateral Fusion – Scars", Intent.ANSWER,
				List.of(new Citation("Minimally Invasive Lateral Fusion", "Scars", PAGE, "Upon healing...")), List.of(), "1");

		assertThat(replies.compose(reply, AUDIENCE)).isEqualTo("Upon healing, you will have one small scar on your side.\n\n"
				+ "Source: Minimally Invasive Lateral Fusion – Scars\n" + PAGE);
	}

	@Test
	void namesADocumentOnceWhenSeveralOfItsSectionsAreCited() {
		ChatReply reply = new ChatReply("c", "Two facts.\n\nSources: A – One; A – Two", Intent.ANSWER,
				List.of(new Citation("A", "One", PAGE, ""), new Citation("A", "Two", PAGE, ""),
						new Citation("B", "Three", "https://www.example.com/b", "")),
				List.of(), "1");

		assertThat(replies.compose(reply, AUDIENCE))
			.isEqualTo("Two facts.\n\nSources:\nA\n" + PAGE + "\nB – Three\nhttps://www.example.com/b");
	}

	@Test
	void addsTheBookingLinkAndPhoneTheTextDoesNotAlreadyGive() {
		ChatReply reply = new ChatReply("c", "To find out whether it is right for you, book a consultation.",
				Intent.ANSWER, List.of(), List.of(new Action("book", "Book a consultation", "https://www.example.com/book", null),
						new Action("call", "Call Sample Spine Practice", "tel:+15550100", "+1-555-0100")), "1");

		assertThat(replies.compose(reply, AUDIENCE)).endsWith("\n\nBook online: https://www.example.com/book\nCall: +1-555-0100");
	}

	@Test
	void doesNotRepeatContactDetailsTheTextGives() {
		ChatReply reply = new ChatReply("c", "Book at https://www.example.com/book or call +1-555-0100.", Intent.BOOKING,
				List.of(), List.of(new Action("book", "Book", "https://www.example.com/book", null),
						new Action("call", "Call", "tel:+15550100", "+1-555-0100")), "1");

		assertThat(replies.compose(reply, AUDIENCE)).isEqualTo("Book at https://www.example.com/book or call +1-555-0100.");
	}

	@Test
	void theButtonsAndTheShortenedNoteAreWordedForThePracticeThePatientWroteTo() {
		PracticeProfile north = new PracticeProfile("Northside Spine Center", "+1-555-0199",
				"https://northside.example/book", "https://northside.example", "9 North Road", "Monday to Friday", "999",
				"988");
		Audience northside = new Audience(new Practice(new PracticeId("northside"), north, Optional.empty(), List.of(),
				Map.of(), Map.of("channel.callback", "Text CALL and Northside calls you back."), Map.of()), false);
		ChatReply reply = new ChatReply("c", "You can book a consultation.", Intent.BOOKING, List.of(),
				List.of(new Action("callback", "Ask for a call back", null, null)), "1");

		assertThat(replies.compose(reply, northside)).endsWith("Text CALL and Northside calls you back.");
		assertThat(replies.split("A sentence that goes on. ".repeat(200), new ReplyLimits(300, 1), northside).get(0))
			.endsWith("(Shortened. More at https://northside.example or call +1-555-0199.)");
	}

	@Test
	void putsEmergencyInstructionsFirst() {
		ChatReply reply = new ChatReply("c", "Please get help.", Intent.EMERGENCY, List.of(),
				List.of(new Action("emergency", "Call 911 now", "tel:911", "911")), "1");

		List<String> parts = replies.render(reply, new ReplyLimits(200, 1), AUDIENCE);

		assertThat(parts).containsExactly("Call 911 now.\n\nPlease get help.");
	}

	@Test
	void splitsLongRepliesUnderThePlatformLimitAtParagraphsAndSentences() {
		String paragraph = "This sentence is about the procedure and is fairly long. ".repeat(10).strip();
		String text = String.join("\n\n", paragraph, paragraph, paragraph);

		List<String> parts = replies.split(text, new ReplyLimits(600, 5), AUDIENCE);

		assertThat(parts).hasSizeGreaterThan(1).allSatisfy(part -> assertThat(part).hasSizeLessThanOrEqualTo(600));
		assertThat(String.join(" ", parts).replaceAll("\\s+", " ")).isEqualTo(text.replaceAll("\\s+", " "));
		assertThat(parts.get(0)).endsWith(".");
	}

	@Test
	void shortensBeyondTheMostMessagesAndSaysWhereToReadMore() {
		String text = "A sentence that goes on. ".repeat(200);

		List<String> parts = replies.split(text, new ReplyLimits(300, 2), AUDIENCE);

		assertThat(parts).hasSize(2).allSatisfy(part -> assertThat(part).hasSizeLessThanOrEqualTo(300));
		assertThat(parts.get(1)).endsWith("(Shortened. More at https://www.example.com or call +1-555-0100.)");
	}

	@Test
	void cutsAWordLongerThanTheLimitWithoutBreakingACharacter() {
		String emoji = "\uD83D\uDE00";
		String text = "x".repeat(199) + emoji + "y".repeat(50);

		List<String> parts = TextSplitter.split(text, 200);

		assertThat(parts).hasSize(2);
		assertThat(parts.get(0)).hasSize(199);
		assertThat(parts.get(1)).startsWith(emoji);
	}

}
