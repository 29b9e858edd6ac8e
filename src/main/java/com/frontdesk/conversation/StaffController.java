package com.frontdesk.conversation;

import static com.frontdesk.platform.Problems.problem;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.context.annotation.Lazy;

import com.frontdesk.practice.PracticeId;

/**
 * The practice's side of human handoff (admin only, see {@code platform.AdminSecurity}):
 * {@code GET /api/admin/handoffs} lists the conversations waiting for or owned by staff;
 * {@code POST /api/admin/conversations/{id}/messages} {@code {"text": ...}} replies to the patient (staff own the
 * conversation from then on); {@code .../release} hands it back to the assistant; {@code .../close} closes it. Each
 * works on the signed-in staff member's practice only ({@link PracticeId} parameters are theirs).
 */
@Lazy // for the admin only: made when first asked for, not while the app starts
@RestController
class StaffController {

	private final Handoffs handoffs;

	StaffController(Handoffs handoffs) {
		this.handoffs = handoffs;
	}

	@GetMapping("/api/admin/handoffs")
	List<Handoffs.OpenHandoff> open(PracticeId practice) {
		return handoffs.open(practice);
	}

	@PostMapping("/api/admin/conversations/{id}/messages")
	ResponseEntity<Void> reply(PracticeId practice, @PathVariable String id, @RequestBody StaffReply body) {
		handoffs.reply(practice, id, body.text());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/admin/conversations/{id}/release")
	ResponseEntity<Void> release(PracticeId practice, @PathVariable String id) {
		handoffs.release(practice, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/admin/conversations/{id}/close")
	ResponseEntity<Void> close(PracticeId practice, @PathVariable String id) {
		handoffs.close(practice, id);
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(InvalidStaffMessage.class)
	ProblemDetail invalid(InvalidStaffMessage ex) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-staff-message", "Invalid message", ex.getMessage());
	}

	@ExceptionHandler(ConversationNotFound.class)
	ProblemDetail unknown(ConversationNotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "conversation-not-found", "Conversation not found",
				"No conversation with this id (it may have been deleted).");
	}

	/** A staff reply. */
	record StaffReply(String text) {
	}

}
