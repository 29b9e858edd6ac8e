package com.frontdesk.insights;

import java.time.Clock;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.context.annotation.Lazy;

import com.frontdesk.practice.PracticeId;
import com.frontdesk.practice.Practices;

/**
 * The practice's reports (admin only): {@code GET /api/admin/reports/content-gaps?from&to} and
 * {@code GET /api/admin/reports/dashboard?days}. Days are the practice's ({@code frontdesk.practice.time-zone}).
 */
@Lazy // for the admin only: made when first asked for, not while the app starts
@RestController
class ReportsController {

	private final ContentGaps gaps;

	private final Dashboard dashboard;

	private final Practices practices;

	private final Clock clock;

	ReportsController(ContentGaps gaps, Dashboard dashboard, Practices practices, Clock clock) {
		this.gaps = gaps;
		this.dashboard = dashboard;
		this.practices = practices;
		this.clock = clock;
	}

	@GetMapping("/api/admin/reports/content-gaps")
	ContentGaps.Report contentGaps(PracticeId practice, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		return gaps.report(ReportPeriod.between(practice, from, to, zone(practice), clock));
	}

	@GetMapping("/api/admin/reports/dashboard")
	Dashboard.Report dashboard(PracticeId practice, @RequestParam(defaultValue = "30") int days) {
		return dashboard.report(ReportPeriod.lastDays(practice, days, zone(practice), clock));
	}

	private java.time.ZoneId zone(PracticeId practice) {
		return practices.get(practice).profile().timeZone();
	}

}
