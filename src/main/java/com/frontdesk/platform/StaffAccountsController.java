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
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.frontdesk.practice.InvalidField;
import com.frontdesk.practice.InvalidPractice;
import com.frontdesk.practice.PracticeId;

/**
 * A practice's staff accounts, for its admin (the operator for any practice, {@code ?practice=}):
 * {@code GET /api/admin/accounts} lists them (those of settings and those made here),
 * {@code POST /api/admin/accounts} makes one (username, password of at least 12 characters, role {@code staff} or
 * {@code admin}), {@code DELETE /api/admin/accounts/{username}} disables one made here: it cannot sign in any more
 * and its sessions end; {@code PUT /api/admin/accounts/{username}/password} gives one made here a new password
 * (a colleague who forgot theirs, or one disabled by mistake): it signs in with that one only, enabled again, and its
 * sessions with the old one end. Every change is in the practice's audit log. Another practice's accounts are not found.
 */
@Lazy // for the admin only: made when first asked for, not while the app starts
@RestController
class StaffAccountsController {

	private final StaffAccounts accounts;

	private final AdminProperties settings;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final FindByIndexNameSessionRepository<?> sessions;

	StaffAccountsController(StaffAccounts accounts, AdminProperties settings, AuditLog audit,
			TransactionTemplate transactions, FindByIndexNameSessionRepository<?> sessions) {
		this.accounts = accounts;
		this.settings = settings;
		this.audit = audit;
		this.transactions = transactions;
		this.sessions = sessions;
	}

	@GetMapping("/api/admin/accounts")
	List<StaffAccounts.Account> list(PracticeId practice) {
		List<StaffAccounts.Account> all = new ArrayList<>();
		if (practice.isDefault()) {
			all.add(new StaffAccounts.Account(settings.username(), "admin", "settings", null, null, null));
		}
		settings.accounts()
			.stream()
			.filter(account -> PracticeId.parse(account.practice()).equals(practice))
			.map(account -> new StaffAccounts.Account(account.username(),
					account.role() == AdminProperties.Role.STAFF ? "staff" : "admin", "settings", null, null, null))
			.forEach(all::add);
		all.addAll(accounts.of(practice));
		return all;
	}

	@PostMapping("/api/admin/accounts")
	ResponseEntity<Made> create(@RequestBody StaffAccounts.NewAccount account, PracticeId practice,
			Authentication admin, HttpServletRequest request) {
		List<InvalidField> problems = accounts.problems(account, "");
		if (!problems.isEmpty()) {
			throw new InvalidPractice(problems);
		}
		String username = transactions.execute(status -> {
			String made = accounts.create(practice, account, AdminProperties.Role.STAFF, admin.getName());
			record(practice, admin, "staff account created", made, request);
			return made;
		});
		return ResponseEntity.created(URI.create("/api/admin/accounts/" + username))
			.body(new Made(username, practice.value()));
	}

	@DeleteMapping("/api/admin/accounts/{username}")
	ResponseEntity<?> disable(@PathVariable String username, PracticeId practice, Authentication admin,
			HttpServletRequest request) {
		if (AdminProperties.normalized(username).equals(AdminProperties.normalized(admin.getName()))) {
			return problem(HttpStatus.CONFLICT, "own-account", "Own account",
					"You cannot disable the account you are signed in with: ask another admin of the practice.");
		}
		if (!accounts.exists(practice, username)) {
			return notMadeHere();
		}
		transactions.executeWithoutResult(status -> {
			if (accounts.disable(practice, username, admin.getName())) {
				record(practice, admin, "staff account disabled", AdminProperties.normalized(username), request);
			}
		});
		// Its sessions end now, on every instance (they are kept in the shared database).
		sessions.findByPrincipalName(AdminProperties.normalized(username)).keySet().forEach(sessions::deleteById);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/api/admin/accounts/{username}/password")
	ResponseEntity<?> setPassword(@PathVariable String username, @RequestBody(required = false) NewPassword body,
			PracticeId practice, Authentication admin, HttpServletRequest request) {
		String password = body == null ? null : body.password();
		StaffAccounts.passwordProblem(password, "password").ifPresent(problem -> {
			throw new InvalidPractice(List.of(problem));
		});
		boolean changed = Boolean.TRUE.equals(transactions.execute(status -> {
			boolean set = accounts.setPassword(practice, username, password);
			if (set) {
				record(practice, admin, "staff account password set", AdminProperties.normalized(username), request);
			}
			return set;
		}));
		if (!changed) {
			return notMadeHere();
		}
		sessions.findByPrincipalName(AdminProperties.normalized(username)).keySet().forEach(sessions::deleteById);
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<ProblemDetail> notMadeHere() {
		return problem(HttpStatus.NOT_FOUND, "account-not-found", "Account not found",
				"The practice has no account of that name made here (accounts in settings are changed there).");
	}

	/** A new password for an account; never logged. */
	record NewPassword(String password) {

		@Override
		public String toString() {
			return "NewPassword[…]";
		}

	}

	@ExceptionHandler(StaffAccounts.AccountTaken.class)
	ResponseEntity<ProblemDetail> taken(StaffAccounts.AccountTaken ex) {
		return PracticeAdminController.problem(HttpStatus.CONFLICT, "account-taken", "Username taken",
				List.of(new InvalidField("username", "That username is taken: choose another.")));
	}

	@ExceptionHandler(InvalidPractice.class)
	ResponseEntity<ProblemDetail> invalid(InvalidPractice ex) {
		return PracticeAdminController.problem(HttpStatus.BAD_REQUEST, "invalid-account", "Invalid account",
				ex.fields());
	}

	private void record(PracticeId practice, Authentication admin, String action, String subject,
			HttpServletRequest request) {
		audit.record(practice, admin.getName(), action, subject, ClientAddresses.masked(request.getRemoteAddr()),
				RequestIds.current().orElse(null));
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title,
			String detail) {
		return ResponseEntity.status(status).body(Problems.problem(status, type, title, detail));
	}

	/** An account made: its name (as it signs in) and practice. */
	record Made(String username, String practice) {
	}

}
