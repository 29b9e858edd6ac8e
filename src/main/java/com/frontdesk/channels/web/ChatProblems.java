package com.frontdesk.channels.web;

import static com.frontdesk.platform.Problems.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.frontdesk.conversation.BlankMessage;
import com.frontdesk.conversation.ConversationNotFound;
import com.frontdesk.conversation.ConversationTooLong;
import com.frontdesk.conversation.MessageTooLong;
import com.frontdesk.practice.PracticeProfile;
import com.frontdesk.retrieval.KnowledgeUnavailable;

/** Turns what can go wrong with a chat message into RFC 9457 problem responses. */
@RestControllerAdvice
class ChatProblems {

	private final PracticeProfile practice;

	ChatProblems(PracticeProfile practice) {
		this.practice = practice;
	}

	@ExceptionHandler(InvalidChatRequest.class)
	ProblemDetail invalid(InvalidChatRequest ex) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid chat request", ex.getMessage());
	}

	@ExceptionHandler(BlankMessage.class)
	ProblemDetail blank(BlankMessage ex) {
		return problem(HttpStatus.BAD_REQUEST, "empty-message", "Empty message", "\"message\" must contain some text");
	}

	@ExceptionHandler(MessageTooLong.class)
	ProblemDetail tooLong(MessageTooLong ex) {
		ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "message-too-long", "Message too long",
				ex.getMessage() + "; please shorten it.");
		problem.setProperty("maxLength", ex.limit());
		return problem;
	}

	@ExceptionHandler(ConversationNotFound.class)
	ProblemDetail unknownConversation(ConversationNotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "conversation-not-found", "Conversation not found",
				"No conversation with this id; send \"conversationId\": null to start a new one.");
	}

	@ExceptionHandler(ConversationTooLong.class)
	ProblemDetail conversationTooLong(ConversationTooLong ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "conversation-too-long", "Conversation too long",
				"This conversation has reached its limit of " + ex.maxTurns() + " messages. Please start a new "
						+ "conversation, or call " + practice.name() + " at " + practice.phone() + ".");
		problem.setProperty("maxTurns", ex.maxTurns());
		return problem;
	}

	@ExceptionHandler(KnowledgeUnavailable.class)
	ProblemDetail knowledgeUnavailable(KnowledgeUnavailable ex) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "knowledge-unavailable", "Knowledge not available",
				"The practice's information cannot be searched right now. Please call " + practice.name() + " at "
						+ practice.phone() + ".");
	}

}
