package com.frontdesk.insights;

import static com.frontdesk.platform.Problems.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** What can go wrong with feedback and the admin's reports and conversations, as RFC 9457 problem responses. */
@RestControllerAdvice(basePackageClasses = InsightsProblems.class)
class InsightsProblems {

	@ExceptionHandler(InvalidInsightsRequest.class)
	ProblemDetail invalid(InvalidInsightsRequest ex) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", ex.getMessage());
	}

	@ExceptionHandler(ReplyNotFound.class)
	ProblemDetail unknownReply(ReplyNotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "reply-not-found", "Reply not found",
				"This conversation has no reply with this id.");
	}

	@ExceptionHandler(UnknownConversation.class)
	ProblemDetail unknownConversation(UnknownConversation ex) {
		return problem(HttpStatus.NOT_FOUND, "conversation-not-found", "Conversation not found",
				"No conversation with this id (it may have been deleted).");
	}

}
