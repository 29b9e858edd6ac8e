package com.frontdesk.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.frontdesk.practice.InvalidField;
import com.frontdesk.practice.InvalidPractice;
import com.frontdesk.practice.Practice;
import com.frontdesk.practice.PracticeConflict;
import com.frontdesk.practice.PracticeForm;
import com.frontdesk.practice.PracticeId;
import com.frontdesk.practice.Practices;

/**
 * {@code POST /api/admin/practices}: the deployment's operator creates a practice while it runs (anyone else is
 * refused, 403). It is served at once on this instance (its index built from its folder, its origins allowed, its
 * widget, callbacks and notices working) and on every other instance at its next heartbeat. Fields missing or wrong
 * are a 400 problem naming each one; an id, knowledge folder or admin username that is another's is a 409. Its first
 * admin account is made with it (the practice admin then makes the staff's, {@link StaffAccountsController}). The
 * creation is in the audit log of the operator's practice and of the new one.
 */
@Lazy // for the admin only: made when first asked for, not while the app starts
@RestController
class PracticeAdminController {

	private final Practices practices;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final StaffAccounts accounts;

	PracticeAdminController(Practices practices, AuditLog audit, TransactionTemplate transactions,
			StaffAccounts accounts) {
		this.practices = practices;
		this.accounts = accounts;
		this.audit = audit;
		this.transactions = transactions;
	}

	@PostMapping("/api/admin/practices")
	ResponseEntity<Created> create(@RequestBody NewPractice request, Authentication operator,
			HttpServletRequest http) {
		PracticeForm form = request.form();
		List<InvalidField> problems = new ArrayList<>(form.problems());
		problems.addAll(accounts.problems(request.admin(), "admin."));
		if (!problems.isEmpty()) {
			throw new InvalidPractice(problems);
		}
		Practice practice = transactions.execute(status -> {
			Practice created = practices.create(form, operator.getName());
			StaffAccounts.NewAccount first = new StaffAccounts.NewAccount(request.admin().username(),
					request.admin().password(), "admin");
			String admin = accounts.create(created.id(), first, AdminProperties.Role.ADMIN, operator.getName());
			record(List.of(StaffPractice.own(operator), created.id()), operator, "practice created",
					created.id().value(), http);
			record(List.of(created.id()), operator, "staff account created", admin, http);
			return created;
		});
		return ResponseEntity.created(URI.create("/api/admin/practices/" + practice.id().value()))
			.body(new Created(practice.id().value(), practice.profile().name()));
	}

	/**
	 * {@code GET /api/admin/practices/{id}}: a practice's profile and origins as they are, in the fields
	 * {@code PATCH} takes (and its knowledge folder, which stays), for the admin page's form that changes it.
	 */
	@GetMapping("/api/admin/practices/{id}")
	PracticeDetails details(@PathVariable String id) {
		PracticeId practice = PracticeId.parse(id);
		PracticeForm form = practices.form(practice);
		return new PracticeDetails(form.id(), practices.created(practice) ? "created" : "settings", form.profile(),
				form.allowedOrigins(), form.knowledgeDir());
	}

	/**
	 * {@code PATCH /api/admin/practices/{id}}: changes a created practice's profile fields and allowed origins (those
	 * given; its id, folder and accounts stay), here at once and on the other instances at their next heartbeat. A
	 * practice of settings is changed there (409).
	 */
	@PatchMapping("/api/admin/practices/{id}")
	Created change(@PathVariable String id, @RequestBody ChangedPractice request, Authentication operator,
			HttpServletRequest http) {
		PracticeId practice = PracticeId.parse(id);
		Practice changed = transactions.execute(status -> {
			Practice done = practices.change(practice, request.profile(), request.allowedOrigins(), operator.getName());
			record(List.of(StaffPractice.own(operator), practice), operator, "practice changed", practice.value(), http);
			return done;
		});
		return new Created(changed.id().value(), changed.profile().name());
	}

	private void record(List<PracticeId> logs, Authentication operator, String action, String subject,
			HttpServletRequest http) {
		String client = ClientAddresses.masked(http.getRemoteAddr());
		String requestId = RequestIds.current().orElse(null);
		logs.stream()
			.distinct()
			.forEach(log -> audit.record(log, operator.getName(), action, subject, client, requestId));
	}

	@ExceptionHandler(InvalidPractice.class)
	ResponseEntity<ProblemDetail> invalid(InvalidPractice ex) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-practice-form", "Invalid practice", ex.fields());
	}

	@ExceptionHandler(StaffAccounts.AccountTaken.class)
	ResponseEntity<ProblemDetail> taken(StaffAccounts.AccountTaken ex) {
		return problem(HttpStatus.CONFLICT, "account-taken", "Username taken",
				List.of(new InvalidField("admin.username", "That username is taken: choose another.")));
	}

	@ExceptionHandler(PracticeConflict.class)
	ResponseEntity<ProblemDetail> conflict(PracticeConflict ex) {
		return problem(HttpStatus.CONFLICT, "practice-conflict", "Another practice's already", List.of(ex.field()));
	}

	static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title,
			List<InvalidField> fields) {
		ProblemDetail problem = Problems.problem(status, type, title,
				fields.size() == 1 ? fields.get(0).detail() : "Some fields need attention.");
		problem.setProperty("errors",
				fields.stream().map(field -> new FieldError(field.field(), pointer(field.field()), field.detail())).toList());
		return ResponseEntity.status(status).body(problem);
	}

	/** {@code profile.timeZone} as {@code #/profile/timeZone}, {@code allowedOrigins[1]} as {@code #/allowedOrigins/1}. */
	private static String pointer(String field) {
		return "#/" + field.replace('.', '/').replace("[", "/").replace("]", "");
	}

	/**
	 * A practice to create: the fields of {@link PracticeForm}, and its first admin's account.
	 *
	 * @param admin the practice admin's username and password (role admin), who then makes the staff's accounts
	 */
	record NewPractice(String id, PracticeForm.Profile profile, String knowledgeDir, List<String> allowedOrigins,
			StaffAccounts.NewAccount admin) {

		PracticeForm form() {
			return new PracticeForm(id, profile, knowledgeDir, allowedOrigins);
		}

	}

	/**
	 * A change of a created practice.
	 *
	 * @param profile the profile fields to change (those not given stay)
	 * @param allowedOrigins the origins that replace its origins (not given: they stay)
	 */
	record ChangedPractice(PracticeForm.Profile profile, List<String> allowedOrigins) {
	}

	/**
	 * A practice as its change form shows it.
	 *
	 * @param source {@code created} (changed here) or {@code settings} (changed in the deployment's settings)
	 * @param knowledgeDir its knowledge folder on the server (null: {@code frontdesk.knowledge.dir}); it stays
	 */
	record PracticeDetails(String id, String source, PracticeForm.Profile profile, List<String> allowedOrigins,
			String knowledgeDir) {
	}

	record Created(String id, String name) {
	}

	/**
	 * One entry of a problem's {@code errors}.
	 *
	 * @param field the field's name
	 * @param pointer a JSON pointer to the field in the body (RFC 6901, as a URI fragment)
	 * @param detail what to do about it
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record FieldError(String field, String pointer, String detail) {
	}

}
